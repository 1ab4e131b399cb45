#!/usr/bin/python3
"""Write scikit-learn reference values for ClassicalML's weighted binary metrics (sample_weight).

Run with Debian's interpreter (scikit-learn 1.2.1, numpy 1.24):

    /usr/bin/python3 tests/reference/make_weighted_binary_fixtures.py

Output: tests/reference/binary/weighted_cases.json, one object per case, each with labels, scores, weights and the
values scikit-learn computes with sample_weight=weights. The C# tests in tests/ClassicalML.Evaluation.Tests read that
file and never need Python. Random cases use numpy.random.RandomState(seed) with fixed seeds, so running the script
again writes the same file byte for byte. inf and nan are written as the strings "inf", "-inf" and "nan".

Known, deliberate differences between scikit-learn 1.2.1 and ClassicalML (the tests know them), as in
make_binary_fixtures.py:
* roc_curve's first threshold is max(score) + 1 in 1.2.1; ClassicalML uses +inf. The tests compare the others.
* roc_auc_score raises when y_true holds one class; here also when one class has weight 0 in total, scikit-learn
  returns nan (with a warning) or raises. Both are stored as null; ClassicalML returns NaN and lists it as undefined.
* average_precision_score with one class (or one class of total weight 0) gives 0 or 1; ClassicalML reports NaN.
* matthews_corrcoef returns 0 for a zero denominator in 1.2.1, which is ZeroDivision.Zero.
* log_loss clips and brier_score_loss raises for scores outside [0, 1]; ClassicalML reports null; stored as null.
* Threshold selection is not a scikit-learn function: every distinct score of a row with weight > 0 is tried as a
  threshold with f1_score / confusion_matrix (sample_weight), and the best is kept, the highest threshold on ties
  (values within 1e-12 count as tied, so the choice does not hang on the last bit of a sum).
"""
import os
import warnings

import numpy as np
import sklearn
from sklearn import metrics

from make_binary_fixtures import enc, enc_list, write_cases

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "binary", "weighted_cases.json")


def curve(y, s, w, drop):
    fpr, tpr, thr = metrics.roc_curve(y, s, sample_weight=w, drop_intermediate=drop)
    return {"fpr": enc_list(fpr), "tpr": enc_list(tpr), "thresholds": enc_list(thr)}


def prf(y, pred, w, zd):
    kw = {"labels": [0, 1], "zero_division": zd, "sample_weight": w}
    out = {
        "precision": metrics.precision_score(y, pred, **kw),
        "recall": metrics.recall_score(y, pred, **kw),
        "specificity": metrics.recall_score(y, pred, pos_label=0, **kw),
        "f1": metrics.f1_score(y, pred, **kw),
        "f0.5": metrics.fbeta_score(y, pred, beta=0.5, **kw),
        "f2": metrics.fbeta_score(y, pred, beta=2.0, **kw),
    }
    return {k: enc(v) for k, v in out.items()}


def best(candidates):
    """(threshold, value) with the highest value, the highest threshold among values within 1e-12 of it."""
    top = max(v for _, v in candidates)
    return max((t, v) for t, v in candidates if v >= top - 1e-12)


def thresholds(y, s, w):
    distinct = np.unique(s[w != 0])
    positive, negative = w[y == 1].sum(), w[y == 0].sum()
    f1 = [(float(t), metrics.f1_score(y, (s >= t).astype(int), sample_weight=w, zero_division=0)) for t in distinct]
    out = {}
    if positive > 0:
        t, v = best(f1)
        out["max_f1"] = {"threshold": enc(t), "value": enc(v)}
    if positive > 0 and negative > 0:
        youden = []
        for t in distinct:
            tn, fp, fn, tp = metrics.confusion_matrix(y, (s >= t).astype(int), labels=[0, 1], sample_weight=w).ravel()
            youden.append((float(t), tp / (tp + fn) - fp / (fp + tn)))
        t, v = best(youden)
        out["max_youden_j"] = {"threshold": enc(t), "value": enc(v)}
    return out


