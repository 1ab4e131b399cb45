#!/usr/bin/python3
"""Write scikit-learn reference values for ClassicalML's multiclass metrics from a score matrix.

Run with Debian's interpreter (python3-sklearn 1.2.1):

    /usr/bin/python3 tests/reference/make_multiclass_score_fixtures.py

Writes tests/reference/multiclass/multiclass_score_cases.json. Seeded: running it twice writes the same file. The C#
tests (MulticlassScoreFixtureTests) read the JSON and never need Python.

What comes from where:
* OvR and OvO ROC AUC, macro and weighted: roc_auc_score(multi_class=..., average=...) when scikit-learn accepts the
  input (rows summing to 1, every class present). For rows that do not sum to 1, roc_auc_score refuses; the values come
  from the helpers it calls (_average_binary_score, _average_multiclass_ovo_score), which take any scores.
* A class absent from the labels: roc_auc_score(multi_class="ovr") raises, so the per-class OvR values of the present
  classes come from the binary roc_auc_score / average_precision_score, and the averages are written for each
  zero-division policy with ClassicalML's documented rule (the policy value for an undefined class; NaN left out).
  OvO needs no special case: scikit-learn forms pairs of the classes present only.
* top_k_accuracy_score (on the given column order, labels 0..K-1: its tie rule is by column), log_loss (eps="auto", float64 epsilon), roc_curve, precision_recall_curve,
  precision_recall_fscore_support / confusion_matrix of the arg-max predictions.
* Brier score: scikit-learn 1.2.1 has no multiclass brier_score_loss; numpy computes mean(sum((P - Y)**2, axis=1)),
  the definition scikit-learn 1.7 adopted.
* Single-precision scores (ML.NET's Score vectors): log_loss clips at finfo(float32).eps and checks the row sums
  against its square root; the case passes the float32 values as float64 with that eps, so the reference is computed
  in double precision like ClassicalML.
scikit-learn wants the columns in sorted label order; a case may give ClassicalML another class order, and the
generator permutes the columns for scikit-learn.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import (
    average_precision_score,
    confusion_matrix,
    log_loss,
    precision_recall_curve,
    precision_recall_fscore_support,
    roc_auc_score,
    roc_curve,
    top_k_accuracy_score,
)
from sklearn.metrics._base import _average_binary_score, _average_multiclass_ovo_score
from sklearn.metrics._ranking import _binary_roc_auc_score
from sklearn.preprocessing import label_binarize

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "multiclass")


def enc(values):
    """Floats for JSON: NaN and infinities as "nan", "inf", "-inf" (JSON has no literal for them), as make_binary_fixtures."""
    out = []
    for v in np.asarray(values, dtype=float):
        if np.isnan(v):
            out.append("nan")
        elif np.isinf(v):
            out.append("inf" if v > 0 else "-inf")
        else:
            out.append(float(v))
    return out


def plain(values):
    return [v.item() if hasattr(v, "item") else v for v in values]


def policy_average(values, weights, policy):
    """ClassicalML's average of per-class values with undefined ones (None) replaced by the policy (NaN left out)."""
    fill = {"Zero": 0.0, "One": 1.0, "NaN": np.nan}[policy]
    v = np.array([fill if x is None else x for x in values], dtype=float)
    w = np.ones_like(v) if weights is None else np.asarray(weights, dtype=float)
    keep = ~np.isnan(v)
    if not keep.any():
        return np.nan
    if w[keep].sum() == 0:
        return float(v[keep].mean())
    return float(np.average(v[keep], weights=w[keep]))


