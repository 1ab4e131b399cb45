#!/usr/bin/python3
"""Reference fixtures for ClassicalML.Data splits and resampling.

Run with Debian's interpreter (scikit-learn 1.2.1, imbalanced-learn 0.10.0):
    /usr/bin/python3 tests/reference/data-splits/generate.py
Writes splits.json and resampling.json next to this script. The C# tests read only the JSON.
Resampled rows depend on numpy's RNG, so only class counts (and error cases) are compared.
"""
import json
import pathlib
import warnings

import imblearn
import numpy as np
import sklearn
from imblearn.over_sampling import SMOTE, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler
from sklearn.model_selection import GroupKFold, KFold, train_test_split

HERE = pathlib.Path(__file__).parent


def splits():
    kfold = []
    for n, k in [(10, 3), (7, 2), (12, 5), (5, 5)]:
        folds = [sorted(int(i) for i in test) for _, test in KFold(n_splits=k).split(np.zeros(n))]
        kfold.append({"n": n, "k": k, "test_folds": folds})
    group = []
    # Distinct group sizes so scikit-learn's (unstable) argsort has no ties to break.
    for sizes, k in [([5, 1, 3, 2, 4], 2), ([6, 4, 3, 2, 1, 7], 3), ([1, 2, 3, 4, 5, 6, 7, 8], 4)]:
        groups = np.concatenate([[g] * s for g, s in enumerate(sizes)])
        folds = [sorted(int(i) for i in test) for _, test in GroupKFold(n_splits=k).split(np.zeros(len(groups)), groups=groups)]
        group.append({"groups": [int(g) for g in groups], "k": k, "test_folds": folds})
    sizes = []
    for n, f in [(10, 0.2), (10, 0.25), (7, 0.3), (100, 0.15), (3, 0.5), (33, 0.1)]:
        train, test = train_test_split(np.arange(n), test_size=f, random_state=0)
        sizes.append({"n": n, "test_fraction": f, "n_train": len(train), "n_test": len(test)})
    return {"sklearn": sklearn.__version__, "kfold": kfold, "group_kfold": group, "train_test_sizes": sizes}


def resampling():
    rng = np.random.RandomState(0)
    label_sets = {
        "binary_90_10": [0] * 90 + [1] * 10,
        "binary_30_7": [1] * 7 + [0] * 30,
        "binary_50_49": [0] * 50 + [1] * 49,
        "three_40_25_8": [0] * 40 + [1] * 25 + [2] * 8,
        "four_12_30_6_6": [0] * 12 + [1] * 30 + [2] * 6 + [3] * 6,
    }
    cases = []
    for name, labels in label_sets.items():
        y = np.array(labels)
        X = rng.normal(size=(len(y), 3))
        binary = len(set(labels)) == 2
        strategies = ["auto"] + ([0.5, 0.75, 1.0, 0.35, 0.2] if binary else [0.5])
        for strategy in strategies:
            for sampler_name, sampler in [
                ("RandomOverSampler", RandomOverSampler(sampling_strategy=strategy, random_state=0)),
                ("RandomUnderSampler", RandomUnderSampler(sampling_strategy=strategy, random_state=0)),
                ("SMOTE", SMOTE(sampling_strategy=strategy, k_neighbors=5, random_state=0)),
            ]:
                case = {"labels": name, "sampler": sampler_name, "strategy": strategy}
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        _, y_res = sampler.fit_resample(X, y)
                    values, counts = np.unique(y_res, return_counts=True)
                    case["counts"] = {str(int(v)): int(c) for v, c in zip(values, counts)}
                except ValueError as e:
                    case["error"] = str(e)
                cases.append(case)
    return {
        "imblearn": imblearn.__version__,
        "label_sets": {k: v for k, v in label_sets.items()},
        "cases": cases,
    }


def main():
    (HERE / "splits.json").write_text(json.dumps(splits(), indent=1) + "\n")
    (HERE / "resampling.json").write_text(json.dumps(resampling(), indent=1) + "\n")


if __name__ == "__main__":
    main()