def case(name, y, s, w, threshold=0.5):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    w = np.asarray(w, dtype=float)
    pred = (s >= threshold).astype(int)
    two_classes = w[y == 1].sum() > 0 and w[y == 0].sum() > 0
    probabilities = bool(np.all((s >= 0) & (s <= 1)))
    tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1], sample_weight=w).ravel()
    p, r, pr_thr = metrics.precision_recall_curve(y, s, sample_weight=w)
    return {
        "name": name,
        "labels": [int(v) for v in y],
        "scores": enc_list(s),
        "weights": enc_list(w),
        "threshold": enc(threshold),
        "roc_auc": enc(metrics.roc_auc_score(y, s, sample_weight=w)) if two_classes else None,
        "roc_curve": curve(y, s, w, True),
        "roc_curve_full": curve(y, s, w, False),
        "pr_curve": {"precision": enc_list(p), "recall": enc_list(r), "thresholds": enc_list(pr_thr)},
        "average_precision": enc(metrics.average_precision_score(y, s, sample_weight=w)) if two_classes else None,
        "confusion": {"tn": enc(tn), "fp": enc(fp), "fn": enc(fn), "tp": enc(tp)},
        "accuracy": enc(metrics.accuracy_score(y, pred, sample_weight=w)),
        "zero_division_0": prf(y, pred, w, 0),
        "zero_division_1": prf(y, pred, w, 1),
        "balanced_accuracy": enc(metrics.balanced_accuracy_score(y, pred, sample_weight=w)),
        "mcc": enc(metrics.matthews_corrcoef(y, pred, sample_weight=w)),
        "log_loss": enc(metrics.log_loss(y, s, labels=[0, 1], sample_weight=w)) if probabilities else None,
        "brier": enc(metrics.brier_score_loss(y, s, pos_label=1, sample_weight=w)) if probabilities else None,
        "threshold_selection": thresholds(y, s, w),
    }


def random_probabilities(rng, n, positive_rate=0.4):
    y = (rng.uniform(size=n) < positive_rate).astype(int)
    s = np.clip(rng.normal(loc=0.35 + 0.3 * y, scale=0.2), 0.0, 1.0)
    return y, s


def build():
    cases = []
    rng = np.random.RandomState(101)
    y, s = random_probabilities(rng, 80)
    cases.append(case("ties_fractional_weights", y, np.round(s, 1), rng.uniform(0.1, 3.0, size=80)))
    cases.append(case("ties_fractional_weights_threshold_equals_score", y, np.round(s, 1), rng.uniform(0.1, 3.0, size=80), threshold=0.4))
    y, s = random_probabilities(rng, 60)
    w = rng.uniform(0.5, 2.0, size=60)
    w[rng.uniform(size=60) < 0.3] = 0.0
    cases.append(case("zero_weights_distinct_scores", y, s, w))
    cases.append(case("zero_weights_ties", y, np.round(s, 1), w))
    y, s = random_probabilities(rng, 50)
    w = rng.uniform(0.01, 1.0, size=50)
    w[[3, 17, 41]] = [250.0, 1000.0, 500.0]
    cases.append(case("heavy_weights_few_rows", y, s, w))
    cases.append(case("heavy_weights_few_rows_ties", y, np.round(s, 1), w))
    y, s = random_probabilities(rng, 40)
    cases.append(case("integer_weights", y, np.round(s, 1), rng.randint(0, 6, size=40)))
    cases.append(case("integer_weights_distinct_scores", y, s, rng.randint(1, 4, size=40)))
    cases.append(case("single_positive", [0, 0, 0, 1, 0, 0, 0, 0], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.05, 0.6],
                      [1.5, 0.5, 2.0, 3.0, 1.0, 0.25, 4.0, 1.0]))
    cases.append(case("single_positive_zero_weight_ties", [0, 0, 0, 1, 0, 0, 0, 0], [0.4, 0.4, 0.8, 0.8, 0.2, 0.9, 0.05, 0.8],
                      [1.5, 0.5, 2.0, 3.0, 0.0, 0.25, 4.0, 0.0]))
    cases.append(case("positives_weigh_zero", [0, 1, 0, 1, 0, 1], [0.2, 0.7, 0.6, 0.4, 0.1, 0.9], [1.0, 0.0, 2.0, 0.0, 0.5, 0.0]))
    cases.append(case("negatives_weigh_zero", [0, 1, 0, 1, 0, 1], [0.2, 0.7, 0.6, 0.4, 0.1, 0.9], [0.0, 1.0, 0.0, 2.5, 0.0, 0.5]))
    cases.append(case("no_predicted_positives_weighted", [0, 1, 0, 1, 1], [0.1, 0.4, 0.2, 0.45, 0.3], [2.0, 1.0, 0.5, 3.0, 1.5]))
    cases.append(case("probabilities_at_zero_and_one", [0, 1, 1, 0, 1, 0], [0.0, 1.0, 0.0, 1.0, 0.8, 0.1], [1.0, 2.0, 0.5, 0.25, 3.0, 1.0]))
    y = (rng.uniform(size=90) < 0.5).astype(int)
    d = rng.normal(loc=-1.0 + 2.0 * y, scale=2.0)
    cases.append(case("decision_function_weighted", y, d, rng.exponential(1.0, size=90), threshold=0.0))
    y, s = random_probabilities(rng, 300, positive_rate=0.2)
    cases.append(case("random_n300_exponential_weights", y, s, rng.exponential(2.0, size=300)))
    return cases


def main():
    warnings.simplefilter("ignore")
    doc = {
        "generator": "tests/reference/make_weighted_binary_fixtures.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cases": build(),
    }
    write_cases(OUT, doc)

if __name__ == "__main__":
    main()
