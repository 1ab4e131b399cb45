#!/usr/bin/python3
"""Replicates the main effects of the l1-vs-l2 scenario with scikit-learn's own LogisticRegression (saga solver:
penalty l1, l2 and elasticnet with l1_ratio 0.5, C = 1/lambda, as ML.NET's L1Regularization / L2Regularization
weigh the penalty against the SUM of the row losses) on the same data files and the same protocol: stratified
50/25/25 train/validation/test split, z-scored on the training rows, a log grid of lambda from 1e-2 to 1e4 with
3 points per decade, lambda tuned on validation log loss. The splits and the synthetic draw are scikit-learn's own,
so the numbers differ from ML.NET's; the directions are compared. The selection and drop-order effects are means
over 100 independent draws of the synthetic and the graded set (as the scenario's --draws). Writes replication.json
beside this script.

Run with Debian's python3 and python3-sklearn: /usr/bin/python3 scenarios/L1VsL2/replicate.py
"""
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.datasets import make_classification
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 42
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from replication_io import write_sklearn_replication  # noqa: E402  (the shared writer in scenarios/)
DATA = os.path.join(HERE, "..", "..", "data")
GRID = 10.0 ** (np.arange(-2 * 3, 4 * 3 + 1) / 3)  # 1e-2 ... 1e4, 3 per decade
PENALTIES = {"l1": dict(penalty="l1"), "l2": dict(penalty="l2"), "elasticnet": dict(penalty="elasticnet", l1_ratio=0.5)}
SIZE = ["mean_radius", "mean_perimeter", "mean_area", "worst_radius", "worst_perimeter", "worst_area"]
SPREAD_SHARE = 0.6
REFITS = 20
GRADED = [1.0, 1.0, 1.0, 0.3, 0.3, 0.3, 0, 0, 0, 0, 0, 0]
DRAWS = 100  # independent synthetic and graded draws for the selection and drop-order effects, as the scenario
RECALL_HOLDS_AT = 0.95
PRECISION_HOLDS_AT = 0.8


def load(name, target, positive):
    frame = pd.read_csv(os.path.join(DATA, name))
    y = (frame[target].astype(str) == positive).to_numpy()
    x = frame.drop(columns=[target])
    return x.to_numpy(dtype=float), y, list(x.columns)


def split(x, y, seed):
    x_train, x_rest, y_train, y_rest = train_test_split(x, y, test_size=0.5, stratify=y, random_state=seed)
    x_val, x_test, y_val, y_test = train_test_split(x_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=seed)
    scaler = StandardScaler().fit(x_train)
    return [scaler.transform(x_train), y_train, scaler.transform(x_val), y_val, scaler.transform(x_test), y_test]


NOT_CONVERGED = []


def fit(x, y, penalty, lam, warm=None):
    # liblinear for l1 and l2 (exact coordinate descent; intercept_scaling 100 makes its penalty on the intercept
    # negligible, as ML.NET does not penalize the bias); saga, warm-started along the path, for the elastic net.
    if penalty == "elasticnet":
        model = LogisticRegression(C=1.0 / lam, solver="saga", tol=1e-4, max_iter=5000, random_state=SEED, warm_start=warm is not None, **PENALTIES[penalty])
        if warm is not None:
            model.coef_, model.intercept_ = warm.coef_.copy(), warm.intercept_.copy()
    else:
        model = LogisticRegression(C=1.0 / lam, solver="liblinear", tol=1e-6, max_iter=10000, intercept_scaling=100.0, random_state=SEED, **PENALTIES[penalty])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        model.fit(x, y)
    if any(issubclass(w.category, ConvergenceWarning) for w in caught):
        NOT_CONVERGED.append(f"{penalty} lambda={lam:.4g}")
    return model


def path(data, penalty):
    x_train, y_train, x_val, y_val, x_test, y_test = data
    models = []
    for lam in GRID[::-1]:  # from the strongest penalty down, so saga starts near each solution
        models.append(fit(x_train, y_train, penalty, lam, models[-1] if models else None))
    models.reverse()
    losses = [log_loss(y_val, m.predict_proba(x_val)[:, 1]) for m in models]
    tuned = int(np.argmin(losses))
    return models, tuned


def drop_lambdas(weights):
    """For each feature, the smallest grid lambda from which its weight is exactly 0 up to the largest lambda."""
    drop = np.full(weights.shape[1], np.inf)
    for j in range(weights.shape[1]):
        for k in range(len(GRID) - 1, -1, -1):
            if weights[k, j] != 0:
                break
            drop[j] = GRID[k]
    return drop


def useful_last_share(drop, usefulness):
    """Share of (more useful, less useful) pairs in which the more useful feature is dropped at the larger lambda (ties 1/2)."""
    pairs = [(1.0 if drop[i] > drop[j] else 0.5 if drop[i] == drop[j] else 0.0)
             for i in range(len(drop)) for j in range(len(drop)) if usefulness[i] > usefulness[j]]
    return float(np.mean(pairs))


def synthetic(seed):
    """20 features, the first 5 informative, the rest pure noise (shuffle=False keeps that order)."""
    return make_classification(n_samples=1000, n_features=20, n_informative=5, n_redundant=0, n_repeated=0,
                               flip_y=0.01, shuffle=False, random_state=seed)


def graded_set(data_seed, split_seed):
    """Strongly, weakly and not informative standard-normal features of a logistic model (coefficients GRADED)."""
    rng = np.random.RandomState(data_seed)
    beta = np.array(GRADED)
    x = rng.normal(size=(1000, len(beta)))
    y = rng.uniform(size=1000) < 1 / (1 + np.exp(-x @ beta))
    return split(x, y, split_seed)


