#!/usr/bin/python3
"""Write reference values for ClassicalML's reliability curve, calibration errors and Brier decomposition.

Run with Debian's interpreter (scikit-learn 1.2, numpy 1.24, statsmodels 0.13):

    /usr/bin/python3 tests/reference/make_calibration_fixtures.py

Writes tests/reference/calibration/calibration_cases.json and calibration_weighted_cases.json. Seeded: running it twice writes the same file.
The C# tests read the JSON and never need Python.

prob_true, prob_pred: sklearn.calibration.calibration_curve(y, p, n_bins=, strategy=) itself. Bin edges, counts
and positives: the same steps as sklearn 1.2's calibration_curve (np.linspace or np.percentile edges,
np.searchsorted(edges[1:-1], p) bin ids, np.bincount), empty bins dropped. Wilson intervals per bin:
statsmodels.stats.proportion.proportion_confint(positives, count, alpha=0.05, method="wilson").
ECE = sum_b n_b/n |prob_true_b - prob_pred_b|, MCE = max_b |prob_true_b - prob_pred_b|.
Brier: sklearn.metrics.brier_score_loss. Murphy's decomposition with the bin means f_b = prob_pred_b,
o_b = prob_true_b and base rate o: reliability = sum_b n_b (f_b - o_b)^2 / n, resolution = sum_b n_b (o_b - o)^2 / n,
uncertainty = o (1 - o); within-bin variance = sum_i (p_i - f_b(i))^2 / n and within-bin covariance
= 2 sum_i (y_i - o_b(i)) (p_i - f_b(i)) / n, so that brier = rel - res + unc + wbv - wbc (Stephenson et al. 2008).

Weighted cases (calibration_curve takes no weights): with integer weights, every value above is computed on the rows
repeated weight times (np.repeat), calibration_curve included, and the rows with their weights are written; with
non-integer weights (uniform bins), the same numpy steps with np.bincount(ids, weights=w), weighted means and weighted
Brier terms (sum_i w_i ... / sum_i w_i); their per-bin "counts" are sums of weights, and no Wilson bound is written.
"""
import json
import os

import numpy as np
import scipy
import sklearn
import statsmodels
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss
from statsmodels.stats.proportion import proportion_confint

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "calibration")


def case(name, y, p, n_bins, strategy):
    y = np.asarray(y, dtype=int)
    p = np.asarray(p, dtype=float)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
    if strategy == "quantile":
        edges = np.percentile(p, np.linspace(0, 1, n_bins + 1) * 100)
    else:
        edges = np.linspace(0.0, 1.0, n_bins + 1)
    ids = np.searchsorted(edges[1:-1], p)
    total = np.bincount(ids, minlength=len(edges))
    positives = np.bincount(ids, weights=y, minlength=len(edges))
    nonzero = np.flatnonzero(total != 0)
    counts, pos = total[nonzero], positives[nonzero].astype(int)
    low, high = proportion_confint(pos, counts, alpha=0.05, method="wilson")
    n = len(y)
    base = y.mean()
    f_b = np.zeros(len(edges))
    o_b = np.zeros(len(edges))
    f_b[nonzero], o_b[nonzero] = prob_pred, prob_true
    gap = np.abs(prob_true - prob_pred)
    return {
        "name": name, "n_bins": n_bins, "strategy": strategy,
        "labels": y.tolist(), "probabilities": p.tolist(),
        "edges": edges.tolist(), "bin_index": nonzero.tolist(),
        "prob_true": prob_true.tolist(), "prob_pred": prob_pred.tolist(),
        "counts": counts.tolist(), "positives": pos.tolist(),
        "wilson_lower": np.atleast_1d(low).tolist(), "wilson_upper": np.atleast_1d(high).tolist(),
        "ece": float(np.sum(counts / n * gap)), "mce": float(np.max(gap)),
        "brier": float(brier_score_loss(y, p)),
        "reliability": float(np.sum(counts * (prob_pred - prob_true) ** 2) / n),
        "resolution": float(np.sum(counts * (prob_true - base) ** 2) / n),
        "uncertainty": float(base * (1 - base)),
        "within_bin_variance": float(np.sum((p - f_b[ids]) ** 2) / n),
        "within_bin_covariance": float(2 * np.sum((y - o_b[ids]) * (p - f_b[ids])) / n),
    }