def case(name, actual, scores, classes, note):
    actual = np.asarray(actual)
    classes = np.asarray(classes)
    dtype = np.asarray(scores).dtype
    eps = np.finfo(dtype).eps
    scores = np.asarray(scores, dtype=float)  # float32 values convert exactly
    order = np.argsort(classes, kind="mergesort")  # sklearn's sorted label order
    sorted_classes = classes[order]
    sk_scores = scores[:, order]
    k_classes = len(classes)
    n = len(actual)
    probabilities = bool(np.all(scores >= 0) and np.all(scores <= 1)
                         and np.allclose(scores.sum(axis=1), 1, rtol=np.sqrt(eps)))
    present = [c in set(actual.tolist()) for c in classes]
    support = [int(np.sum(actual == c)) for c in classes]

    per_class_auc, per_class_ap, roc, pr = [], [], [], []
    for c_index, c in enumerate(classes):
        y = actual == c
        s = scores[:, c_index]
        if 0 < y.sum() < n:
            per_class_auc.append(float(roc_auc_score(y, s)))
            per_class_ap.append(float(average_precision_score(y, s)))
        else:
            per_class_auc.append(None)
            per_class_ap.append(None)
        if y.any():
            fpr, tpr, thr = roc_curve(y, s)
            p, r, pr_thr = precision_recall_curve(y, s)
            roc.append({"fpr": enc(fpr), "tpr": enc(tpr), "thresholds": enc(thr)})
            pr.append({"precision": enc(p), "recall": enc(r), "thresholds": enc(pr_thr)})
        else:
            roc.append(None)
            pr.append(None)

    out = {
        "name": name,
        "note": note,
        "label_type": "string" if actual.dtype.kind in "US" else "int",
        "dtype": str(dtype),
        "actual": plain(actual),
        "classes": plain(classes),
        "scores": scores.tolist(),
        "support": support,
        "per_class_roc_auc": per_class_auc,
        "per_class_average_precision": per_class_ap,
        "roc_curves": roc,
        "pr_curves": pr,
    }

    if all(present) and k_classes == len(set(actual.tolist())):
        if probabilities and dtype == np.float64:
            ovr_macro = roc_auc_score(actual, sk_scores, multi_class="ovr", average="macro", labels=sorted_classes)
            ovr_weighted = roc_auc_score(actual, sk_scores, multi_class="ovr", average="weighted", labels=sorted_classes)
        else:
            y_bin = label_binarize(actual, classes=sorted_classes)
            ovr_macro = _average_binary_score(_binary_roc_auc_score, y_bin, sk_scores, "macro")
            ovr_weighted = _average_binary_score(_binary_roc_auc_score, y_bin, sk_scores, "weighted")
        out["roc_auc_ovr"] = {p: {"macro": float(ovr_macro), "weighted": float(ovr_weighted)} for p in ("Zero", "One", "NaN")}
    else:
        out["roc_auc_ovr"] = {
            p: {"macro": policy_average(per_class_auc, None, p), "weighted": policy_average(per_class_auc, support, p)}
            for p in ("Zero", "One", "NaN")
        }
    for p in ("Zero", "One", "NaN"):
        for avg in ("macro", "weighted"):
            out["roc_auc_ovr"][p][avg] = enc([out["roc_auc_ovr"][p][avg]])[0]

    if sum(present) >= 2:
        encoded = np.searchsorted(sorted_classes, actual)
        if probabilities and dtype == np.float64:
            ovo = {a: float(roc_auc_score(actual, sk_scores, multi_class="ovo", average=a, labels=sorted_classes))
                   for a in ("macro", "weighted")}
        else:
            ovo = {a: float(_average_multiclass_ovo_score(_binary_roc_auc_score, encoded, sk_scores, average=a))
                   for a in ("macro", "weighted")}
        out["roc_auc_ovo"] = ovo
    else:
        out["roc_auc_ovo"] = None

    # Top-k breaks ties by column position (the later column ranks higher). With another class order than the sorted
    # one, scikit-learn gets the given order as the labels 0..K-1 so that its rule applies to the given columns.
    given = order[np.searchsorted(sorted_classes, actual)]  # each label's column in the given order
    out["top_k_accuracy"] = {
        str(k): float(top_k_accuracy_score(given, scores, k=k, labels=np.arange(k_classes)))
        for k in range(1, k_classes + 2)
    }
    if probabilities:
        # eps="auto" is finfo(dtype).eps; float32 scores are passed as float64 with eps set to float32's, so that
        # scikit-learn clips as it would for float32 but computes in float64, as ClassicalML does.
        out["log_loss"] = float(log_loss(actual, sk_scores, labels=sorted_classes, eps=eps if dtype != np.float64 else "auto"))
        onehot = (actual[:, None] == classes[None, :]).astype(float)
        out["brier"] = float(np.mean(np.sum((scores - onehot) ** 2, axis=1)))
    else:
        out["log_loss"] = None
        out["brier"] = None

    # Arg-max in ClassicalML's class order, the first class on ties (numpy's argmax takes the first maximum).
    predicted = classes[np.argmax(scores, axis=1)]
    prf = precision_recall_fscore_support(actual, predicted, labels=classes, zero_division=0)
    out["predicted"] = plain(predicted)
    out["confusion_matrix"] = confusion_matrix(actual, predicted, labels=classes).tolist()
    out["precision"], out["recall"], out["f1"] = prf[0].tolist(), prf[1].tolist(), prf[2].tolist()
    return out


