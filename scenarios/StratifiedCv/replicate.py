#!/usr/bin/python3
"""Replicates the main effects of the stratified-cv scenario with scikit-learn's own splitters and learner.

Same data (data/*.csv), same designs, scikit-learn's KFold / StratifiedKFold and a standardized
LogisticRegression (C = 1, like ML.NET's L2 = 1 on the summed loss). The subsamples and shuffles come
from numpy's generator, so the rows differ from the ML.NET run: the effects are compared by direction.
Writes replication.json beside this script. Run with Debian's /usr/bin/python3 (python3-sklearn).
"""
import os
import sys
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore", category=UserWarning)
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from replication_io import write_replication  # noqa: E402  (the shared writer in scenarios/)
DATA = os.path.join(HERE, "..", "..", "data")
SEED = 42


def model():
    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000, tol=1e-8))


def folds(splitter, X, y):
    return splitter.split(X, y) if isinstance(splitter, StratifiedKFold) else splitter.split(X)


def share_deviation(splitter, X, y):
    p = y.mean()
    return np.mean([abs(y[te].mean() - p) for _, te in folds(splitter, X, y)])


def fold_scores(splitter, X, y):
    """Per fold: AP (NaN without a positive) and log loss (natural log)."""
    ap, ll = [], []
    for tr, te in folds(splitter, X, y):
        prob = model().fit(X[tr], y[tr]).predict_proba(X[te])[:, 1]
        ap.append(average_precision_score(y[te], prob) if y[te].any() else np.nan)
        ll.append(log_loss(y[te], prob, labels=[0, 1]))
    return np.array(ap), np.array(ll)


def sd(values):
    v = np.asarray(values, dtype=float)
    v = v[~np.isnan(v)]
    return np.std(v, ddof=1) if len(v) > 1 else np.nan


def small_data(rng):
    d = pd.read_csv(os.path.join(DATA, "mlbench_satellite.csv"))
    y = (d["classes"] == "damp grey soil").to_numpy().astype(int)
    X = d.drop(columns=["classes"]).to_numpy(float)
    rows = rng.choice(len(y), 200, replace=False)
    return X[rows], y[rows]


def small_effects(rng):
    X, y = small_data(rng)
    plain = [share_deviation(KFold(10, shuffle=True, random_state=s), X, y) for s in range(100)]
    strat = [share_deviation(StratifiedKFold(10, shuffle=True, random_state=s), X, y) for s in range(100)]
    sd_plain, sd_strat, cv_plain, cv_strat = [], [], [], []
    for s in range(40):
        ap_p, _ = fold_scores(KFold(5, shuffle=True, random_state=s), X, y)
        ap_s, _ = fold_scores(StratifiedKFold(5, shuffle=True, random_state=s), X, y)
        sd_plain.append(sd(ap_p)); sd_strat.append(sd(ap_s))
        cv_plain.append(np.nanmean(ap_p)); cv_strat.append(np.nanmean(ap_s))
    return {
        "class-share-deviation-log-ratio": float(np.log(np.mean(strat) / np.mean(plain))),
        "fold-ap-sd-log-ratio": float(np.log(np.nanmean(sd_strat) / np.nanmean(sd_plain))),
        "cv-mean-sd-log-ratio": float(np.log(np.std(cv_strat, ddof=1) / np.std(cv_plain, ddof=1))),
    }