def draw_measures(data, l1_path, graded):
    """One draw: recall and precision of the tuned L1 model (5 informative of 20), and the drop-order shares."""
    models, k = l1_path
    kept = models[k].coef_[0] != 0
    hits = int(np.sum(kept[:5]))
    precision = hits / int(np.sum(kept)) if np.any(kept) else float("nan")
    drop = drop_lambdas(np.array([m.coef_[0] for m in models]))
    weights = np.array([fit(graded[0], graded[1], "l1", lam).coef_[0] for lam in GRID])
    return (hits / 5, precision, useful_last_share(drop, [1.0] * 5 + [0.0] * 15),
            useful_last_share(drop_lambdas(weights), np.abs(np.array(GRADED))))


def group_share(w, idx):
    a = np.abs(w[idx])
    return int(np.count_nonzero(a)), (a.max() / a.sum() if a.sum() > 0 else float("nan"))


def main():
    synthetic_x, synthetic_y = synthetic(SEED)
    sets = {
        "synthetic": (synthetic_x, synthetic_y, [f"x{j}" for j in range(20)]),
        "breast cancer": load("sklearn_breast_cancer.csv", "diagnosis", "malignant"),
        "sonar": load("mlbench_sonar.csv", "Class", "M"),
        "spambase": load("spambase.csv", "type", "spam"),
    }
    prepared = {name: split(x, y, SEED + i) for i, (name, (x, y, _)) in enumerate(sets.items())}
    paths = {(name, p): path(prepared[name], p) for name in sets for p in PENALTIES}

    def tuned(name, p):
        models, k = paths[(name, p)]
        return models[k], GRID[k]

    features = sum(len(sets[name][2]) for name in sets)

    def zero_share(p):
        return sum(int(np.sum(tuned(name, p)[0].coef_[0] == 0)) for name in sets) / features

    effects = {
        "l1-minus-l2-zero-share": zero_share("l1") - zero_share("l2"),
        "elastic-net-zero-share": zero_share("elasticnet"),
    }

    l2_models, _ = paths[("breast cancer", "l2")]
    effects["l2-norm-log-ratio"] = float(np.log10(np.linalg.norm(l2_models[-1].coef_) / np.linalg.norm(l2_models[0].coef_)))

    # Selection at the tuned lambda and drop order, over independent draws (draw 1: the sets above).
    draws = [draw_measures(prepared["synthetic"], paths[("synthetic", "l1")], graded_set(SEED, SEED + 9))]
    for d in range(2, DRAWS + 1):
        x, y = synthetic(1000 + d)
        data = split(x, y, 2000 + d)
        draws.append(draw_measures(data, path(data, "l1"), graded_set(3000 + d, 4000 + d)))
    recall, precision, informative_last, graded = (np.array(v, dtype=float) for v in zip(*draws))
    effects["informative-outlive-noise"] = float(np.mean(informative_last)) - 0.5
    effects["graded-drop-order"] = float(np.mean(graded)) - 0.5
    effects["tuned-l1-recall-minus-holds"] = float(np.mean(recall)) - RECALL_HOLDS_AT
    effects["tuned-l1-precision-minus-holds"] = float(np.nanmean(precision)) - PRECISION_HOLDS_AT

    # Correlated size group of breast cancer over bootstrap refits at each penalty's tuned lambda.
    x_train, y_train = prepared["breast cancer"][0], prepared["breast cancer"][1]
    names = sets["breast cancer"][2]
    idx = [names.index(f) for f in SIZE]
    rng = np.random.RandomState(SEED)
    used = confirming = 0
    for _ in range(REFITS):
        rows = rng.randint(0, len(y_train), len(y_train))
        w1 = fit(x_train[rows], y_train[rows], "l1", tuned("breast cancer", "l1")[1]).coef_[0]
        w2 = fit(x_train[rows], y_train[rows], "l2", tuned("breast cancer", "l2")[1]).coef_[0]
        kept1, _ = group_share(w1, idx)
        kept2, share2 = group_share(w2, idx)
        used += kept1 > 0
        confirming += kept1 >= 1 and (kept1 == 1 or 2 * kept1 < len(idx)) and kept2 == len(idx) and share2 <= SPREAD_SHARE
    effects["size-group-confirming-share"] = (confirming / used if used else float("nan")) - 0.5

    # Overfitting on sonar: the unregularized fit (no finite optimum on separable rows: lbfgs stops at its cap,
    # which is expected here and recorded) against L2 at its tuned lambda, by test log loss.
    x_train, y_train, _, _, x_test, y_test = prepared["sonar"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        free = LogisticRegression(penalty=None, solver="lbfgs", max_iter=5000).fit(x_train, y_train)
    if caught:
        NOT_CONVERGED.append("sonar unregularized (expected: separable rows, no finite optimum)")
    effects["sonar-overfitting-test-loss-gain-l2"] = log_loss(y_test, free.predict_proba(x_test)[:, 1]) - log_loss(y_test, tuned("sonar", "l2")[0].predict_proba(x_test)[:, 1])

    x_test, y_test = prepared["sonar"][4], prepared["sonar"][5]
    auc = {p: roc_auc_score(y_test, tuned("sonar", p)[0].predict_proba(x_test)[:, 1]) for p in ("l1", "l2")}
    effects["sonar-tuned-auc-l1-minus-l2"] = auc["l1"] - auc["l2"]

    write_sklearn_replication(HERE, effects, NOT_CONVERGED)


if __name__ == "__main__":
    main()
