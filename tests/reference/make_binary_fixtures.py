#!/usr/bin/python3
"""Write scikit-learn reference values for ClassicalML's binary metrics.

Run with Debian's interpreter (scikit-learn 1.2.1, numpy 1.24):

    /usr/bin/python3 tests/reference/make_binary_fixtures.py

Output: tests/reference/binary/cases.json, one object per case. The C# tests in
tests/ClassicalML.Evaluation.Tests read that file and never need Python.
Every random case uses numpy.random.RandomState(seed) (Mersenne Twister) with a fixed seed,
so running the script again writes the same file byte for byte.

JSON cannot hold inf or nan: they are written as the strings "inf", "-inf" and "nan".

Known, deliberate differences between scikit-learn 1.2.1 and ClassicalML (the tests know them):
* roc_curve's first threshold is max(score) + 1 in 1.2.1 (scikit-learn >= 1.3 uses +inf).
  ClassicalML uses +inf; the tests assert that and compare the remaining thresholds.
* roc_auc_score raises ValueError when y_true holds one class; it is stored as null and
  ClassicalML returns NaN (listed in BinaryReport.Undefined).
* average_precision_score with one class: scikit-learn gives 0 (no positives, with a warning)
  or 1 (no negatives); the value is stored, but ClassicalML reports NaN for one class by
  contract. The tests assert NaN for those cases.
* matthews_corrcoef has no zero_division parameter in 1.2.1 and returns 0 when its
  denominator is 0; ClassicalML follows ZeroDivision, so only ZeroDivision.Zero is compared.
* log_loss silently clips scores outside [0, 1] and brier_score_loss raises; ClassicalML
  reports null for both, so they are stored as null for non-probability scores.
* Specificity is not a scikit-learn function; it is recall_score with pos_label=0.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn import metrics

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "binary", "cases.json")


def enc(x):
    """A float as JSON: finite numbers stay numbers, inf/nan become strings."""
    x = float(x)
    if np.isnan(x):
        return "nan"
    if np.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def enc_list(xs):
    return [enc(x) for x in np.asarray(xs, dtype=float)]


def curve(y, s, drop):
    fpr, tpr, thr = metrics.roc_curve(y, s, drop_intermediate=drop)
    return {"fpr": enc_list(fpr), "tpr": enc_list(tpr), "thresholds": enc_list(thr)}


def prf(y, pred, zd):
    out = {
        "precision": metrics.precision_score(y, pred, labels=[0, 1], zero_division=zd),
        "recall": metrics.recall_score(y, pred, labels=[0, 1], zero_division=zd),
        "specificity": metrics.recall_score(y, pred, labels=[0, 1], pos_label=0, zero_division=zd),
        "f1": metrics.f1_score(y, pred, labels=[0, 1], zero_division=zd),
        "f0.5": metrics.fbeta_score(y, pred, beta=0.5, labels=[0, 1], zero_division=zd),
        "f2": metrics.fbeta_score(y, pred, beta=2.0, labels=[0, 1], zero_division=zd),
    }
    return {k: enc(v) for k, v in out.items()}


def case(name, y, s, threshold=0.5):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    pred = (s >= threshold).astype(int)
    two_classes = len(np.unique(y)) == 2
    probabilities = bool(np.all((s >= 0) & (s <= 1)))
    tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    p, r, pr_thr = metrics.precision_recall_curve(y, s)
    return {
        "name": name,
        "labels": [int(v) for v in y],
        "scores": enc_list(s),
        "threshold": enc(threshold),
        "roc_auc": enc(metrics.roc_auc_score(y, s)) if two_classes else None,
        "roc_curve": curve(y, s, True),
        "roc_curve_full": curve(y, s, False),
        "pr_curve": {"precision": enc_list(p), "recall": enc_list(r), "thresholds": enc_list(pr_thr)},
        "average_precision": enc(metrics.average_precision_score(y, s)),
        "confusion": {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)},
        "accuracy": enc(metrics.accuracy_score(y, pred)),
        "zero_division_0": prf(y, pred, 0),
        "zero_division_1": prf(y, pred, 1),
        "balanced_accuracy": enc(metrics.balanced_accuracy_score(y, pred)),
        "mcc": enc(metrics.matthews_corrcoef(y, pred)),
        "log_loss": enc(metrics.log_loss(y, s, labels=[0, 1])) if probabilities else None,
        "brier": enc(metrics.brier_score_loss(y, s, pos_label=1)) if probabilities else None,
    }


def random_probabilities(seed, n, positive_rate=0.4):
    rng = np.random.RandomState(seed)
    y = (rng.uniform(size=n) < positive_rate).astype(int)
    # Informative but imperfect scores: positives shifted up.
    s = np.clip(rng.normal(loc=0.35 + 0.3 * y, scale=0.2), 0.0, 1.0)
    return y, s


def build():
    cases = []
    y, s = random_probabilities(1, 60)
    cases.append(case("heavy_ties_one_decimal", y, np.round(s, 1)))
    cases.append(case("heavy_ties_threshold_equals_score", y, np.round(s, 1), threshold=0.4))
    cases.append(case("single_positive", [0, 0, 0, 1, 0, 0, 0, 0], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.05, 0.6]))
    cases.append(case("single_negative", [1, 1, 0, 1, 1, 1], [0.7, 0.9, 0.75, 0.3, 0.6, 0.95]))
    cases.append(case("constant_scores", [0, 1, 1, 0, 1, 0, 0], [0.5] * 7))
    cases.append(case("constant_scores_below_threshold", [0, 1, 1, 0, 1], [0.25] * 5))
    cases.append(case("perfect_ranking", [0, 0, 0, 1, 1, 1, 1], [0.1, 0.2, 0.3, 0.6, 0.7, 0.8, 0.9]))
    cases.append(case("inverted_ranking", [1, 1, 1, 0, 0, 0, 0], [0.1, 0.2, 0.3, 0.6, 0.7, 0.8, 0.9]))
    rng = np.random.RandomState(7)
    y = (rng.uniform(size=80) < 0.5).astype(int)
    d = rng.normal(loc=-1.0 + 2.0 * y, scale=2.0)
    cases.append(case("decision_function_threshold_zero", y, d, threshold=0.0))
    cases.append(case("decision_function_threshold_negative", y, d, threshold=-1.5))
    for seed, n in ((11, 20), (12, 100), (13, 300)):
        y, s = random_probabilities(seed, n)
        cases.append(case(f"random_probabilities_n{n}", y, s))
    y, s = random_probabilities(14, 100, positive_rate=0.15)
    cases.append(case("imbalanced_threshold_0.3", y, s, threshold=0.3))
    cases.append(case("imbalanced_threshold_0.7", y, s, threshold=0.7))
    # Zero-division cases.
    cases.append(case("no_predicted_positives", [0, 1, 0, 1, 1], [0.1, 0.4, 0.2, 0.45, 0.3]))
    cases.append(case("no_actual_positives", [0, 0, 0, 0], [0.1, 0.7, 0.2, 0.55]))
    cases.append(case("no_actual_and_no_predicted_positives", [0, 0, 0], [0.1, 0.3, 0.2]))
    cases.append(case("no_actual_negatives", [1, 1, 1, 1], [0.9, 0.2, 0.6, 0.6]))
    cases.append(case("no_predicted_negatives", [0, 1, 1, 0, 1], [0.6, 0.9, 0.7, 0.8, 0.55]))
    cases.append(case("no_true_positives_but_defined", [1, 0, 1, 0], [0.2, 0.8, 0.3, 0.9]))
    cases.append(case("single_row_positive", [1], [0.7]))
    cases.append(case("single_row_negative", [0], [0.7]))
    # Log-loss clipping at exactly 0 and 1.
    cases.append(case("probabilities_at_zero_and_one", [0, 1, 1, 0, 1, 0], [0.0, 1.0, 0.0, 1.0, 0.8, 0.1]))
    cases.append(case("non_probability_positive_scores", [0, 1, 0, 1, 1], [0.5, 3.0, 1.5, 2.0, 0.2], threshold=1.0))
    return cases


def main():
    warnings.simplefilter("ignore")
    doc = {
        "generator": "tests/reference/make_binary_fixtures.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cases": build(),
    }
    write_cases(OUT, doc)


def write_cases(path, doc):
    """Writes doc (its "cases" last) as JSON, one case per line, which keeps diffs readable."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        head = {k: v for k, v in doc.items() if k != "cases"}
        f.write(json.dumps(head, separators=(",", ":"))[:-1] + ',"cases":[\n')
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in doc["cases"]))
        f.write("\n]}\n")
    print(f"wrote {len(doc['cases'])} cases to {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
