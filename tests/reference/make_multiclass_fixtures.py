#!/usr/bin/python3
"""Write scikit-learn reference values for ClassicalML's multiclass metrics and Wilson intervals.

Run with Debian's interpreter (scikit-learn 1.2.1, statsmodels 0.13.5):

    /usr/bin/python3 tests/reference/make_multiclass_fixtures.py

Writes tests/reference/multiclass/multiclass_cases.json and wilson_cases.json. Seeded: running it
twice writes the same files. The C# tests read the JSON and never need Python.
"""
import json
import os

import numpy as np
import sklearn
import statsmodels
from sklearn.metrics import (
    accuracy_score,
    classification_report,
    confusion_matrix,
    precision_recall_fscore_support,
)
from sklearn.utils.multiclass import unique_labels
from statsmodels.stats.proportion import proportion_confint

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "multiclass")


def noisy(rng, actual, classes, accuracy):
    """Predictions that equal actual with probability `accuracy`, otherwise a random class."""
    wrong = rng.choice(classes, size=len(actual))
    keep = rng.random(len(actual)) < accuracy
    return np.where(keep, actual, wrong)


def to_json_list(values):
    return [v.item() if hasattr(v, "item") else v for v in values]


def case(name, actual, predicted, labels=None):
    actual = np.asarray(actual)
    predicted = np.asarray(predicted)
    used = np.asarray(labels) if labels is not None else unique_labels(actual, predicted)
    out = {
        "name": name,
        "label_type": "string" if actual.dtype.kind in "US" else "int",
        "actual": to_json_list(actual),
        "predicted": to_json_list(predicted),
        "labels": None if labels is None else to_json_list(np.asarray(labels)),
        "expected_labels": to_json_list(used),
        "confusion_matrix": confusion_matrix(actual, predicted, labels=used).tolist(),
        "accuracy": accuracy_score(actual, predicted),
        "zero_division": {},
    }
    for zd in (0, 1):
        p, r, f, s = precision_recall_fscore_support(
            actual, predicted, labels=labels, average=None, zero_division=zd
        )
        entry = {
            "precision": p.tolist(),
            "recall": r.tolist(),
            "f1": f.tolist(),
            "support": s.tolist(),
        }
        for avg in ("macro", "micro", "weighted"):
            ap, ar, af, _ = precision_recall_fscore_support(
                actual, predicted, labels=labels, average=avg, zero_division=zd
            )
            entry[avg] = {"precision": float(ap), "recall": float(ar), "f1": float(af)}
        for digits in (2, 4):
            entry["report_digits_%d" % digits] = classification_report(
                actual, predicted, labels=labels, digits=digits, zero_division=zd
            )
        out["zero_division"][str(zd)] = entry
    return out


def multiclass_cases():
    rng = np.random.default_rng(20261126)
    cases = []

    animals = np.array(["bird", "cat", "dog"])
    a = rng.choice(animals, size=30)
    cases.append(case("strings_3_balanced", a, noisy(rng, a, animals, 0.7)))

    ints = np.array([0, 1, 2, 3])
    a = rng.choice(ints, size=40, p=[0.6, 0.25, 0.1, 0.05])
    cases.append(case("ints_4_imbalanced", a, noisy(rng, a, ints, 0.6)))

    # Class "c" occurs in actual but is never predicted: precision[c] is undefined.
    letters = np.array(["a", "b", "c"])
    a = rng.choice(letters, size=20)
    p = noisy(rng, a, np.array(["a", "b"]), 0.8)
    p = np.where(p == "c", "a", p)
    cases.append(case("strings_never_predicted", a, p))

    # Class 7 is predicted but never occurs in actual: recall[7] is undefined.
    a = rng.choice(np.array([1, 3, 5]), size=25)
    p = noisy(rng, a, np.array([1, 3, 5, 7]), 0.6)
    p[:2] = 7
    cases.append(case("ints_never_actual", a, p))

    # Explicit labels, in a non-sorted order, with label 9 never occurring at all.
    a = rng.choice(np.array([0, 1, 2, 3]), size=30, p=[0.4, 0.3, 0.2, 0.1])
    p = noisy(rng, a, np.array([0, 1, 2, 3]), 0.65)
    cases.append(case("ints_5_explicit_labels_one_absent", a, p, labels=[3, 1, 0, 2, 9]))

    # Five string classes, strongly imbalanced, mixed case (sorted by code point: upper case first).
    names = np.array(["Zebra", "ant", "bee", "cow", "eel"])
    a = rng.choice(names, size=50, p=[0.05, 0.5, 0.25, 0.15, 0.05])
    cases.append(case("strings_5_imbalanced_mixed_case", a, noisy(rng, a, names, 0.55)))
    return cases


def wilson_cases():
    out = []
    for successes, trials in [(0, 10), (10, 10), (3, 10), (0, 1), (1, 1), (45, 100), (512, 1000), (1, 3)]:
        for confidence in (0.9, 0.95, 0.99):
            low, high = proportion_confint(successes, trials, alpha=1 - confidence, method="wilson")
            out.append(
                {
                    "successes": successes,
                    "trials": trials,
                    "confidence": confidence,
                    "lower": float(low),
                    "upper": float(high),
                }
            )
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {"sklearn": sklearn.__version__, "statsmodels": statsmodels.__version__, "numpy": np.__version__}
    with open(os.path.join(OUT, "multiclass_cases.json"), "w") as f:
        json.dump({"generated_by": meta, "cases": multiclass_cases()}, f, indent=1)
        f.write("\n")
    with open(os.path.join(OUT, "wilson_cases.json"), "w") as f:
        json.dump({"generated_by": meta, "cases": wilson_cases()}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
