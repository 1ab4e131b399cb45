#!/usr/bin/python3
"""Write scikit-learn reference operating points for ClassicalML's ThresholdSelection.

Run with Debian's interpreter (scikit-learn 1.2.1, numpy 1.24):

    /usr/bin/python3 tests/reference/make_operating_point_fixtures.py

Output: tests/reference/binary/operating_points.json, one object per case (labels, scores, weights or null) with the
chosen point of every rule and parameter. The C# tests read it and never need Python. Random cases use
numpy.random.RandomState with fixed seeds: running the script again writes the same file byte for byte.

How the reference points are found (none of this is a scikit-learn function, so each rule is spelled out):
* Candidates are the thresholds of roc_curve(y, s, sample_weight=w, drop_intermediate=False) without its first one
  (max(score) + 1 in 1.2.1): every distinct score of a row with weight > 0, decreasing.
* At each candidate t the prediction is s >= t and the metrics come from scikit-learn: confusion_matrix, fbeta_score,
  balanced_accuracy_score, precision_score, recall_score (all with sample_weight).
* Maximising rules (F-beta, Youden's J, balanced accuracy, recall at precision >= p, TPR at FPR <= alpha) keep the
  best value; tie rule: among values within 1e-12 * max(1, |best|) of the best the highest threshold wins, which is numpy's argmax
  (the first index) over the decreasing candidates once near-ties are snapped to the best value. Minimising rules
  (expected cost) the same on -cost.
* recall_at_precision is also read off precision_recall_curve (thresholds increasing there: the last index of the
  best recall is the highest threshold) and tpr_at_fpr off roc_curve; the script asserts both agree with the brute force.
* Expected cost per row: cost(t) = c_fp * (1 - pi) * FP/N + c_fn * pi * FN/P with pi the positive prior; with the
  sample's prior (pi = None) (c_fp * FP + c_fn * FN) / (P + N).
* reach_recall: the highest candidate whose recall is >= r (the first one scanning down).
* A constrained rule that no candidate satisfies is stored as null; a rule that cannot be computed (no positive, or a
  missing class where the rule needs both) as {"error": true}.
"""
import os
import warnings

import numpy as np
import sklearn
from sklearn import metrics

from make_binary_fixtures import enc, write_cases

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "binary", "operating_points.json")
TIE = 1e-12
BETAS = [0.5, 1.0, 2.0, 3.0]
COSTS = [(1.0, 1.0), (1.0, 5.0), (5.0, 1.0), (0.25, 3.0)]
PRIORS = [None, 0.1, 0.5]
PRECISIONS = [0.0, 0.5, 0.8, 1.0]
FPRS = [0.0, 0.05, 0.2, 1.0]
RECALLS = [0.25, 0.5, 0.9, 1.0]


def candidates(y, s, w):
    _, _, thr = metrics.roc_curve(y, s, sample_weight=w, drop_intermediate=False)
    return thr[1:]


def point(y, s, w, t):
    pred = (s >= t).astype(int)
    tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1], sample_weight=w).ravel()
    kw = {"labels": [0, 1], "zero_division": 0, "sample_weight": w}
    return {
        "threshold": float(t), "tp": float(tp), "fp": float(fp), "tn": float(tn), "fn": float(fn),
        "precision": metrics.precision_score(y, pred, **kw),
        "recall": metrics.recall_score(y, pred, **kw) if tp + fn > 0 else float("nan"),
        "fpr": fp / (fp + tn) if fp + tn > 0 else float("nan"),
        "f1": metrics.f1_score(y, pred, **kw),
    }


def argbest(values, feasible=None):
    """Index of the best feasible value; near-ties (1e-12) snapped, then numpy's argmax: the highest threshold."""
    v = np.asarray(values, dtype=float)
    ok = np.ones(len(v), dtype=bool) if feasible is None else np.asarray(feasible, dtype=bool)
    if not ok.any():
        return None
    top = v[ok].max()
    snapped = np.where(ok & (v >= top - TIE * max(1.0, abs(top))), top, np.where(ok, v, -np.inf))
    return int(np.argmax(snapped))


def chosen(y, s, w, thr, k, value):
    if k is None:
        return None
    out = {key: enc(x) for key, x in point(y, s, w, thr[k]).items()}
    out["value"] = enc(value)
    return out


