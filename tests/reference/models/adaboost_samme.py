#!/usr/bin/python3
"""Write scikit-learn reference values for ClassicalML.Models' AdaBoostEstimator (SAMME, two classes).

Run with Debian's interpreter (scikit-learn 1.2.1, numpy 1.24):

    /usr/bin/python3 tests/reference/models/adaboost_samme.py

Output: tests/reference/models/adaboost_samme.json. The C# tests in tests/ClassicalML.Models.Tests read it
and never need Python. The data are drawn from numpy.random.RandomState(seed), so a rerun writes the same file.

Design: the weak learner is a depth-1 stump (DecisionTreeClassifier(max_depth=1)); ML.NET's is a one-tree FastTree
with two leaves. Their split criteria differ (weighted Gini against FastTree's gradient fit), so the data are made
for a stump whose best split is the same under both: two features of distinct integer values 0..n-1 (so every
threshold is a bin boundary for FastTree), labels from a threshold on each feature with some rows flipped.
Stored per case: the rows, scikit-learn's estimator_weights_, estimator_errors_, the split of every stump,
the staged training error, and the final row weights w_i proportional to exp(sum_m alpha_m [h_m(x_i) != y_i])
(scikit-learn does not expose them; they follow from its members' predictions).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.ensemble import AdaBoostClassifier
from sklearn.tree import DecisionTreeClassifier

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "adaboost_samme.json")


def make_rows(seed, n, flips):
    rng = np.random.RandomState(seed)
    x = np.column_stack([rng.permutation(n), rng.permutation(n)]).astype(float)
    y = ((x[:, 0] >= n * 0.4) ^ (x[:, 1] >= n * 0.7)).astype(int)
    flipped = rng.choice(n, size=flips, replace=False)
    y[flipped] = 1 - y[flipped]
    return x, y


def case(name, seed, n, flips, rounds, learning_rate):
    x, y = make_rows(seed, n, flips)
    model = AdaBoostClassifier(estimator=DecisionTreeClassifier(max_depth=1), n_estimators=rounds,
                               learning_rate=learning_rate, algorithm="SAMME", random_state=0).fit(x, y)
    kept = len(model.estimators_)
    alphas = model.estimator_weights_[:kept]
    wrong = np.array([est.predict(x) != y for est in model.estimators_])
    log_w = (alphas[:, None] * wrong).sum(axis=0)
    weights = np.exp(log_w - log_w.max())
    weights /= weights.sum()
    staged = [float(np.mean(p != y)) for p in model.staged_predict(x)]
    return {
        "name": name,
        "rounds": rounds,
        "learning_rate": learning_rate,
        "x": x.tolist(),
        "y": y.tolist(),
        "estimator_weights": alphas.tolist(),
        "estimator_errors": model.estimator_errors_[:kept].tolist(),
        "split_features": [int(e.tree_.feature[0]) for e in model.estimators_],
        "split_thresholds": [float(e.tree_.threshold[0]) for e in model.estimators_],
        "staged_training_error": staged,
        "final_row_weights": weights.tolist(),
        "decision_function": model.decision_function(x).tolist(),
    }


def main():
    cases = [
        case("two-thresholds-lr1", seed=1, n=40, flips=4, rounds=6, learning_rate=1.0),
        case("two-thresholds-lr0.5", seed=2, n=60, flips=6, rounds=8, learning_rate=0.5),
    ]
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"implementation": f"scikit-learn {sklearn.__version__} (Debian python3-sklearn)",
                   "script": "tests/reference/models/adaboost_samme.py", "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