def trend_effects(rng, sizes=(100, 200, 400, 800), shares=(0.05, 0.1, 0.2, 0.4), repeats=20):
    d = pd.read_csv(os.path.join(DATA, "mlbench_letterrecognition.csv"))
    y_all = (d["lettr"] == "Z").to_numpy().astype(int)
    X_all = d.drop(columns=["lettr"]).to_numpy(float)
    pos, neg = np.flatnonzero(y_all == 1), np.flatnonzero(y_all == 0)
    rows, benefit = [], []
    for share in shares:
        for n in sizes:
            k = int(round(n * share))
            plain, strat = [], []
            for _ in range(repeats):
                idx = np.concatenate([rng.choice(pos, k, replace=False), rng.choice(neg, n - k, replace=False)])
                X, y = X_all[idx], y_all[idx]
                s = int(rng.integers(1 << 30))
                plain.append(sd(fold_scores(KFold(5, shuffle=True, random_state=s), X, y)[1]))
                strat.append(sd(fold_scores(StratifiedKFold(5, shuffle=True, random_state=s), X, y)[1]))
            rows.append([np.log2(n), np.log2(share)])
            benefit.append(np.log(np.nanmean(plain) / np.nanmean(strat)))
    design = np.column_stack([np.ones(len(rows)), np.array(rows)])
    coef, *_ = np.linalg.lstsq(design, np.array(benefit), rcond=None)
    return {"benefit-slope-rows": float(coef[1]), "benefit-slope-share": float(coef[2])}


def credit_encoded(without):
    d = pd.read_csv(os.path.join(DATA, "weka_credit_g.csv"))
    cats = [c for c in d.columns if d[c].dtype == object and c != "class"]
    cols = [d[c].to_numpy(float) for c in d.columns if c not in cats and c != "class"]
    for c in cats:
        if c != without:
            cols += [(d[c] == level).to_numpy(float) for level in sorted(d[c].unique())]
    return np.column_stack(cols)


def shift_run(X, y, group, seed):
    rng = np.random.default_rng(seed)
    strata = 2 * y + group
    with_g, without_g = np.zeros(len(y)), np.zeros(len(y))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=seed % (1 << 31)).split(X, strata):
        missing = tr[group[tr] == 0]
        both = np.concatenate([rng.choice(tr[strata[tr] == s], int(round((strata[tr] == s).sum() * len(missing) / len(tr))), replace=False)
                               for s in range(4) if (strata[tr] == s).any()])
        with_g[te] = model().fit(X[both], y[both]).predict_proba(X[te])[:, 1]
        without_g[te] = model().fit(X[missing], y[missing]).predict_proba(X[te])[:, 1]
    g = group == 1
    return log_loss(y[g], without_g[g], labels=[0, 1]) - log_loss(y[g], with_g[g], labels=[0, 1])


def shift_effect(rng, repeats=20, random_groups=40):
    d = pd.read_csv(os.path.join(DATA, "weka_credit_g.csv"))
    y = (d["class"] == "bad").to_numpy().astype(int)
    best = None
    for c in [c for c in d.columns if d[c].dtype == object and c != "class"]:
        X = credit_encoded(c)
        for level in d[c].unique():
            g = (d[c] == level).to_numpy().astype(int)
            if not 0.1 <= g.mean() <= 0.5:
                continue
            oof = np.zeros(len(y))
            for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, g):
                oof[te] = model().fit(X[tr], g[tr]).predict_proba(X[te])[:, 1]
            auc = roc_auc_score(g, oof)
            if best is None or auc > best[0]:
                best = (auc, c, level, g)
    auc, column, level, group = best
    X = credit_encoded(column)
    real = np.mean([shift_run(X, y, group, int(rng.integers(1 << 30))) for _ in range(repeats)])
    chance = []
    for _ in range(random_groups):
        g = np.zeros(len(y), dtype=int)
        g[rng.choice(len(y), group.sum(), replace=False)] = 1
        chance.append(shift_run(X, y, g, int(rng.integers(1 << 30))))
    print(f"distribution case: {column} = {level} ({group.sum()} rows, domain AUC {auc:.3f}); "
          f"increase {real:.4f}, random groups {np.mean(chance):.4f} +- {np.std(chance, ddof=1):.4f}")
    return {"missing-distribution-excess": float(real - np.mean(chance))}


def main():
    rng = np.random.default_rng(SEED)
    effects = {}
    effects.update(small_effects(rng))
    effects.update(trend_effects(rng))
    effects.update(shift_effect(rng))
    out = {"implementation": f"scikit-learn {sklearn.__version__} (Debian python3-sklearn)", "script": "replicate.py", "effects": effects}
    write_replication(HERE, out)


if __name__ == "__main__":
    main()
