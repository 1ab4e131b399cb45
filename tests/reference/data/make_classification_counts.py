"""Class counts of scikit-learn's make_classification with flip_y=0 (deterministic given the arguments).

Writes tests/reference/data/make_classification_counts.json, read by
tests/ClassicalML.Data.Tests/SyntheticDataTests.cs. Run with /usr/bin/python3 (Debian python3-sklearn).
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.datasets import make_classification

CASES = [
    dict(n_samples=100, n_classes=2, n_clusters_per_class=2, weights=None, n_informative=2),
    dict(n_samples=103, n_classes=2, n_clusters_per_class=2, weights=[0.83, 0.17], n_informative=2),
    dict(n_samples=1000, n_classes=2, n_clusters_per_class=1, weights=[0.97], n_informative=3),
    dict(n_samples=257, n_classes=3, n_clusters_per_class=2, weights=[0.5, 0.3, 0.2], n_informative=3),
    dict(n_samples=50, n_classes=4, n_clusters_per_class=1, weights=None, n_informative=2),
]

out = []
for case in CASES:
    X, y = make_classification(n_features=10, n_redundant=2, flip_y=0.0, random_state=0, **case)
    out.append(dict(case, counts=np.bincount(y, minlength=case["n_classes"]).tolist()))

path = pathlib.Path(__file__).with_suffix(".json")
path.write_text(json.dumps({"sklearn": sklearn.__version__, "cases": out}, indent=2) + "\n")
print(path)
