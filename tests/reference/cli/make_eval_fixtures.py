#!/usr/bin/python3
"""Prediction files as real tools write them, and scikit-learn's metrics for each, for `classicalml eval`.

Run from the repository root with Debian's interpreter (python3-sklearn 1.2.1, python3-pandas 1.5.3):

    /usr/bin/python3 tests/reference/cli/make_eval_fixtures.py

1. Writes small CSV/TSV files with pandas' to_csv (the writer users have): comma, semicolon with float labels
   (0.0/1.0), tab, pipe with -1/1 labels, True/False labels, empty cells (NaN), margins, multiclass.
2. Runs tests/reference/cli/writers (a .NET program) to write the same data as Parquet with Parquet.Net and a
   scored data set with ML.NET's mlContext.Data.SaveAsText (default settings): Debian packages no Python Parquet
   writer. check_parquet.mjs cross-checks the Parquet files with another reader (hyparquet, JavaScript).
3. Reads every file back with pandas (ML.NET's file: comment="#", sep="\\t") and writes expected.json: the CLI
   arguments of each case and scikit-learn's values. The C# tests read expected.json and never need Python.

Same seed, same files, byte for byte. Known, deliberate differences (the tests know them): scikit-learn 1.2.1 has
no zero_division=np.nan (1.3+), so only "warn"/0 and 1 are compared; matthews_corrcoef returns 0 for a zero
denominator; specificity is recall_score with pos_label=0; log loss and Brier are null for scores outside [0, 1].
"""
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")


def binary_data(n, seed):
    rng = np.random.RandomState(seed)
    y = (rng.rand(n) < 0.3).astype(int)
    p = 1.0 / (1.0 + np.exp(-(1.6 * y + rng.randn(n) - 0.8)))
    return y, np.clip(np.round(p, 3), 0.001, 0.999)  # 3 decimals: ties


def binary_metrics(y, s, threshold):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    pred = (s >= threshold).astype(int)
    tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    probabilities = bool(np.all((s >= 0) & (s <= 1)))
    return {
        "n": int(len(y)), "positives": int(y.sum()), "threshold": threshold,
        "tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn),
        "accuracy": metrics.accuracy_score(y, pred),
        "precision": metrics.precision_score(y, pred, zero_division=0),
        "recall": metrics.recall_score(y, pred, zero_division=0),
        "specificity": metrics.recall_score(y, pred, pos_label=0, zero_division=0),
        "f1": metrics.f1_score(y, pred, zero_division=0),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, pred),
        "mcc": metrics.matthews_corrcoef(y, pred),
        "roc_auc": metrics.roc_auc_score(y, s),
        "average_precision": metrics.average_precision_score(y, s),
        "log_loss": metrics.log_loss(y, s) if probabilities else None,
        "brier": metrics.brier_score_loss(y, s) if probabilities else None,
    }


def multiclass_metrics(actual, predicted):
    labels = sorted(set(actual) | set(predicted))
    out = {"n": len(actual), "labels": labels, "accuracy": metrics.accuracy_score(actual, predicted)}
    for name, zd in (("zero", 0), ("one", 1)):
        p, r, f, support = metrics.precision_recall_fscore_support(actual, predicted, labels=labels, zero_division=zd)
        averages = {}
        for avg in ("macro", "micro", "weighted"):
            ap, ar, af, _ = metrics.precision_recall_fscore_support(actual, predicted, labels=labels, average=avg, zero_division=zd)
            averages[avg] = {"precision": ap, "recall": ar, "f1": af}
        out[name] = {"precision": list(p), "recall": list(r), "f1": list(f), "support": [int(x) for x in support], **averages}
    out["confusion"] = metrics.confusion_matrix(actual, predicted, labels=labels).tolist()
    return out


