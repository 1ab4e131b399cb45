#!/usr/bin/python3
"""Prediction files as real tools write them, and scikit-learn's metrics for each, for `classicalml eval`.

Run from the repository root with Debian's interpreter (python3-sklearn 1.2.1, python3-pandas 1.5.3):

    /usr/bin/python3 tests/reference/cli/make_eval_fixtures.py

1. Writes small CSV/TSV files with pandas' to_csv (the writer users have): comma, semicolon with float labels
   (0.0/1.0), tab, pipe with -1/1 labels, True/False labels, empty cells (NaN), margins, multiclass, and multiclass
   scores (probabilities with ties and a class never predicted; decision values that do not sum to 1).
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


def score_metrics(actual, scores, classes):
    """scikit-learn's multiclass-from-scores values for one file; classes in column order (sorted here)."""
    actual = np.asarray(actual)
    classes = np.asarray(classes)
    assert list(classes) == sorted(classes), "scikit-learn needs the columns in sorted label order"
    n_classes = len(classes)
    probabilities = bool(np.all((scores >= 0) & (scores <= 1)) and np.allclose(scores.sum(axis=1), 1, rtol=np.sqrt(np.finfo(float).eps)))
    if probabilities:
        auc = {f"roc_auc_{m}_{a}": metrics.roc_auc_score(actual, scores, multi_class=m, average=a, labels=classes)
               for m in ("ovr", "ovo") for a in ("macro", "weighted")}
    else:
        # roc_auc_score refuses rows that do not sum to 1; these are the helpers it calls, which take any scores.
        from sklearn.metrics._base import _average_binary_score, _average_multiclass_ovo_score
        from sklearn.metrics._ranking import _binary_roc_auc_score
        from sklearn.preprocessing import label_binarize
        y_bin = label_binarize(actual, classes=classes)
        encoded = np.searchsorted(classes, actual)
        auc = {f"roc_auc_ovr_{a}": _average_binary_score(_binary_roc_auc_score, y_bin, scores, a) for a in ("macro", "weighted")}
        auc.update({f"roc_auc_ovo_{a}": _average_multiclass_ovo_score(_binary_roc_auc_score, encoded, scores, a) for a in ("macro", "weighted")})
    predicted = classes[np.argmax(scores, axis=1)]  # the first maximum, as ClassicalML
    p, r, f, support = metrics.precision_recall_fscore_support(actual, predicted, labels=classes, zero_division=0)
    onehot = (actual[:, None] == classes[None, :]).astype(float)
    return {
        "n": int(len(actual)), "score_classes": list(classes), **{k: float(v) for k, v in auc.items()},
        "top_k_accuracy": {str(k): metrics.top_k_accuracy_score(actual, scores, k=k, labels=classes) for k in range(1, min(5, n_classes) + 1)},
        "log_loss": metrics.log_loss(actual, scores, labels=classes) if probabilities else None,
        "brier": float(np.mean(np.sum((scores - onehot) ** 2, axis=1))) if probabilities else None,  # numpy: 1.2.1 has no multiclass Brier
        "accuracy": metrics.accuracy_score(actual, predicted),
        "roc_auc": [metrics.roc_auc_score(actual == c, scores[:, i]) for i, c in enumerate(classes)],
        "average_precision": [metrics.average_precision_score(actual == c, scores[:, i]) for i, c in enumerate(classes)],
        "precision": list(p), "recall": list(r), "f1": list(f), "support": [int(x) for x in support],
        "confusion": metrics.confusion_matrix(actual, predicted, labels=classes).tolist(),
    }


def write_score_files():
    """Multiclass scores as pandas writes them: probabilities in twentieths (ties; fish never the arg-max), and margins."""
    rng = np.random.RandomState(17)
    classes = np.array(["bird", "cat", "dog", "fish"])
    index = rng.choice(4, size=150, p=[0.25, 0.35, 0.3, 0.1])
    weights = np.ones((150, 4)) + 2.5 * np.eye(4)[index]
    weights[:, 3] = 0.3
    counts = np.array([rng.multinomial(20, w / w.sum()) for w in weights])
    counts[:, 3] = np.minimum(counts[:, 3], counts[:, :3].max(axis=1) - 1).clip(min=0)
    counts[:, 0] = 20 - counts[:, 1:].sum(axis=1)
    assert np.all(counts >= 0)
    probabilities = pd.DataFrame(counts / 20.0, columns=[f"p_{c}" for c in classes])
    probabilities.insert(0, "label", classes[index])
    probabilities.to_csv(os.path.join(FILES, "pandas_multiclass_scores.csv"), index=False)
    margins = pd.DataFrame(np.round(rng.randn(150, 4) * 1.5 + 2.0 * np.eye(4)[index], 2), columns=classes)
    margins.insert(0, "y", classes[index])
    margins.to_csv(os.path.join(FILES, "pandas_multiclass_margins.csv"), index=False)


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
    proba = read("pandas_multiclass_scores.csv")
    columns = [c for c in proba.columns if c.startswith("p_")]
    cases.append({"file": "pandas_multiclass_scores.csv", "args": ["--score-prefix", "p_"],
                  **score_metrics(proba.label.to_numpy(), proba[columns].to_numpy(), [c[2:] for c in columns])})
    margins = read("pandas_multiclass_margins.csv")
    names = ["bird", "cat", "dog", "fish"]
    cases.append({"file": "pandas_multiclass_margins.csv", "args": ["--score-columns", ",".join(names), "--label-column", "y"],
                  **score_metrics(margins.y.to_numpy(), margins[names].to_numpy(), names)})
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump({"generator": "tests/reference/cli/make_eval_fixtures.py", "sklearn": sklearn.__version__, "pandas": pd.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


def main():
    write_csv_files()
    write_score_files()
    run_writers()
    expected()
    return 0


if __name__ == "__main__":
    sys.exit(main())
