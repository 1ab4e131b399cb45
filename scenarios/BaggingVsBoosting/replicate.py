#!/usr/bin/python3
"""Replicates the main effects of the bagging-vs-boosting scenario with scikit-learn's own learners on the same data
files and the same protocol: spambase subsampled to 1200 rows (stratified) and a make_classification set of 1200 rows
(20 features, 6 informative, 4 redundant, no label noise), each split half/half (stratified).

Learners: one deep tree (DecisionTreeClassifier, at most 128 leaves, one row per leaf allowed), one stump (depth 1),
BaggingClassifier of deep trees (bootstrap samples), GradientBoostingClassifier of stumps (100 rounds, learning rate
0.3, as the scenario's LightGBM stumps); under label noise, bagged (20) against boosted (100) trees of the same size
(2 and 8 leaves, at least 5 rows per leaf), and AdaBoostClassifier(algorithm="SAMME", 50 rounds, learning rate 1)
of trees of the same sizes against the same bagged trees, with the share of AdaBoost's final row weight on the
flipped rows. The weak-learner and label-noise effects are means over 20 repetitions (the label-noise ones over the
first 8), each on fresh data (a fresh spambase subsample and split, a fresh synthetic draw) with a fresh label flip,
as the scenario's repetitions. The splits, the synthetic draws and the learners are
scikit-learn's own, so the numbers differ from ML.NET's; the directions are compared. Writes replication.json.

Run with Debian's python3 and python3-sklearn: /usr/bin/python3 scenarios/BaggingVsBoosting/replicate.py
"""
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from scipy.stats import spearmanr
from sklearn.datasets import make_classification
from sklearn.ensemble import AdaBoostClassifier, BaggingClassifier, GradientBoostingClassifier, VotingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

SEED = 2024
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from replication_io import write_replication  # noqa: E402  (the shared writer in scenarios/)
DATA = os.path.join(HERE, "..", "..", "data")
ROWS = 1200
MEMBERS = 40
SMALL_ENSEMBLE = 10
ROUNDS = 6
NOISE = 0.3
NOISE_MEMBERS = 20
MATCHED_LEAVES = [2, 8]
MIN_LEAF = 5
ADABOOST_ROUNDS = 50
DIVERSITY_MEMBERS = 16
# (rows per member as a share, bootstrap?, share of features per member), as the scenario's DiversityLevels.
DIVERSITY_LEVELS = [(0.9, False, 1.0), (0.6, False, 1.0), (1.0, True, 1.0), (1.0, True, 0.5), (1.0, True, 0.25), (1.0, True, 0.1)]
NEIGHBORS = 9
REPETITIONS = 20
NOISE_REPETITIONS = 8


def deep():
    return DecisionTreeClassifier(max_leaf_nodes=128, min_samples_leaf=1, random_state=SEED)


def stump():
    return DecisionTreeClassifier(max_depth=1, random_state=SEED)


def bagged(members, seed):
    return BaggingClassifier(estimator=deep(), n_estimators=members, bootstrap=True, random_state=seed)


def boosted(leaves=2):
    return GradientBoostingClassifier(n_estimators=100, max_depth=None, max_leaf_nodes=leaves, min_samples_leaf=MIN_LEAF, learning_rate=0.3, random_state=SEED)


def tree(leaves):
    return DecisionTreeClassifier(max_leaf_nodes=leaves, min_samples_leaf=MIN_LEAF, random_state=SEED)


def bagged_trees(leaves, seed):
    return BaggingClassifier(estimator=tree(leaves), n_estimators=NOISE_MEMBERS, bootstrap=True, random_state=seed)


def proba(model, x):
    return model.predict_proba(x)[:, 1]


def relative_change(after, before):
    return (np.sum(after) - np.sum(before)) / np.sum(before)


def bias_variance(make, x_train, y_train, x_test, y_test, rng):
    predictions = []
    for _ in range(ROUNDS):
        rows = rng.randint(0, len(y_train), len(y_train))
        predictions.append(proba(make().fit(x_train[rows], y_train[rows]), x_test))
    p = np.array(predictions)
    mean = p.mean(axis=0)
    return (mean - y_test) ** 2, p.var(axis=0)


