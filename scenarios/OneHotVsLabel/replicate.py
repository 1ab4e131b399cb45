#!/usr/bin/python3
"""Replicates the main effects of the one-hot-vs-label scenario with scikit-learn's own encoders and learners:
OneHotEncoder against OrdinalEncoder (label codes; the true order for German credit's ordinal columns), each followed
by MaxAbsScaler + LogisticRegression (L2, C = 1, as the scenario's ML.NET ridge L2Regularization = 1 against the sum
of the row losses) or by GradientBoostingClassifier (25 trees of at most 16 leaves, at least 10 rows per leaf, as the
scenario's FastTree). German credit: stratified 10-fold repeated twice. Synthetic: one nominal feature with 10 to
10,000 levels (Zipf frequencies with exponent 1, level effects N(0, 1) on the log-odds) and 3 numeric N(0, 1)
features, 8000 rows, stratified 5-fold. Folds and draws are scikit-learn's / NumPy's own, so the numbers differ from
ML.NET's; the directions are compared. At the largest cardinality the remedies are replicated too: FeatureHasher
(2^10 slots, no alternating sign, like ML.NET's OneHotHashEncoding indicators), count encoding and out-of-fold target
encoding written in pandas (scikit-learn 1.2 has no TargetEncoder): fitted on each fold's training rows only, the
training rows' own values from 5 inner folds, smoothed mean (positives + 10 · prior) / (count + 10).
Writes replication.json beside this script.

Run with Debian's python3 and python3-sklearn: /usr/bin/python3 scenarios/OneHotVsLabel/replicate.py
"""
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import RepeatedStratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.feature_extraction import FeatureHasher
from sklearn.model_selection import KFold
from sklearn.preprocessing import FunctionTransformer, MaxAbsScaler, OneHotEncoder, OrdinalEncoder

SEED = 57
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from replication_io import write_sklearn_replication  # noqa: E402  (the shared writer in scenarios/)
DATA = os.path.join(HERE, "..", "..", "data")
ORDINAL = {
    "checking_status": ["<0", "0<=X<200", ">=200", "no checking"],
    "savings_status": ["<100", "100<=X<500", "500<=X<1000", ">=1000", "no known savings"],
    "employment": ["unemployed", "<1", "1<=X<4", "4<=X<7", ">=7"],
    "job": ["unemp/unskilled non res", "unskilled resident", "skilled", "high qualif/self emp/mgmt"],
}
NOT_CONVERGED = []


def one_hot(columns):
    return (OneHotEncoder(handle_unknown="ignore"), columns)


def label(columns):
    return (OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), columns)


def encoder(kind, numeric, nominal, ordinal):
    parts = [("numeric", "passthrough", numeric)]
    if kind == "one-hot":
        parts.append(("cat", *one_hot(nominal + ordinal)))
    elif kind == "label":
        parts.append(("cat", *label(nominal + ordinal)))
    elif kind == "hashing":
        as_tokens = FunctionTransformer(lambda x: [[f"{c}={v}" for c, v in zip(x.columns, row)] for row in x.itertuples(index=False)])
        parts.append(("cat", make_pipeline(as_tokens, FeatureHasher(n_features=2 ** 10, input_type="string", alternate_sign=False)), nominal + ordinal))
    elif kind == "mixed":
        parts.append(("nominal", *one_hot(nominal)))
        if ordinal:
            parts.append(("ordinal", OrdinalEncoder(categories=[ORDINAL[c] for c in ordinal]), ordinal))
    return ColumnTransformer(parts, sparse_threshold=0.3)


def model(kind):
    if kind == "logistic":
        # MaxAbsScaler keeps zeros (and sparse one-hot columns) as they are, like ML.NET's NormalizeMinMax (fixZero).
        return [MaxAbsScaler(), LogisticRegression(C=1.0, max_iter=10000, tol=1e-8)]
    return [GradientBoostingClassifier(n_estimators=25, max_leaf_nodes=16, min_samples_leaf=10, learning_rate=0.2, random_state=SEED)]


def fold_aucs(frame, y, numeric, nominal, ordinal, encoding, kind, folds, repeats):
    aucs = []
    for train, test in RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=SEED).split(frame, y):
        pipe = make_pipeline(encoder(encoding, numeric, nominal, ordinal), *model(kind))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            pipe.fit(frame.iloc[train], y[train])
        if any(issubclass(w.category, ConvergenceWarning) for w in caught):
            NOT_CONVERGED.append(f"{encoding} {kind}")
        aucs.append(roc_auc_score(y[test], pipe.predict_proba(frame.iloc[test])[:, 1]))
    return np.array(aucs)


def smoothed(positives, counts, prior, m=10.0):
    return (positives + m * prior) / (counts + m)


