#!/usr/bin/python3
"""Second implementation of the imbalanced-data scenario's main effects, with scikit-learn and imbalanced-learn.

Same data (data/*.csv), same protocol as the ML.NET scenario, the libraries' own learners and samplers:
stratified 50/50 train/test split; StandardScaler + LogisticRegression (C = 1 / L2 = 1, lbfgs) and
HistGradientBoostingClassifier (50 iterations, 16 leaves, learning rate 0.2, 10 rows per leaf) for FastTree;
remedies class_weight="balanced" (compute_sample_weight for the trees), RandomOverSampler, RandomUnderSampler,
SMOTE (k = 5) and RandomOverSampler(shrinkage=0.5) (noise-perturbed copies, the smoothed bootstrap); the fair
baseline's threshold maximises F1 on out-of-fold training probabilities (5-fold stratified cross_val_predict).
The splits and draws differ from ML.NET's (numpy's generator), so the numbers differ; the directions are compared.

Run with Debian's /usr/bin/python3 (python3-sklearn, python3-imblearn, python3-pandas); writes replication.json.
"""
import math
import os
import sys

# One thread for the trees' OpenMP loops: reproducible and polite on a shared machine.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import imblearn
import numpy as np
import pandas as pd
import sklearn
from imblearn.over_sampling import SMOTE, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, average_precision_score, f1_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.class_weight import compute_sample_weight

SEED = 32
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from replication_io import write_replication  # noqa: E402  (the shared writer in scenarios/)
DATA = os.path.join(HERE, "..", "..", "data")


def load(name):
    if name == "satellite":
        frame = pd.read_csv(os.path.join(DATA, "mlbench_satellite.csv"))
        return frame.drop(columns="classes").to_numpy(float), (frame["classes"] == "damp grey soil").to_numpy()
    frame = pd.read_csv(os.path.join(DATA, "mlbench_letterrecognition.csv"))
    return frame.drop(columns="lettr").to_numpy(float), (frame["lettr"] == "Z").to_numpy()


def learner(kind):
    if kind == "LR":
        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=10000, tol=1e-8))
    return HistGradientBoostingClassifier(max_iter=50, max_leaf_nodes=16, learning_rate=0.2, min_samples_leaf=10,
                                          early_stopping=False, random_state=SEED)


def fit(kind, x, y, weighted=False):
    model = learner(kind)
    if weighted:
        step = "logisticregression__sample_weight" if kind == "LR" else "sample_weight"
        return model.fit(x, y, **{step: compute_sample_weight("balanced", y)})
    return model.fit(x, y)


def tuned_threshold(kind, x, y):
    """F1-maximising threshold on out-of-fold probabilities of the training rows (positive when p >= threshold)."""
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
    p = cross_val_predict(learner(kind), x, y, cv=folds, method="predict_proba")[:, 1]
    precision, recall, thresholds = precision_recall_curve(y, p)
    f1 = np.where(precision + recall > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-300), 0)[:-1]
    return thresholds[np.flatnonzero(f1 == f1.max())[-1]]


def report(y, p, threshold):
    predicted = p >= threshold
    return {
        "accuracy": accuracy_score(y, predicted),
        "precision": precision_score(y, predicted) if predicted.any() else math.nan,  # undefined (0/0), never 0
        "recall": recall_score(y, predicted),
        "f1": f1_score(y, predicted),
        "auc": roc_auc_score(y, p),
        "ap": average_precision_score(y, p),
    }


SAMPLERS = {
    "ROS": lambda: RandomOverSampler(random_state=SEED + 10),
    "RUS": lambda: RandomUnderSampler(random_state=SEED + 11),
    "SMOTE": lambda: SMOTE(k_neighbors=5, random_state=SEED + 12),
    "NOISE": lambda: RandomOverSampler(shrinkage=0.5, random_state=SEED + 13),
}


def run(name, effects):
    x, y = load(name)
    xtr, xte, ytr, yte = train_test_split(x, y, test_size=0.5, stratify=y, random_state=SEED)
    resampled = {suffix: make().fit_resample(xtr, ytr) for suffix, make in SAMPLERS.items()}
    reports = {"majority": report(yte, np.zeros(len(yte)), 0.5)}
    for kind in ("LR", "FT"):
        plain = fit(kind, xtr, ytr).predict_proba(xte)[:, 1]
        reports[kind] = report(yte, plain, 0.5)
        reports[f"{kind}-tuned"] = report(yte, plain, tuned_threshold(kind, xtr, ytr))
        reports[f"{kind}-w"] = report(yte, fit(kind, xtr, ytr, weighted=True).predict_proba(xte)[:, 1], 0.5)
        for suffix, (xr, yr) in resampled.items():
            reports[f"{kind}-{suffix}"] = report(yte, fit(kind, xr, yr).predict_proba(xte)[:, 1], 0.5)

    remedies = [f"{k}-{s}" for k in ("LR", "FT") for s in ("w", "ROS", "RUS", "SMOTE", "NOISE")]
    effects[f"lr-weights-recall-gain-{name}"] = reports["LR-w"]["recall"] - reports["LR"]["recall"]
    effects[f"ft-weights-precision-change-{name}"] = reports["FT-w"]["precision"] - reports["FT"]["precision"]
    effects[f"lr-remedies-ap-change-{name}"] = np.mean([reports[r]["ap"] - reports["LR"]["ap"] for r in remedies if r.startswith("LR")])
    effects[f"remedies-f1-vs-tuned-{name}"] = np.mean([reports[r]["f1"] - reports[r.split("-")[0] + "-tuned"]["f1"] for r in remedies])

    fitted = {k: v for k, v in reports.items() if k != "majority"}
    best = max(v["f1"] for v in fitted.values())
    witness = min((v["accuracy"], k) for k, v in fitted.items() if v["f1"] >= best / 2)[1]
    effects[f"accuracy-gap-{name}"] = reports["majority"]["accuracy"] - fitted[witness]["accuracy"]

    ranked = [v for k, v in fitted.items() if not k.endswith("-tuned")]
    prevalence = yte.mean()
    spread = lambda key: max(v[key] for v in ranked) - min(v[key] for v in ranked)
    effects[f"pr-spread-log-{name}"] = math.log((spread("ap") / (1 - prevalence)) / (spread("auc") / 0.5))

    # Leak check, random over-sampling: over-sample every training row, then split; report on the held-out part.
    xl, yl = RandomOverSampler(random_state=SEED + 20).fit_resample(xtr, ytr)
    xf, xv, yf, yv = train_test_split(xl, yl, test_size=0.25, stratify=yl, random_state=SEED + 22)
    leaky = fit("FT", xf, yf)
    effects[f"leak-inflation-{name}"] = recall_score(yv, leaky.predict_proba(xv)[:, 1] >= 0.5) - recall_score(yte, leaky.predict_proba(xte)[:, 1] >= 0.5)


def main():
    effects = {}
    for name in ("satellite", "letter"):
        run(name, effects)
    out = {
        "implementation": f"scikit-learn {sklearn.__version__} + imbalanced-learn {imblearn.__version__} (Debian python3-sklearn, python3-imblearn)",
        "script": "replicate.py",
        "effects": {k: float(f"{float(v):.6g}") for k, v in effects.items()},
    }
    write_replication(HERE, out)
    for k, v in out["effects"].items():
        print(f"{k:40s} {v: .6g}")


if __name__ == "__main__":
    main()
