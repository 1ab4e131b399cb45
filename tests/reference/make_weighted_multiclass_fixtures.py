#!/usr/bin/python3
"""Write scikit-learn reference values for ClassicalML's weighted multiclass metrics (sample_weight).

Run with Debian's interpreter (python3-sklearn 1.2.1):

    /usr/bin/python3 tests/reference/make_weighted_multiclass_fixtures.py

Writes tests/reference/multiclass/weighted_multiclass_cases.json. Seeded: running it twice writes the same file. The
C# tests (WeightedMulticlassFixtureTests) read the JSON and never need Python.

What comes from where (every call with sample_weight=w):
* Label metrics of the predictions (the arg-max of the scores in the given class order, first class on ties):
  confusion_matrix, precision_recall_fscore_support (average None, macro, micro, weighted; zero_division 0 and 1),
  accuracy_score.
* One-vs-rest ROC AUC and average precision of each class: roc_auc_score / average_precision_score of the binary
  problem. A class whose rows all weigh 0 (or that is the only class of positive weight) has none; the averages are
  then written with ClassicalML's documented rule (the policy value for an undefined class, NaN left out), weighted by
  the weighted supports. When every class has positive weight and the rows are probabilities, the averages are
  roc_auc_score(multi_class="ovr", average=..., sample_weight=w) itself; otherwise _average_binary_score, which that
  calls.
* One-vs-one: scikit-learn 1.2.1 refuses sample_weight with multi_class="ovo" (checked below). ClassicalML defines it
  as Hand & Till's formula on weighted binary AUCs; the reference composes it from scikit-learn's weighted binary
  roc_auc_score on each pair's rows, pairs of the classes of positive weight, prevalence (W_a + W_b) / W, as
  _average_multiclass_ovo_score does unweighted.
* top_k_accuracy_score and log_loss (eps="auto") with sample_weight; Brier score: np.average of the per-row
  sum((P - Y)**2) with weights w (scikit-learn 1.2.1 has no multiclass brier_score_loss).
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    confusion_matrix,
    log_loss,
    precision_recall_fscore_support,
    roc_auc_score,
    top_k_accuracy_score,
)
from sklearn.metrics._base import _average_binary_score
from sklearn.metrics._ranking import _binary_roc_auc_score
from sklearn.preprocessing import label_binarize

from make_multiclass_score_fixtures import counts_probabilities, policy_average, softmax  # the same generators and averaging rule

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "multiclass")
POLICIES = ("Zero", "One", "NaN")


def enc(v):
    v = float(v)
    return "nan" if np.isnan(v) else v


def plain(values):
    return [v.item() if hasattr(v, "item") else v for v in values]


def check_ovo_refused(actual, scores, classes, w):
    try:
        roc_auc_score(actual, scores, multi_class="ovo", labels=classes, sample_weight=w)
    except ValueError as e:
        assert "sample_weight" in str(e), e
        return
    raise AssertionError("scikit-learn accepted sample_weight with multi_class='ovo'")


def label_metrics(actual, predicted, classes, w):
    out = {"confusion_matrix": confusion_matrix(actual, predicted, labels=classes, sample_weight=w).tolist(),
           "accuracy": float(accuracy_score(actual, predicted, sample_weight=w)), "zero_division": {}}
    for zd in (0, 1):
        p, r, f, s = precision_recall_fscore_support(actual, predicted, labels=classes, average=None,
                                                     zero_division=zd, sample_weight=w)
        entry = {"precision": p.tolist(), "recall": r.tolist(), "f1": f.tolist(), "support": s.tolist()}
        for avg in ("macro", "micro", "weighted"):
            ap, ar, af, _ = precision_recall_fscore_support(actual, predicted, labels=classes, average=avg,
                                                            zero_division=zd, sample_weight=w)
            entry[avg] = {"precision": float(ap), "recall": float(ar), "f1": float(af)}
        out["zero_division"][str(zd)] = entry
    return out


def ovo(actual, scores, classes, w, present):
    idx = [i for i, p in enumerate(present) if p]
    if len(idx) < 2:
        return None
    total = w.sum()
    pair_scores, prevalence = [], []
    for i_pos, a in enumerate(idx):
        for b in idx[i_pos + 1:]:
            rows = (actual == classes[a]) | (actual == classes[b])
            wa = w[rows]
            auc_a = roc_auc_score(actual[rows] == classes[a], scores[rows, a], sample_weight=wa)
            auc_b = roc_auc_score(actual[rows] == classes[b], scores[rows, b], sample_weight=wa)
            pair_scores.append((auc_a + auc_b) / 2)
            prevalence.append(wa.sum() / total)
    return {"macro": float(np.mean(pair_scores)), "weighted": float(np.average(pair_scores, weights=prevalence))}


def case(name, actual, scores, classes, w, note):
    actual, classes, w = np.asarray(actual), np.asarray(classes), np.asarray(w, dtype=float)
    scores = np.asarray(scores, dtype=float)
    order = np.argsort(classes, kind="mergesort")
    sorted_classes, sk_scores = classes[order], scores[:, order]
    k_classes = len(classes)
    probabilities = bool(np.all(scores >= 0) and np.all(scores <= 1) and np.allclose(scores.sum(axis=1), 1))
    wsupport = [float(w[actual == c].sum()) for c in classes]
    present = [s > 0 for s in wsupport]

    auc, ap = [], []
    for c_index, c in enumerate(classes):
        if present[c_index] and sum(present) > 1:
            y = actual == c
            auc.append(float(roc_auc_score(y, scores[:, c_index], sample_weight=w)))
            ap.append(float(average_precision_score(y, scores[:, c_index], sample_weight=w)))
        else:
            auc.append(None)
            ap.append(None)

    out = {"name": name, "note": note, "label_type": "string" if actual.dtype.kind in "US" else "int",
           "actual": plain(actual), "classes": plain(classes), "scores": scores.tolist(), "weights": w.tolist(),
           "weighted_support": wsupport, "per_class_roc_auc": auc, "per_class_average_precision": ap}
    if all(present):
        if probabilities:
            ovr = {a: roc_auc_score(actual, sk_scores, multi_class="ovr", average=a, labels=sorted_classes,
                                    sample_weight=w) for a in ("macro", "weighted")}
        else:
            y_bin = label_binarize(actual, classes=sorted_classes)
            ovr = {a: _average_binary_score(_binary_roc_auc_score, y_bin, sk_scores, a, sample_weight=w)
                   for a in ("macro", "weighted")}
        out["roc_auc_ovr"] = {p: {a: enc(ovr[a]) for a in ovr} for p in POLICIES}
    else:
        out["roc_auc_ovr"] = {p: {"macro": enc(policy_average(auc, None, p)),
                                  "weighted": enc(policy_average(auc, wsupport, p))} for p in POLICIES}
    if probabilities and len(set(actual.tolist())) >= 2:
        check_ovo_refused(actual, sk_scores, sorted_classes, w)
    out["roc_auc_ovo"] = ovo(actual, scores, classes, w, present)

    given = order[np.searchsorted(sorted_classes, actual)]
    out["top_k_accuracy"] = {str(k): float(top_k_accuracy_score(given, scores, k=k, labels=np.arange(k_classes),
                                                                sample_weight=w)) for k in range(1, k_classes + 1)}
    if probabilities:
        out["log_loss"] = float(log_loss(actual, sk_scores, labels=sorted_classes, sample_weight=w))
        onehot = (actual[:, None] == classes[None, :]).astype(float)
        out["brier"] = float(np.average(np.sum((scores - onehot) ** 2, axis=1), weights=w))
    else:
        out["log_loss"] = out["brier"] = None

    predicted = classes[np.argmax(scores, axis=1)]
    out["predicted"] = plain(predicted)
    out["labels"] = label_metrics(actual, predicted, classes, w)
    return out


def cases():
    rng = np.random.default_rng(20261202)
    out = []

    classes = np.array(["bird", "cat", "dog"])
    idx = rng.integers(0, 3, size=40)
    w = np.round(rng.uniform(0, 3, size=40), 2)
    w[rng.choice(40, size=6, replace=False)] = 0.0
    out.append(case("strings_3_ties_zero_weights", classes[idx], counts_probabilities(rng, idx, 3, 10, 1.5), classes,
                    w, "tied probabilities in tenths, continuous weights, six rows of weight 0"))

    classes = np.array([0, 1, 2, 3, 4])
    idx = rng.choice(5, size=60, p=[0.4, 0.25, 0.15, 0.12, 0.08])
    w = np.ones(60)
    w[rng.choice(60, size=3, replace=False)] = [40.0, 75.5, 120.0]
    w[rng.choice(60, size=4, replace=False)] = 0.0
    out.append(case("ints_5_heavy_rows", classes[idx], softmax(rng.normal(size=(60, 5)) + 1.2 * np.eye(5)[idx]),
                    classes, w, "three rows carry most of the weight; four rows weigh 0"))

    classes = np.array([0, 1, 2, 3])
    idx = rng.integers(0, 4, size=45)
    w = rng.integers(1, 4, size=45).astype(float)
    w[idx == 2] = 0.0
    out.append(case("ints_4_class_of_zero_weight", classes[idx], counts_probabilities(rng, idx, 4, 10, 2.0), classes,
                    w, "every row of class 2 weighs 0: class 2 is absent (no OvR AUC, no OvO pair)"))

    classes = np.array(["ant", "bee", "cow", "eel", "fox"])
    idx = rng.integers(0, 5, size=50)
    raw = np.round(rng.normal(size=(50, 5)) * 2 + 2.0 * np.eye(5)[idx], 1)
    out.append(case("strings_5_unnormalised_integer_weights", classes[idx], raw, classes,
                    rng.integers(0, 4, size=50).astype(float), "decision values (ties, not probabilities), weights 0-3"))

    classes = np.arange(10)
    idx = rng.integers(0, 10, size=120)
    out.append(case("ints_10_ties", classes[idx], counts_probabilities(rng, idx, 10, 20, 3.0), classes,
                    np.round(rng.exponential(1.0, size=120), 3), "ten classes, exponential weights"))

    classes = np.array([2, 0, 1])
    idx = rng.integers(0, 3, size=36)
    out.append(case("ints_3_unsorted_class_order", classes[idx], counts_probabilities(rng, idx, 3, 8, 1.0), classes,
                    np.round(rng.uniform(0.1, 2, size=36), 1), "class order 2, 0, 1 given explicitly"))

    # Class d is predicted only on rows of weight 0: its weighted precision is undefined.
    classes = np.array(["a", "b", "c", "d"])
    idx = rng.integers(0, 4, size=30)
    pred = idx.copy()
    flip = rng.random(30) < 0.3
    pred[flip] = rng.integers(0, 3, size=int(flip.sum()))
    w = np.round(rng.uniform(0.5, 2.0, size=30), 2)
    pred[pred == 3] = 0
    zero_rows = rng.choice(30, size=3, replace=False)
    pred[zero_rows] = 3
    w[zero_rows] = 0.0
    p = np.full((30, 4), 0.1)
    p[np.arange(30), pred] = 0.7
    out.append(case("strings_4_predicted_only_at_weight_0", classes[idx], p, classes, w,
                    "class d is the arg-max only on rows of weight 0: weighted precision[d] is undefined"))
    return out


def main():
    warnings.filterwarnings("ignore", message=".*will result in a perfect score.*")  # k = K is a case on purpose
    os.makedirs(OUT, exist_ok=True)
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    with open(os.path.join(OUT, "weighted_multiclass_cases.json"), "w") as f:
        json.dump({"generated_by": meta, "cases": cases()}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
