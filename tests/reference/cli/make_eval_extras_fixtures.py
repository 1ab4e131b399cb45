#!/usr/bin/python3
"""Prediction files of two models and reference values for `eval --operating-point`, `--calibration`, `--ci delong`
and `--compare-score-column` (issue #17).

Run from the repository root with Debian's interpreter and R (python3-sklearn 1.2.1, python3-pandas 1.5.3,
python3-statsmodels 0.13, r-cran-proc 1.18):

    /usr/bin/python3 tests/reference/cli/make_eval_extras_fixtures.py

Writes files/pandas_two_models.csv (label, score, score_b: probabilities with two decimals, so many ties),
files/pandas_two_models_one_positive.csv (a single positive: DeLong undefined, operating points defined) and
extras_expected.json: each case's CLI arguments and the reference values, and weighted_cases: --operating-point with
--weight-column on files/pandas_weighted.csv (from make_weighted_eval_fixtures.py), scikit-learn with sample_weight. The C# tests (EvalExtrasFixtureTests) read
the JSON and never need Python or R. Same seed, same files, byte for byte.
* operating_point: scikit-learn brute force over roc_curve's candidates, as tests/reference/make_operating_point_fixtures.py
  (whose functions this script calls): the highest threshold among values within 1e-12 * max(1, |best|).
* calibration: sklearn.calibration.calibration_curve (prob_true, prob_pred); counts, ECE, MCE and the Brier terms from
  the same bins with numpy (bin of p: numpy.searchsorted(inner edges, p, side="left"), as scikit-learn 1.2.1).
* roc_auc_ci and comparison: R's pROC, ci.auc(method = "delong") and roc.test(method = "delong", paired = TRUE) with
  direction = "<" (run through Rscript).
* comparison.mcnemar: statsmodels' mcnemar(exact=True) of the two models' decisions at their thresholds (each
  model's own operating point when a rule is given, else --threshold).
"""
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import sklearn
import statsmodels
from sklearn import metrics
from sklearn.calibration import calibration_curve
from statsmodels.stats.contingency_tables import mcnemar

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
sys.path.insert(0, os.path.dirname(HERE))
from make_operating_point_fixtures import argbest, candidates, point  # noqa: E402

R_SCRIPT = r"""
suppressMessages(library(pROC))
d <- read.csv(commandArgs(TRUE)[1])
conf <- as.numeric(commandArgs(TRUE)[2])
num <- function(x) if (length(x) == 0 || is.na(x)) "null" else sprintf("%.17g", x)
ra <- roc(d$label, d$score, levels = c(0, 1), direction = "<", quiet = TRUE)
rb <- roc(d$label, d$score_b, levels = c(0, 1), direction = "<", quiet = TRUE)
ci <- suppressWarnings(ci.auc(ra, conf.level = conf, method = "delong"))
t <- tryCatch(suppressWarnings(roc.test(ra, rb, method = "delong", paired = TRUE, conf.level = conf)), error = function(e) NULL)
cat(sprintf('{"pROC":"%s","auc_a":%s,"auc_b":%s,"low":%s,"high":%s,"z":%s,"p_value":%s,"ci_low":%s,"ci_high":%s}',
    as.character(packageVersion("pROC")), num(as.numeric(auc(ra))), num(as.numeric(auc(rb))), num(ci[1]), num(ci[3]),
    if (is.null(t)) "null" else num(unname(t$statistic)), if (is.null(t)) "null" else num(t$p.value),
    if (is.null(t)) "null" else num(t$conf.int[1]), if (is.null(t)) "null" else num(t$conf.int[2])))
"""


def operating_point(rule, y, s, w=None):
    thr = candidates(y, s, w)
    pts = [point(y, s, w, t) for t in thr]
    name, _, params = rule.partition(":")
    p = [float(v) for v in params.split(",")] if params else []
    ww = np.ones(len(y)) if w is None else w
    n_pos, n_neg = ww[y == 1].sum(), ww[y == 0].sum()
    if name == "max-f1":
        values, feasible, key = [q["f1"] for q in pts], None, "f1"
    elif name == "max-fbeta":
        values = [metrics.fbeta_score(y, (s >= t).astype(int), beta=p[0], sample_weight=w, zero_division=0) for t in thr]
        feasible, key = None, "fbeta"
    elif name == "youden":
        values, feasible, key = [q["recall"] - q["fpr"] for q in pts], None, "youden_j"
    elif name == "min-cost":
        values = [-(p[0] * q["fp"] + p[1] * q["fn"]) / (n_pos + n_neg) for q in pts]
        feasible, key = None, "expected_cost"
    elif name == "recall-at-precision":
        values, feasible, key = [q["recall"] for q in pts], [q["precision"] >= p[0] for q in pts], "recall"
    elif name == "tpr-at-fpr":
        values, feasible, key = [q["recall"] for q in pts], [q["fpr"] <= p[0] for q in pts], "tpr"
    else:
        raise ValueError(rule)
    k = argbest(values, feasible)
    if k is None:
        return None
    out = dict(pts[k])
    out[key] = -values[k] if name == "min-cost" else values[k]
    return out


