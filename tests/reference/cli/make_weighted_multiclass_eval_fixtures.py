#!/usr/bin/python3
"""A weighted multiclass prediction file as pandas writes it, and scikit-learn's sample_weight metrics, for
`eval --weight-column` in the multiclass modes (--score-prefix / --score-columns, --predicted-column).

Run from the repository root with Debian's interpreter (python3-sklearn 1.2.1, python3-pandas 1.5.3):

    /usr/bin/python3 tests/reference/cli/make_weighted_multiclass_eval_fixtures.py

Writes files/pandas_weighted_multiclass.csv (four classes, probabilities in hundredths summing to 1, a predicted-label
column, weights with zeros and a few heavy rows) and weighted_multiclass_expected.json: the CLI arguments of each case
and scikit-learn's values with sample_weight. The C# tests (WeightedMulticlassEvalFixtureTests) read the JSON and never
need Python. Same seed, same files, byte for byte. The one-vs-one AUC has no scikit-learn reference with sample_weight
(roc_auc_score refuses it); it is composed from scikit-learn's weighted binary roc_auc_score on each pair's rows by Hand
& Till's formula, as ClassicalML defines it (see tests/reference/make_weighted_multiclass_fixtures.py).
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
CLASSES = np.array(["ant", "bee", "cow", "eel"])


def label_metrics(y, pred, w):
    p, r, f, s = metrics.precision_recall_fscore_support(y, pred, labels=CLASSES, zero_division=0, sample_weight=w)
    out = {
        "n": int(len(y)), "total_weight": float(w.sum()),
        "accuracy": metrics.accuracy_score(y, pred, sample_weight=w),
        "classes": [{"label": c, "precision": p[i], "recall": r[i], "f1": f[i], "support": float(s[i]),
                     "row_support": int(np.sum(y == c))} for i, c in enumerate(CLASSES)],
        "confusion": metrics.confusion_matrix(y, pred, labels=CLASSES, sample_weight=w).tolist(),
        "row_counts": metrics.confusion_matrix(y, pred, labels=CLASSES).tolist(),
    }
    for avg in ("macro", "micro", "weighted"):
        ap, ar, af, _ = metrics.precision_recall_fscore_support(y, pred, labels=CLASSES, average=avg, zero_division=0, sample_weight=w)
        out[avg] = {"precision": ap, "recall": ar, "f1": af}
    return out


def ovo(y, scores, w):
    pairs, prevalence = [], []
    for a in range(len(CLASSES)):
        for b in range(a + 1, len(CLASSES)):
            rows = (y == CLASSES[a]) | (y == CLASSES[b])
            wa = w[rows]
            pairs.append((metrics.roc_auc_score(y[rows] == CLASSES[a], scores[rows, a], sample_weight=wa)
                          + metrics.roc_auc_score(y[rows] == CLASSES[b], scores[rows, b], sample_weight=wa)) / 2)
            prevalence.append(wa.sum() / w.sum())
    return float(np.mean(pairs)), float(np.average(pairs, weights=prevalence))


def score_metrics(y, scores, w):
    out = label_metrics(y, CLASSES[np.argmax(scores, axis=1)], w)
    kw = {"sample_weight": w}
    out["roc_auc_ovr_macro"] = metrics.roc_auc_score(y, scores, multi_class="ovr", average="macro", labels=CLASSES, **kw)
    out["roc_auc_ovr_weighted"] = metrics.roc_auc_score(y, scores, multi_class="ovr", average="weighted", labels=CLASSES, **kw)
    out["roc_auc_ovo_macro"], out["roc_auc_ovo_weighted"] = ovo(y, scores, w)
    out["top_k_accuracy"] = {str(k): metrics.top_k_accuracy_score(y, scores, k=k, labels=CLASSES, **kw) for k in (1, 2, 3)}
    out["log_loss"] = metrics.log_loss(y, scores, labels=CLASSES, **kw)
    onehot = (y[:, None] == CLASSES[None, :]).astype(float)
    out["brier"] = float(np.average(np.sum((scores - onehot) ** 2, axis=1), weights=w))
    for i, c in enumerate(CLASSES):
        out["classes"][i]["roc_auc"] = metrics.roc_auc_score(y == c, scores[:, i], **kw)
        out["classes"][i]["average_precision"] = metrics.average_precision_score(y == c, scores[:, i], **kw)
    return out


def main():
    rng = np.random.RandomState(1616)
    n = 300
    idx = rng.choice(4, size=n, p=[0.4, 0.3, 0.2, 0.1])
    logits = rng.randn(n, 4) + 1.3 * np.eye(4)[idx]
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = np.round(e / e.sum(axis=1, keepdims=True), 2)
    p[:, 3] = np.round(1.0 - p[:, :3].sum(axis=1), 2)  # hundredths summing to 1 (ties across rows)
    assert np.all(p >= 0)
    pred = np.where(rng.rand(n) < 0.7, idx, rng.randint(0, 4, size=n))
    w = np.round(rng.exponential(1.0, size=n), 3)
    w[rng.rand(n) < 0.12] = 0.0
    w[[3, 120, 250]] = [35.0, 80.5, 50.25]
    frame = pd.DataFrame({"label": CLASSES[idx], "p_ant": p[:, 0], "p_bee": p[:, 1], "p_cow": p[:, 2], "p_eel": p[:, 3],
                          "pred": CLASSES[pred], "w": w})
    frame.to_csv(os.path.join(FILES, "pandas_weighted_multiclass.csv"), index=False)

    back = pd.read_csv(os.path.join(FILES, "pandas_weighted_multiclass.csv"))
    y = back.label.to_numpy()
    scores = back[["p_ant", "p_bee", "p_cow", "p_eel"]].to_numpy()
    weights = back.w.to_numpy(dtype=float)
    cases = [
        {"file": "pandas_weighted_multiclass.csv", "mode": "scores", "args": ["--score-prefix", "p_", "--weight-column", "w"],
         **score_metrics(y, scores, weights)},
        {"file": "pandas_weighted_multiclass.csv", "mode": "scores",
         "args": ["--score-prefix", "p_", "--weight-column", "W", "--missing", "skip"], **score_metrics(y, scores, weights)},
        {"file": "pandas_weighted_multiclass.csv", "mode": "labels", "args": ["--predicted-column", "pred", "--weight-column", "w"],
         **label_metrics(y, back.pred.to_numpy(), weights)},
    ]
    doc = {"generator": "tests/reference/cli/make_weighted_multiclass_eval_fixtures.py", "sklearn": sklearn.__version__,
           "pandas": pd.__version__, "numpy": np.__version__, "cases": cases}
    with open(os.path.join(HERE, "weighted_multiclass_expected.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, default=float)
        f.write("\n")
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