def rules(y, s, w):
    thr = candidates(y, s, w)
    ww = np.ones(len(y)) if w is None else w
    P, N = ww[y == 1].sum(), ww[y == 0].sum()
    pts = [point(y, s, w, t) for t in thr]
    out = {}
    if P > 0:
        out["max_fbeta"] = []
        for b in BETAS:
            f = [metrics.fbeta_score(y, (s >= t).astype(int), beta=b, sample_weight=w, zero_division=0) for t in thr]
            k = argbest(f)
            out["max_fbeta"].append({"beta": b, "point": chosen(y, s, w, thr, k, f[k])})
        recall = [p["recall"] for p in pts]
        prec = [p["precision"] for p in pts]
        out["recall_at_precision"] = []
        for p in PRECISIONS:
            k = argbest(recall, [q >= p for q in prec])
            check_pr_curve(y, s, w, p, None if k is None else thr[k])
            out["recall_at_precision"].append({"min_precision": p, "point": chosen(y, s, w, thr, k, None if k is None else recall[k])})
        out["reach_recall"] = []
        for r in RECALLS:
            k = next(i for i, q in enumerate(recall) if q >= r)
            out["reach_recall"].append({"min_recall": r, "point": chosen(y, s, w, thr, k, recall[k])})
    else:
        out["max_fbeta"] = out["recall_at_precision"] = out["reach_recall"] = {"error": True}
    if P > 0 and N > 0:
        j = [p["recall"] - p["fpr"] for p in pts]
        k = argbest(j)
        out["max_youden_j"] = chosen(y, s, w, thr, k, j[k])
        ba = [metrics.balanced_accuracy_score(y, (s >= t).astype(int), sample_weight=w) for t in thr]
        k = argbest(ba)
        out["max_balanced_accuracy"] = chosen(y, s, w, thr, k, ba[k])
        out["tpr_at_fpr"] = []
        fpr_c, tpr_c, thr_c = metrics.roc_curve(y, s, sample_weight=w, drop_intermediate=False)
        for a in FPRS:
            k = argbest([p["recall"] for p in pts], [p["fpr"] <= a for p in pts])
            kc = argbest(tpr_c[1:], fpr_c[1:] <= a)
            assert (k is None and kc is None) or thr_c[1:][kc] == thr[k], ("roc_curve disagrees", a)
            out["tpr_at_fpr"].append({"max_fpr": a, "point": chosen(y, s, w, thr, k, None if k is None else pts[k]["recall"])})
    else:
        out["max_youden_j"] = out["max_balanced_accuracy"] = out["tpr_at_fpr"] = {"error": True}
    out["min_cost"] = []
    for cfp, cfn in COSTS:
        for pi in PRIORS:
            if pi is not None and (P == 0 or N == 0):
                out["min_cost"].append({"cfp": cfp, "cfn": cfn, "prior": pi, "point": {"error": True}})
                continue
            cost = [cfp * (1 - pi) * p["fp"] / N + cfn * pi * p["fn"] / P if pi is not None else (cfp * p["fp"] + cfn * p["fn"]) / (P + N) for p in pts]
            k = argbest([-c for c in cost])
            out["min_cost"].append({"cfp": cfp, "cfn": cfn, "prior": pi, "point": chosen(y, s, w, thr, k, cost[k])})
    return out


def check_pr_curve(y, s, w, p, expected):
    prec, rec, thr = metrics.precision_recall_curve(y, s, sample_weight=w)
    prec, rec = prec[:-1], rec[:-1]  # the last point (1, 0) has no threshold
    ok = prec >= p
    if not ok.any():
        assert expected is None, ("precision_recall_curve disagrees", p)
        return
    best = rec[ok].max()
    idx = np.nonzero(ok & (rec >= best - TIE))[0]
    assert thr[idx[-1]] == expected, ("precision_recall_curve disagrees", p, thr[idx[-1]], expected)


def case(name, y, s, w=None):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    w = None if w is None else np.asarray(w, dtype=float)
    return {"name": name, "labels": [int(v) for v in y], "scores": [enc(v) for v in s],
            "weights": None if w is None else [enc(v) for v in w], "rules": rules(y, s, w)}


def build():
    rng = np.random.RandomState(17)
    cases = []
    y = (rng.uniform(size=80) < 0.4).astype(int)
    s = np.clip(rng.normal(0.35 + 0.3 * y, 0.2), 0, 1)
    cases.append(case("random_n80", y, s))
    cases.append(case("heavy_ties_one_decimal", y, np.round(s, 1)))
    cases.append(case("heavy_ties_weighted", y, np.round(s, 1), rng.uniform(0.1, 3.0, size=80)))
    cases.append(case("integer_weights_with_zeros", y, np.round(s, 2), rng.randint(0, 4, size=80)))
    cases.append(case("single_positive", [0, 0, 1, 0, 0, 0, 0], [0.1, 0.8, 0.6, 0.3, 0.6, 0.2, 0.9]))
    cases.append(case("single_positive_top", [0, 0, 1, 0, 0], [0.1, 0.4, 0.9, 0.3, 0.2]))
    cases.append(case("no_positive", [0, 0, 0], [0.1, 0.4, 0.3]))
    cases.append(case("no_negative", [1, 1, 1], [0.1, 0.4, 0.3]))
    cases.append(case("all_scores_tied", [0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.5, 0.5]))
    cases.append(case("top_scores_negative", [0, 0, 1, 1, 0, 1, 0, 0], [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.3, 0.1]))
    y = (rng.uniform(size=400) < 0.05).astype(int)
    d = rng.normal(-2.0 + 2.5 * y, 1.5)
    cases.append(case("imbalanced_decision_function_n400", y, d))
    cases.append(case("imbalanced_decision_function_weighted", y, d, rng.exponential(1.0, size=400)))
    return cases


def main():
    warnings.simplefilter("ignore")
    write_cases(OUT, {"generator": "tests/reference/make_operating_point_fixtures.py", "sklearn": sklearn.__version__,
                      "numpy": np.__version__, "tie_tolerance": TIE, "cases": build()})


if __name__ == "__main__":
    main()