def counts_probabilities(rng, actual_index, k, trials, strength):
    """Probabilities that are multiples of 1/trials (many exact ties), leaning towards the actual class."""
    rows = []
    for a in actual_index:
        p = np.full(k, 1.0)
        p[a] += strength
        rows.append(rng.multinomial(trials, p / p.sum()) / trials)
    return np.array(rows)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def cases():
    rng = np.random.default_rng(20261201)
    out = []

    classes = np.array(["bird", "cat", "dog"])
    idx = rng.integers(0, 3, size=40)
    out.append(case("strings_3_ties", classes[idx], counts_probabilities(rng, idx, 3, 10, 1.5), classes,
                    "probabilities in tenths: many tied scores within and across rows"))

    classes = np.array([0, 1, 2, 3, 4])
    idx = rng.choice(5, size=60, p=[0.4, 0.25, 0.15, 0.12, 0.08])
    logits = rng.normal(size=(60, 5)) + 1.2 * np.eye(5)[idx]
    out.append(case("ints_5_softmax", classes[idx], softmax(logits), classes, "imbalanced, continuous probabilities"))

    classes = np.arange(10)
    idx = rng.integers(0, 10, size=120)
    out.append(case("ints_10_ties", classes[idx], counts_probabilities(rng, idx, 10, 20, 3.0), classes,
                    "ten classes, probabilities in twentieths"))

    classes = np.array(["a", "b", "c", "d"])
    idx = rng.integers(0, 4, size=50)
    logits = rng.normal(size=(50, 4)) + 1.0 * np.eye(4)[idx]
    logits[:, 3] -= 6.0  # class d is never the arg-max
    p = softmax(logits)
    assert not np.any(np.argmax(p, axis=1) == 3)
    out.append(case("strings_4_never_predicted", classes[idx], p, classes, "class d occurs but is never predicted"))

    classes = np.array([0, 1, 2, 3])
    idx = rng.choice([0, 1, 3], size=45)
    out.append(case("ints_4_absent_class", classes[idx], counts_probabilities(rng, idx, 4, 10, 2.0), classes,
                    "class 2 has a score column but never occurs in the labels"))

    classes = np.array(["ant", "bee", "cow", "eel", "fox"])
    idx = rng.integers(0, 5, size=50)
    raw = np.round(rng.normal(size=(50, 5)) * 2 + 2.0 * np.eye(5)[idx], 1)
    out.append(case("strings_5_unnormalised", classes[idx], raw, classes,
                    "decision values rounded to 0.1 (ties, negatives, rows not summing to 1): AUC and top-k only"))

    classes = np.array([2, 0, 1])
    idx = rng.integers(0, 3, size=36)
    out.append(case("ints_3_unsorted_class_order", classes[idx], counts_probabilities(rng, idx, 3, 8, 1.0), classes,
                    "class order 2, 0, 1 given explicitly; scikit-learn gets the columns sorted"))

    classes = np.array(["x", "y", "z"])
    idx = np.ones(12, dtype=int)
    out.append(case("strings_3_one_class_only", classes[idx], counts_probabilities(rng, idx, 3, 4, 1.0), classes,
                    "every label is y: no OvR AUC, no OvO pair"))
    idx = rng.integers(0, 4, size=40)
    classes = np.array(["n", "e", "s", "w"])
    p32 = softmax(rng.normal(size=(40, 4)) + 1.5 * np.eye(4)[idx]).astype(np.float32)
    out.append(case("strings_4_float32", classes[idx], p32, classes,
                    "single-precision probabilities (ML.NET's Score): clip and sum check at float32's epsilon"))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    with open(os.path.join(OUT, "multiclass_score_cases.json"), "w") as f:
        json.dump({"generated_by": meta, "cases": cases()}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
