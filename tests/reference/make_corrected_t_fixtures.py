#!/usr/bin/python3
"""Write reference values for ClassicalML's corrected resampled t interval (Nadeau and Bengio 2003).

Run with Debian's interpreter (numpy 1.24, scipy 1.10):

    /usr/bin/python3 tests/reference/make_corrected_t_fixtures.py

Writes tests/reference/intervals/corrected_t_cases.json. Seeded: running it twice writes the same file.
The C# tests read the JSON and never need Python.

For J values x with mean m and sample variance s2 (ddof=1) and a design with ratio r = n_test / n_train:
se = sqrt((1/J + r) * s2), interval = m -/+ t.ppf(1 - (1 - confidence)/2, J - 1) * se,
t = m / se, p = 2 * t.sf(|t|, J - 1)  (scipy.stats.t).
"""
import json
import os

import numpy as np
import scipy
from scipy import stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "intervals")


def corrected_t(values, ratio, confidence):
    x = np.asarray(values, dtype=float)
    j = len(x)
    mean = float(np.mean(x))
    s2 = float(np.var(x, ddof=1))
    se = float(np.sqrt((1.0 / j + ratio) * s2))
    q = float(stats.t.ppf(1 - (1 - confidence) / 2, j - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        t = float(np.float64(mean) / np.float64(se))
    p = float(2 * stats.t.sf(abs(t), j - 1)) if not np.isnan(t) else None
    return {
        "mean": mean,
        "standard_error": se,
        "degrees_of_freedom": j - 1,
        "quantile": q,
        "lower": mean - q * se,
        "upper": mean + q * se,
        "t_statistic": t if np.isfinite(t) else ("inf" if t > 0 else "-inf") if not np.isnan(t) else None,
        "p_value": p,
    }


def kfold(name, first, second, folds, confidence=0.95):
    ratio = 1.0 / (folds - 1)
    case = {"name": name, "design": "kfold", "folds": folds, "ratio": ratio, "confidence": confidence,
            "first": [float(v) for v in first]}
    case["single"] = corrected_t(first, ratio, confidence)
    if second is not None:
        case["second"] = [float(v) for v in second]
        case["paired"] = corrected_t(np.asarray(first) - np.asarray(second), ratio, confidence)
    return case


def train_test(name, first, second, test_rows, train_rows, confidence=0.95):
    ratio = test_rows / train_rows
    case = {"name": name, "design": "train_test", "test_rows": test_rows, "train_rows": train_rows,
            "ratio": ratio, "confidence": confidence, "first": [float(v) for v in first],
            "second": [float(v) for v in second]}
    case["single"] = corrected_t(first, ratio, confidence)
    case["paired"] = corrected_t(np.asarray(first) - np.asarray(second), ratio, confidence)
    return case


def main():
    rng = np.random.default_rng(20261201)
    cases = []
    # 10 x 5-fold AUCs of two models that differ by about 0.01.
    a = 0.80 + 0.03 * rng.standard_normal(50)
    b = a - 0.01 + 0.01 * rng.standard_normal(50)
    cases.append(kfold("repeated 10x5-fold, small paired gap", a, b, 5))
    # 5 x 2-fold (Dietterich's design), 90% confidence.
    a = 0.70 + 0.05 * rng.standard_normal(10)
    b = 0.72 + 0.05 * rng.standard_normal(10)
    cases.append(kfold("5x2-fold, 90% confidence", a, b, 2, confidence=0.90))
    # 10-fold once, 99% confidence, large clear difference (tiny p-value).
    a = 0.90 + 0.005 * rng.standard_normal(10)
    b = 0.60 + 0.005 * rng.standard_normal(10)
    cases.append(kfold("10-fold, 99% confidence, large gap", a, b, 10, confidence=0.99))
    # Two folds only (one degree of freedom).
    cases.append(kfold("two values", [0.75, 0.81], [0.70, 0.79], 2))
    # Identical paired scores: zero variance, zero mean -> t and p undefined.
    same = 0.6 + 0.02 * rng.standard_normal(6)
    cases.append(kfold("identical models (0/0)", same, same, 3))
    # Repeated random 30% test splits of 1000 rows (Nadeau and Bengio's setting).
    a = 0.85 + 0.02 * rng.standard_normal(15)
    b = 0.84 + 0.02 * rng.standard_normal(15)
    cases.append(train_test("15 random 300/700 splits", a, b, 300, 700))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "corrected_t_cases.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "tests/reference/make_corrected_t_fixtures.py",
                   "implementation": f"numpy {np.__version__}, scipy {scipy.__version__} (Debian)",
                   "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