def effects_for(name, x, y, seed):
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.5, stratify=y, random_state=seed)
    out = {}

    # Bias and variance over bootstrap training sets (each learner on the same draws).
    parts = {}
    for label, make in [("deep", deep), ("bagged", lambda: bagged(SMALL_ENSEMBLE, SEED)), ("stump", stump), ("boosted", boosted)]:
        parts[label] = bias_variance(make, x_train, y_train, x_test, y_test.astype(float), np.random.RandomState(seed))
    out[f"variance-change-bagging-{name}"] = relative_change(parts["bagged"][1], parts["deep"][1])
    out[f"bias-change-boosting-{name}"] = relative_change(parts["boosted"][0], parts["stump"][0])

    # Diversity: mean member test error minus ensemble test error of 40 bagged deep trees.
    bag = bagged(MEMBERS, seed).fit(x_train, y_train)
    member_errors = np.mean([np.mean(m.predict(x_test) != y_test) for m in bag.estimators_])
    out[f"diversity-gain-{name}"] = member_errors - np.mean(bag.predict(x_test) != y_test)

    return out


def adaboost(leaves):
    return AdaBoostClassifier(estimator=tree(leaves), n_estimators=ADABOOST_ROUNDS, learning_rate=1.0, algorithm="SAMME", random_state=SEED)


def one_repetition(x, y, seed, with_noise):
    """One repetition of the weak-learner and label-noise measurements on a fresh half/half split: one stump against
    bagged (20) and gradient-boosted (100) stumps on clean labels; with_noise also bagged, gradient-boosted and AdaBoost
    (SAMME) trees of each matched size on clean and on 30% flipped training labels (a fresh flip), and the flipped rows'
    share of AdaBoost's final row weight minus their share of rows."""
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.5, stratify=y, random_state=seed)

    def error(make, labels):
        return np.mean(make().fit(x_train, labels).predict(x_test) != y_test)

    stump_error = error(lambda: tree(2), y_train)
    out = {"bagged-stump-gain": stump_error - error(lambda: bagged_trees(2, seed), y_train),
           "boosted-stump-gain": stump_error - error(lambda: boosted(2), y_train)}
    if not with_noise:
        return out
    flip = np.random.RandomState(seed + 1).permutation(len(y_train))[: int(round(NOISE * len(y_train)))]
    noisy = y_train.copy()
    noisy[flip] = ~noisy[flip]
    flipped = noisy != y_train
    for leaves in MATCHED_LEAVES:
        errors = {}
        for label, make in [("ada", lambda: adaboost(leaves)), ("bag", lambda: bagged_trees(leaves, seed)), ("gb", lambda: boosted(leaves))]:
            for kind, labels in [("clean", y_train), ("noisy", noisy)]:
                model = make().fit(x_train, labels)
                errors[label, kind] = np.mean(model.predict(x_test) != y_test)
                if label == "ada" and kind == "noisy":
                    # scikit-learn keeps no row weights: w_i is proportional to exp(sum_m alpha_m [h_m(x_i) != y_i]).
                    wrong = np.array([m.predict(x_train) != labels for m in model.estimators_])
                    log_w = (model.estimator_weights_[: len(model.estimators_), None] * wrong).sum(axis=0)
                    w = np.exp(log_w - log_w.max())
                    share = w[flipped].sum() / w.sum()
        bag_damage = errors["bag", "noisy"] - errors["bag", "clean"]
        out[f"extra-noise-damage-boosting-{leaves}-leaves"] = (errors["gb", "noisy"] - errors["gb", "clean"]) - bag_damage
        out[f"extra-noise-damage-adaboost-{leaves}-leaves"] = (errors["ada", "noisy"] - errors["ada", "clean"]) - bag_damage
        out[f"adaboost-flipped-weight-share-{leaves}-leaves"] = share - flipped.mean()
    return out


def repeated_effects(name, draw):
    """Means over REPETITIONS fresh data (spambase: a fresh 1200-row subsample of its 4601 rows; synthetic: a fresh
    make_classification draw), the label-noise part over the first NOISE_REPETITIONS, as the scenario's repetitions."""
    runs = [one_repetition(*draw(r), SEED + 1000 + r, r < NOISE_REPETITIONS) for r in range(REPETITIONS)]
    keys = sorted({k for run in runs for k in run})
    return {f"{k}-{name}": float(np.mean([run[k] for run in runs if k in run])) for k in keys}