def write_csv_files():
    os.makedirs(FILES, exist_ok=True)
    y, s = binary_data(300, seed=14)
    frame = pd.DataFrame({"id": [f"r{i}" for i in range(len(y))], "label": y, "score": s})
    frame.to_csv(os.path.join(FILES, "pandas_comma.csv"), index=False)
    frame.assign(label=frame.label.astype(float)).to_csv(os.path.join(FILES, "pandas_semicolon_float_labels.csv"), sep=";", index=False)
    frame.to_csv(os.path.join(FILES, "pandas_tab.tsv"), sep="\t", index=False)
    frame.assign(label=2 * frame.label - 1).to_csv(os.path.join(FILES, "pandas_pipe_minus_one.csv"), sep="|", index=False)
    frame.assign(label=frame.label.astype(bool)).to_csv(os.path.join(FILES, "pandas_bool_labels.csv"), index=False)
    margins = frame.assign(score=np.round(np.log(s / (1 - s)), 3)).rename(columns={"score": "Score", "label": "Label"})
    margins.to_csv(os.path.join(FILES, "pandas_margins.csv"), index=False)
    rng = np.random.RandomState(15)
    missing = frame.assign(label=frame.label.astype(float), score=frame.score.copy())
    missing.loc[rng.rand(len(y)) < 0.05, "score"] = np.nan
    missing.loc[rng.rand(len(y)) < 0.03, "label"] = np.nan
    missing.to_csv(os.path.join(FILES, "pandas_missing.csv"), index=False)

    rng = np.random.RandomState(16)
    classes = np.array(["bird", "cat", "dog", "fish"])
    actual = classes[rng.choice(4, size=120, p=[0.2, 0.4, 0.3, 0.1])]
    # "fish" is never predicted: its precision is undefined (zero division), which moves the macro average.
    predicted = np.where(rng.rand(120) < 0.7, actual, classes[rng.choice(3, size=120)])
    predicted = np.where(predicted == "fish", "cat", predicted)
    pd.DataFrame({"label": actual, "predicted": predicted}).to_csv(os.path.join(FILES, "pandas_multiclass.csv"), index=False)


def run_writers():
    project = os.path.join(HERE, "writers")
    subprocess.run(["dotnet", "run", "-c", "Release", "--project", project, "--", FILES], check=True)


def expected():
    def read(name, **kw):
        return pd.read_csv(os.path.join(FILES, name), **kw)

    cases = []

    def binary(name, args, frame, label="label", score="score", threshold=0.5, positive=1):
        y = (frame[label] == positive).astype(int)
        cases.append({"file": name, "args": args, **binary_metrics(y, frame[score], threshold)})

    binary("pandas_comma.csv", [], read("pandas_comma.csv"))
    binary("pandas_semicolon_float_labels.csv", [], read("pandas_semicolon_float_labels.csv", sep=";"))
    binary("pandas_tab.tsv", [], read("pandas_tab.tsv", sep="\t"))
    binary("pandas_pipe_minus_one.csv", ["--positive", "1"], read("pandas_pipe_minus_one.csv", sep="|"))
    binary("pandas_bool_labels.csv", [], read("pandas_bool_labels.csv"), positive=True)
    binary("pandas_margins.csv", [], read("pandas_margins.csv"), label="Label", score="Score", threshold=0.0)
    binary("pandas_margins.csv", ["--threshold", "0.5"], read("pandas_margins.csv"), label="Label", score="Score", threshold=0.5)
    skipped = read("pandas_missing.csv").dropna(subset=["label", "score"])
    binary("pandas_missing.csv", ["--missing", "skip"], skipped)
    cases[-1]["skipped_rows"] = int(len(read("pandas_missing.csv")) - len(skipped))
    binary("predictions.parquet", [], read("pandas_comma.csv"))
    binary("predictions_nullable.parquet", ["--missing", "skip"], skipped)
    cases[-1]["skipped_rows"] = int(len(read("pandas_missing.csv")) - len(skipped))
    mlnet = read("mlnet_saveastext.tsv", sep="\t", comment="#")
    binary("mlnet_saveastext.tsv", [], mlnet, label="Label", score="Probability")
    binary("mlnet_svm_saveastext.tsv", [], read("mlnet_svm_saveastext.tsv", sep="\t", comment="#"), label="Label", score="Score", threshold=0.0)
    multi = read("pandas_multiclass.csv")
    cases.append({"file": "pandas_multiclass.csv", "args": ["--predicted-column", "predicted"], **multiclass_metrics(list(multi.label), list(multi.predicted))})
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump({"generator": "tests/reference/cli/make_eval_fixtures.py", "sklearn": sklearn.__version__, "pandas": pd.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


def main():
    write_csv_files()
    run_writers()
    expected()
    return 0


if __name__ == "__main__":
    sys.exit(main())