def calibration(y, s, bins, strategy):
    prob_true, prob_pred = calibration_curve(y, s, n_bins=bins, strategy=strategy)
    edges = np.linspace(0.0, 1.0, bins + 1) if strategy == "uniform" else np.percentile(s, np.linspace(0, 100, bins + 1))
    ids = np.searchsorted(edges[1:-1], s)
    counts = np.bincount(ids, minlength=len(edges))
    counts = counts[counts != 0]
    n, base = len(y), y.mean()
    return {
        "prob_true": list(prob_true), "prob_pred": list(prob_pred), "counts": [int(c) for c in counts],
        "ece": float(np.sum(counts / n * np.abs(prob_true - prob_pred))), "mce": float(np.max(np.abs(prob_true - prob_pred))),
        "brier_reliability": float(np.sum(counts * (prob_pred - prob_true) ** 2) / n),
        "brier_resolution": float(np.sum(counts * (prob_true - base) ** 2) / n),
        "brier_uncertainty": float(base * (1 - base)),
    }


def delong(path, confidence):
    out = subprocess.run(["Rscript", "-e", R_SCRIPT, path, repr(confidence)], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def case(file, y, a, b, rule=None, bins=10, strategy="uniform", confidence=0.95, threshold=0.5):
    args = ["--calibration", "--bins", str(bins), "--strategy", strategy, "--ci", "delong", "--compare-score-column", "score_b"]
    args += ["--confidence", repr(confidence)] if confidence != 0.95 else []
    args += ["--operating-point", rule] if rule else []
    r = delong(os.path.join(FILES, file), confidence)
    pa = operating_point(rule, y, a) if rule else None
    pb = operating_point(rule, y, b) if rule else None
    ta, tb = (pa and pa["threshold"], pb and pb["threshold"]) if rule else (threshold, threshold)
    decisions = None
    if ta is not None and tb is not None:
        right_a, right_b = (a >= ta) == (y == 1), (b >= tb) == (y == 1)
        table = [[int(np.sum(right_a & right_b)), int(np.sum(right_a & ~right_b))], [int(np.sum(~right_a & right_b)), int(np.sum(~right_a & ~right_b))]]
        m = mcnemar(table, exact=True)
        decisions = {"threshold_a": ta, "threshold_b": tb, "b": table[0][1], "c": table[1][0], "p_value_exact": float(m.pvalue)}
    return {
        "file": file, "args": args, "operating_point": pa, "calibration": calibration(y, a, bins, strategy),
        "roc_auc_ci": {"low": r["low"], "high": r["high"]},
        "comparison": {"roc_auc_a": r["auc_a"], "roc_auc_b": r["auc_b"], "difference": r["auc_a"] - r["auc_b"], "z": r["z"],
                       "p_value": r["p_value"], "ci_low": r["ci_low"], "ci_high": r["ci_high"],
                       "mcnemar": decisions},
    }, r["pROC"]


def write(name, y, a, b):
    pd.DataFrame({"label": y, "score": a, "score_b": b}).to_csv(os.path.join(FILES, name), index=False)


def main():
    rng = np.random.RandomState(17)
    n = 300
    y = (rng.rand(n) < 0.35).astype(int)
    a = np.round(1 / (1 + np.exp(-(1.6 * y + rng.randn(n) - 0.9))), 2)
    b = np.round(1 / (1 + np.exp(-(0.9 * y + rng.randn(n) - 0.6))), 2)
    write("pandas_two_models.csv", y, a, b)
    y1 = np.zeros(12, dtype=int)
    y1[4] = 1
    a1 = np.round(rng.rand(12), 2)
    b1 = np.round(rng.rand(12), 2)
    write("pandas_two_models_one_positive.csv", y1, a1, b1)
    cases, versions = [], set()
    for args in [dict(rule="max-f1"), dict(rule="max-fbeta:2", strategy="quantile", bins=8), dict(rule="youden", confidence=0.9),
                 dict(rule="min-cost:1,5"), dict(rule="recall-at-precision:0.8"), dict(rule="tpr-at-fpr:0.1"), dict()]:
        c, v = case("pandas_two_models.csv", y, a, b, **args)
        cases.append(c)
        versions.add(v)
    for args in [dict(rule="max-f1", bins=5), dict(rule="recall-at-precision:1")]:
        c, v = case("pandas_two_models_one_positive.csv", y1, a1, b1, **args)
        cases.append(c)
        versions.add(v)
    wf = pd.read_csv(os.path.join(FILES, "pandas_weighted.csv"))  # written by make_weighted_eval_fixtures.py
    yw, sw, w = wf["label"].to_numpy(), wf["score"].to_numpy(dtype=float), wf["w"].to_numpy(dtype=float)
    weighted = [{"file": "pandas_weighted.csv", "args": ["--weight-column", "w", "--operating-point", rule], "operating_point": operating_point(rule, yw, sw, w)}
                for rule in ["max-f1", "max-fbeta:0.5", "youden", "min-cost:1,4", "recall-at-precision:0.7", "tpr-at-fpr:0.05"]]
    doc = {"generator": "tests/reference/cli/make_eval_extras_fixtures.py", "sklearn": sklearn.__version__, "numpy": np.__version__,
           "statsmodels": statsmodels.__version__, "pROC": sorted(versions)[0], "cases": cases, "weighted_cases": weighted}
    with open(os.path.join(HERE, "extras_expected.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