def mean_error_correlation(errors):
    """Mean over member pairs of the phi correlation of their 0/1 errors; pairs with a constant member are left out."""
    values = []
    for j in range(len(errors)):
        for k in range(j + 1, len(errors)):
            if errors[j].std() > 0 and errors[k].std() > 0:
                values.append(np.corrcoef(errors[j], errors[k])[0, 1])
    return float(np.mean(values))


def diversity_trend_effects(name, x, y, seed):
    """Gain over the average member against the members' error correlation at six diversity levels (BaggingClassifier's
    max_samples, bootstrap and max_features: random feature subsets per member); Spearman's rho over the levels."""
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.5, stratify=y, random_state=seed)
    gains, correlations = [], []
    for level, (rows, bootstrap, features) in enumerate(DIVERSITY_LEVELS):
        bag = BaggingClassifier(estimator=deep(), n_estimators=DIVERSITY_MEMBERS, max_samples=rows, bootstrap=bootstrap,
                                max_features=features, random_state=seed + level).fit(x_train, y_train)
        errors = np.array([m.predict(x_test[:, f]) != y_test for m, f in zip(bag.estimators_, bag.estimators_features_)], dtype=float)
        gains.append(errors.mean() - np.mean(bag.predict(x_test) != y_test))
        correlations.append(mean_error_correlation(errors))
    return {f"diversity-trend-{name}": spearmanr(gains, correlations).correlation}


def voting_effects(name, x, y, seed):
    """Majority vote of logistic regression (z-scored, L2), k-NN (z-scored, k = 9) and a deep tree on the larger split,
    against its best member and against 40 bagged deep trees."""
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.5, stratify=y, random_state=seed)
    members = [("lr", make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=10000))),
               ("knn", make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=NEIGHBORS))),
               ("tree", deep())]
    vote = VotingClassifier(members, voting="hard").fit(x_train, y_train)
    vote_error = np.mean(vote.predict(x_test) != y_test)
    best = min(np.mean(m.predict(x_test) != y_test) for m in vote.estimators_)
    bag_error = np.mean(bagged(MEMBERS, seed).fit(x_train, y_train).predict(x_test) != y_test)
    return {f"vote-vs-best-member-{name}": best - vote_error, f"vote-vs-bagging-{name}": bag_error - vote_error}


def main():
    spam = pd.read_csv(os.path.join(DATA, "spambase.csv"))
    y_spam = (spam["type"] == "spam").to_numpy()
    x_spam = spam.drop(columns=["type"]).to_numpy(dtype=float)
    keep, _ = train_test_split(np.arange(len(y_spam)), train_size=ROWS, stratify=y_spam, random_state=SEED)
    x_syn, y_syn = make_classification(n_samples=ROWS, n_features=20, n_informative=6, n_redundant=4, flip_y=0.0, random_state=SEED)
    effects = {}
    for i, (name, x, y) in enumerate([("spambase", x_spam[keep], y_spam[keep]), ("synthetic", x_syn, y_syn.astype(bool))]):
        effects.update(effects_for(name, x, y, SEED + i))
        effects.update(diversity_trend_effects(name, x, y, SEED + i))
    # The weak-learner and label-noise effects over repetitions, each on fresh data.
    def spam_draw(r):
        rows, _ = train_test_split(np.arange(len(y_spam)), train_size=ROWS, stratify=y_spam, random_state=SEED + 100 + r)
        return x_spam[rows], y_spam[rows]

    def synthetic_draw(r):
        x, y = make_classification(n_samples=ROWS, n_features=20, n_informative=6, n_redundant=4, flip_y=0.0, random_state=SEED + 200 + r)
        return x, y.astype(bool)

    effects.update(repeated_effects("spambase", spam_draw))
    effects.update(repeated_effects("synthetic", synthetic_draw))
    # The vote on the larger split (all 4601 spambase rows, 4601 synthetic rows), as the scenario's out-of-bag split.
    x_large, y_large = make_classification(n_samples=len(y_spam), n_features=20, n_informative=6, n_redundant=4, flip_y=0.0, random_state=SEED + 5)
    for i, (name, x, y) in enumerate([("spambase", x_spam, y_spam), ("synthetic", x_large, y_large.astype(bool))]):
        effects.update(voting_effects(name, x, y, SEED + 10 + i))

    out = {
        "implementation": f"scikit-learn {sklearn.__version__} (Debian python3-sklearn)",
        "script": "replicate.py",
        "effects": {k: round(float(v), 6) for k, v in effects.items()},
    }
    write_replication(HERE, out)


if __name__ == "__main__":
    main()