def encode_fold(frame, y, train, columns, kind, seed):
    """Count or out-of-fold target encoding of `columns`, learned from the rows `train` only; returns a new frame."""
    out = frame.drop(columns=columns).copy()
    yt = pd.Series(y[train].astype(float), index=frame.index[train])
    for c in columns:
        levels = frame[c]
        if kind == "count":
            out["count:" + c] = levels.map(levels.iloc[train].value_counts()).fillna(0).to_numpy()
            continue
        stats = yt.groupby(levels.iloc[train]).agg(["sum", "count"])
        prior = yt.mean()
        values = smoothed(levels.map(stats["sum"]).fillna(0), levels.map(stats["count"]).fillna(0), prior).to_numpy()
        for inner_fit, inner_apply in KFold(5, shuffle=True, random_state=seed).split(train):
            fit_rows, apply_rows = train[inner_fit], train[inner_apply]
            yi = pd.Series(y[fit_rows].astype(float), index=frame.index[fit_rows])
            inner = yi.groupby(levels.iloc[fit_rows]).agg(["sum", "count"])
            lv = levels.iloc[apply_rows]
            values[apply_rows] = smoothed(lv.map(inner["sum"]).fillna(0), lv.map(inner["count"]).fillna(0), yi.mean()).to_numpy()
        out["target:" + c] = values
    return out


def fold_aucs_encoded(frame, y, columns, encoding, kind, folds, repeats):
    aucs = []
    for j, (train, test) in enumerate(RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=SEED).split(frame, y)):
        encoded = encode_fold(frame, y, train, columns, encoding, SEED + j)
        pipe = make_pipeline(*model(kind))
        pipe.fit(encoded.iloc[train], y[train])
        aucs.append(roc_auc_score(y[test], pipe.predict_proba(encoded.iloc[test])[:, 1]))
    return np.array(aucs)


def high_cardinality(levels, rows, seed):
    rng = np.random.RandomState(seed)
    p = np.arange(1, levels + 1, dtype=float) ** -1.0
    p /= p.sum()
    effects = rng.normal(0, 1, levels)
    coefficients = rng.normal(0, 1, 3)
    codes = rng.choice(levels, size=rows, p=p)
    x = rng.normal(0, 1, (rows, 3))
    logit = effects[codes] + x @ coefficients
    y = rng.uniform(size=rows) < 1 / (1 + np.exp(-logit))
    frame = pd.DataFrame(x, columns=["x0", "x1", "x2"])
    frame["level"] = [f"L{c:05d}" for c in codes]
    return frame, y


def main():
    german = pd.read_csv(os.path.join(DATA, "weka_credit_g.csv"))
    y = (german.pop("class") == "bad").to_numpy()
    numeric = [c for c in german.columns if german[c].dtype != object]
    ordinal = [c for c in ORDINAL if c in german.columns]
    nominal = [c for c in german.columns if german[c].dtype == object and c not in ORDINAL]
    g = {(e, k): fold_aucs(german, y, numeric, nominal, ordinal, e, k, 10, 2) for e in ("one-hot", "label", "mixed") for k in ("logistic", "tree")}
    effects = {
        "german-logistic-onehot-minus-label": np.mean(g[("one-hot", "logistic")] - g[("label", "logistic")]),
        "german-tree-onehot-minus-label": np.mean(g[("one-hot", "tree")] - g[("label", "tree")]),
        "german-logistic-true-order-minus-onehot": np.mean(g[("mixed", "logistic")] - g[("one-hot", "logistic")]),
    }

    grid = [10, 100, 1000, 10000]
    features = []
    for k, levels in enumerate(grid):
        frame, ys = high_cardinality(levels, 8000, SEED + 1 + k)
        features.append(3 + frame["level"].nunique())
        if levels == grid[-1]:
            s = {(e, m): fold_aucs(frame, ys, ["x0", "x1", "x2"], ["level"], [], e, m, 5, 1) for e in ("one-hot", "label") for m in ("logistic", "tree")}
            effects["many-levels-logistic-label-minus-onehot"] = np.mean(s[("label", "logistic")] - s[("one-hot", "logistic")])
            effects["many-levels-tree-label-minus-onehot"] = np.mean(s[("label", "tree")] - s[("one-hot", "tree")])
            for m, name in (("logistic", "logistic"), ("tree", "tree")):
                hashed = fold_aucs(frame, ys, ["x0", "x1", "x2"], ["level"], [], "hashing", m, 5, 1)
                effects[f"many-levels-{name}-hashing-minus-onehot"] = np.mean(hashed - s[("one-hot", m)])
                for e in ("count", "target"):
                    encoded = fold_aucs_encoded(frame, ys, ["level"], e, m, 5, 1)
                    effects[f"many-levels-{name}-{e}-minus-onehot"] = np.mean(encoded - s[("one-hot", m)])
    effects["onehot-feature-growth"] = np.log(features[-1] / features[0]) / np.log(grid[-1] / grid[0])

    write_sklearn_replication(HERE, effects, NOT_CONVERGED)


if __name__ == "__main__":
    main()