def weighted_case(name, y, p, w, n_bins, strategy):
    y = np.asarray(y, dtype=int)
    p = np.asarray(p, dtype=float)
    w = np.asarray(w, dtype=float)
    if np.all(w == np.round(w)):
        rows = np.repeat(np.arange(len(y)), w.astype(int))
        c = case(name, y[rows], p[rows], n_bins, strategy)
        c.update({"labels": y.tolist(), "probabilities": p.tolist(), "weights": w.tolist()})
        return c
    assert strategy == "uniform"
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    ids = np.searchsorted(edges[1:-1], p)
    total = np.bincount(ids, weights=w, minlength=len(edges))
    positives = np.bincount(ids, weights=w * y, minlength=len(edges))
    sums = np.bincount(ids, weights=w * p, minlength=len(edges))
    nonzero = np.flatnonzero(np.bincount(ids, weights=(w > 0).astype(float), minlength=len(edges)) != 0)
    prob_true, prob_pred = positives[nonzero] / total[nonzero], sums[nonzero] / total[nonzero]
    n = w.sum()
    base = np.sum(w * y) / n
    f_b = np.zeros(len(edges))
    o_b = np.zeros(len(edges))
    f_b[nonzero], o_b[nonzero] = prob_pred, prob_true
    gap = np.abs(prob_true - prob_pred)
    counts = total[nonzero]
    return {
        "name": name, "n_bins": n_bins, "strategy": strategy,
        "labels": y.tolist(), "probabilities": p.tolist(), "weights": w.tolist(),
        "edges": edges.tolist(), "bin_index": nonzero.tolist(),
        "prob_true": prob_true.tolist(), "prob_pred": prob_pred.tolist(),
        "counts": counts.tolist(), "positives": positives[nonzero].tolist(),
        "ece": float(np.sum(counts / n * gap)), "mce": float(np.max(gap)),
        "brier": float(np.sum(w * (p - y) ** 2) / n),
        "reliability": float(np.sum(counts * (prob_pred - prob_true) ** 2) / n),
        "resolution": float(np.sum(counts * (prob_true - base) ** 2) / n),
        "uncertainty": float(base * (1 - base)),
        "within_bin_variance": float(np.sum(w * (p - f_b[ids]) ** 2) / n),
        "within_bin_covariance": float(2 * np.sum(w * (y - o_b[ids]) * (p - f_b[ids])) / n),
    }


def weighted_cases():
    rng = np.random.default_rng(20261203)
    cases = []
    p = rng.beta(2, 3, 300)
    y = (rng.random(300) < p ** 1.3).astype(int)
    w = rng.integers(0, 4, 300)
    cases.append(weighted_case("integer weights 0 to 3, uniform 10", y, p, w, 10, "uniform"))
    cases.append(weighted_case("integer weights 0 to 3, quantile 10", y, p, w, 10, "quantile"))
    q = np.round(rng.choice([0.0, 0.1, 0.2, 0.3, 0.4, 0.6, 1.0], 150), 1)
    z = (rng.random(150) < q).astype(int)
    cases.append(weighted_case("integer weights, values on the edges, quantile 6", z, q, rng.integers(1, 5, 150), 6, "quantile"))
    cases.append(weighted_case("non-integer weights, uniform 10", y, p, np.where(rng.random(300) < 0.1, 0.0, rng.random(300) * 2.5), 10, "uniform"))
    cases.append(weighted_case("non-integer weights, values on the edges, uniform 5", z, q, rng.random(150) * 3 + 0.01, 5, "uniform"))
    with open(os.path.join(OUT, "calibration_weighted_cases.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "tests/reference/make_calibration_fixtures.py",
                   "implementation": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, scipy {scipy.__version__}, statsmodels {statsmodels.__version__} (Debian); integer weights as repeated rows",
                   "cases": cases}, f, indent=1)
        f.write("\n")


def main():
    rng = np.random.default_rng(20261201)
    cases = []
    p = rng.beta(2, 3, 500)
    y = (rng.random(500) < p ** 1.3).astype(int)
    cases.append(case("500 rows, overconfident, uniform 10", y, p, 10, "uniform"))
    cases.append(case("500 rows, overconfident, quantile 10", y, p, 10, "quantile"))
    # Probabilities on the grid 0, 0.1, ..., 1: many values equal an edge (they go to the lower bin) and bins are empty.
    p = np.round(rng.choice([0.0, 0.1, 0.2, 0.3, 0.4, 0.6, 1.0], 200, p=[.1, .2, .2, .1, .2, .1, .1]), 1)
    y = (rng.random(200) < p).astype(int)
    cases.append(case("values on the edges, empty bins, uniform 5", y, p, 5, "uniform"))
    cases.append(case("values on the edges, uniform 10", y, p, 10, "uniform"))
    cases.append(case("heavy ties, duplicate quantile edges, quantile 8", y, p, 8, "quantile"))
    # Forecasts that take the bin values (bin centres): the three-term decomposition is exact.
    p = rng.choice([0.05, 0.25, 0.45, 0.65, 0.85], 400)
    y = (rng.random(400) < p).astype(int)
    cases.append(case("binned forecasts (bin centres), uniform 5", y, p, 5, "uniform"))
    p = rng.random(7)
    y = np.array([0, 1, 0, 1, 1, 0, 1])
    cases.append(case("seven rows, quantile 3", y, p, 3, "quantile"))
    p = rng.random(50)
    cases.append(case("one class only (all negative), uniform 4", np.zeros(50, dtype=int), p, 4, "uniform"))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "calibration_cases.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "tests/reference/make_calibration_fixtures.py",
                   "implementation": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, scipy {scipy.__version__}, statsmodels {statsmodels.__version__} (Debian)",
                   "cases": cases}, f, indent=1)
        f.write("\n")
    weighted_cases()


if __name__ == "__main__":
    main()
