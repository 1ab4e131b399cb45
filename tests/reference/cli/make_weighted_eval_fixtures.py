#!/usr/bin/python3
"""Weighted prediction files as pandas writes them, and scikit-learn's sample_weight metrics, for `eval --weight-column`.

Run from the repository root with Debian's interpreter (python3-sklearn 1.2.1, python3-pandas 1.5.3):

    /usr/bin/python3 tests/reference/cli/make_weighted_eval_fixtures.py

Writes files/pandas_weighted.csv (comma; ties, zero weights, a few heavy rows), files/pandas_weighted_semicolon.csv
(semicolon, float labels, integer weights, ML.NET-style column names) and weighted_expected.json: the CLI arguments of
each case and scikit-learn's values with sample_weight. The C# tests (WeightedEvalFixtureTests) read the JSON and never
need Python. Same seed, same files, byte for byte. As in make_eval_fixtures.py: matthews_corrcoef returns 0 for a zero
denominator, specificity is recall_score with pos_label=0, and log loss and Brier are null for scores outside [0, 1].
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")


def weighted_metrics(y, s, w, threshold):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    w = np.asarray(w, dtype=float)
    pred = (s >= threshold).astype(int)
    tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1], sample_weight=w).ravel()
    rows = metrics.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    kw = {"sample_weight": w}
    return {
        "n": int(len(y)), "threshold": threshold,
        "positives": float(w[y == 1].sum()), "negatives": float(w[y == 0].sum()),
        "tp": float(tp), "fp": float(fp), "tn": float(tn), "fn": float(fn),
        "row_counts": {"positives": int(y.sum()), "negatives": int((1 - y).sum()),
                       "tn": int(rows[0]), "fp": int(rows[1]), "fn": int(rows[2]), "tp": int(rows[3])},
        "accuracy": metrics.accuracy_score(y, pred, **kw),
        "precision": metrics.precision_score(y, pred, zero_division=0, **kw),
        "recall": metrics.recall_score(y, pred, zero_division=0, **kw),
        "specificity": metrics.recall_score(y, pred, pos_label=0, zero_division=0, **kw),
        "f1": metrics.f1_score(y, pred, zero_division=0, **kw),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, pred, **kw),
        "mcc": metrics.matthews_corrcoef(y, pred, **kw),
        "roc_auc": metrics.roc_auc_score(y, s, **kw),
        "average_precision": metrics.average_precision_score(y, s, **kw),
        "log_loss": metrics.log_loss(y, s, **kw),
        "brier": metrics.brier_score_loss(y, s, **kw),
    }


def main():
    rng = np.random.RandomState(16)
    n = 400
    y = (rng.rand(n) < 0.3).astype(int)
    p = 1.0 / (1.0 + np.exp(-(1.6 * y + rng.randn(n) - 0.8)))
    s = np.clip(np.round(p, 2), 0.01, 0.99)  # 2 decimals: many ties
    w = np.round(rng.exponential(1.5, size=n), 3)
    w[rng.rand(n) < 0.15] = 0.0
    w[[5, 77, 301]] = [40.0, 125.5, 60.25]
    pd.DataFrame({"label": y, "score": s, "w": w}).to_csv(os.path.join(FILES, "pandas_weighted.csv"), index=False)
    wi = rng.randint(0, 5, size=n)
    pd.DataFrame({"Label": y.astype(float), "Probability": s, "Weight": wi}).to_csv(
        os.path.join(FILES, "pandas_weighted_semicolon.csv"), sep=";", index=False)

    cases = []
    frame = pd.read_csv(os.path.join(FILES, "pandas_weighted.csv"))
    cases.append({"file": "pandas_weighted.csv", "args": ["--weight-column", "w"],
                  **weighted_metrics(frame.label, frame.score, frame.w, 0.5)})
    cases.append({"file": "pandas_weighted.csv", "args": ["--weight-column", "W", "--threshold", "0.3"],
                  **weighted_metrics(frame.label, frame.score, frame.w, 0.3)})
    semi = pd.read_csv(os.path.join(FILES, "pandas_weighted_semicolon.csv"), sep=";")
    cases.append({"file": "pandas_weighted_semicolon.csv", "args": ["--weight-column", "Weight"],
                  **weighted_metrics(semi.Label, semi.Probability, semi.Weight, 0.5)})
    doc = {"generator": "tests/reference/cli/make_weighted_eval_fixtures.py", "sklearn": sklearn.__version__,
           "pandas": pd.__version__, "numpy": np.__version__, "cases": cases}
    with open(os.path.join(HERE, "weighted_expected.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
