#!/usr/bin/python3
"""The Python side of compare_cli_python.py: what a data scientist writes to evaluate a predictions CSV.

    /usr/bin/python3 bench/sklearn_eval.py FILE.csv

pandas read_csv, then the metrics `classicalml eval` prints (scikit-learn, threshold 0.5); one JSON line.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn import metrics


def main(path):
    frame = pd.read_csv(path)
    y = frame["label"].to_numpy()
    s = frame["score"].to_numpy()
    pred = (s >= 0.5).astype(int)
    tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    out = {
        "n": int(len(y)), "tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn),
        "accuracy": metrics.accuracy_score(y, pred),
        "precision": metrics.precision_score(y, pred, zero_division=0),
        "recall": metrics.recall_score(y, pred, zero_division=0),
        "specificity": metrics.recall_score(y, pred, pos_label=0, zero_division=0),
        "f1": metrics.f1_score(y, pred, zero_division=0),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, pred),
        "mcc": metrics.matthews_corrcoef(y, pred),
        "roc_auc": metrics.roc_auc_score(y, s),
        "average_precision": metrics.average_precision_score(y, s),
        "log_loss": metrics.log_loss(y, s),
        "brier": metrics.brier_score_loss(y, s),
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
