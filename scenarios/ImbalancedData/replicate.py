#!/usr/bin/python3
"""Second implementation of the imbalanced-data scenario's main effects, with scikit-learn and imbalanced-learn.

Same data (data/*.csv), same protocol as the ML.NET scenario, the libraries' own learners and samplers:
SPLITS = 15 stratified 50/50 train/test splits per data set, each with fresh sampler and model seeds, every effect the
mean of its per-split value over the splits (as the scenario judges them); StandardScaler + LogisticRegression (C = 1 / L2 = 1, lbfgs) and
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
SPLITS = 15  # the scenario's default --splits
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


def learner(kind, seed):
    if kind == "LR":
        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=10000, tol=1e-8))
    return HistGradientBoostingClassifier(max_iter=50, max_leaf_nodes=16, learning_rate=0.2, min_samples_leaf=10,
                                          early_stopping=False, random_state=seed)


def fit(kind, x, y, seed, weighted=False):
    model = learner(kind, seed)
    if weighted:
        step = "logisticregression__sample_weight" if kind == "LR" else "sample_weight"
        return model.fit(x, y, **{step: compute_sample_weight("balanced", y)})
    return model.fit(x, y)


def tuned_threshold(kind, x, y, seed):
    """F1-maximising threshold on out-of-fold probabilities of the training rows (positive when p >= threshold)."""
    folds = StratifiedKFold(5, shuffle=True, random_state=seed)
    p = cross_val_predict(learner(kind, seed), x, y, cv=folds, method="predict_proba")[:, 1]
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
    "ROS": lambda seed: RandomOverSampler(random_state=seed + 10),
    "RUS": lambda seed: RandomUnderSampler(random_state=seed + 11),
    "SMOTE": lambda seed: SMOTE(k_neighbors=5, random_state=seed + 12),
    "NOISE": lambda seed: RandomOverSampler(shrinkage=0.5, random_state=seed + 13),
}


def run(name, effects):
    """Every effect of one data set: the mean of its per-split value over SPLITS splits (NaN splits left out)."""
    x, y = load(name)
    per_split = [run_split(x, y, SEED + 1000 * k) for k in range(SPLITS)]
    for key in per_split[0]:
        values = [v[key] for v in per_split if not math.isnan(v[key])]
        if key == "pr-spread":
            effects[f"pr-spread-log-{name}"] = math.log(np.mean(values))
        else:
            effects[f"{key}-{name}"] = np.mean(values)


def run_split(x, y, seed):
    effects = {}
    xtr, xte, ytr, yte = train_test_split(x, y, test_size=0.5, stratify=y, random_state=seed)
    resampled = {suffix: make(seed).fit_resample(xtr, ytr) for suffix, make in SAMPLERS.items()}
    reports = {"majority": report(yte, np.zeros(len(yte)), 0.5)}
    for kind in ("LR", "FT"):
        plain = fit(kind, xtr, ytr, seed).predict_proba(xte)[:, 1]
        reports[kind] = report(yte, plain, 0.5)
        reports[f"{kind}-tuned"] = report(yte, plain, tuned_threshold(kind, xtr, ytr, seed))
        reports[f"{kind}-w"] = report(yte, fit(kind, xtr, ytr, seed, weighted=True).predict_proba(xte)[:, 1], 0.5)
        for suffix, (xr, yr) in resampled.items():
            reports[f"{kind}-{suffix}"] = report(yte, fit(kind, xr, yr, seed).predict_proba(xte)[:, 1], 0.5)

    remedies = [f"{k}-{s}" for k in ("LR", "FT") for s in ("w", "ROS", "RUS", "SMOTE", "NOISE")]
    effects["lr-weights-recall-gain"] = reports["LR-w"]["recall"] - reports["LR"]["recall"]
    effects["ft-weights-precision-change"] = reports["FT-w"]["precision"] - reports["FT"]["precision"]
    effects["lr-remedies-ap-change"] = np.mean([reports[r]["ap"] - reports["LR"]["ap"] for r in remedies if r.startswith("LR")])
    effects["remedies-f1-vs-tuned"] = np.mean([reports[r]["f1"] - reports[r.split("-")[0] + "-tuned"]["f1"] for r in remedies])

    fitted = {k: v for k, v in reports.items() if k != "majority"}
    best = max(v["f1"] for v in fitted.values())
    witness = min((v["accuracy"], k) for k, v in fitted.items() if v["f1"] >= best / 2)[1]
    effects["accuracy-gap"] = reports["majority"]["accuracy"] - fitted[witness]["accuracy"]

    ranked = [v for k, v in fitted.items() if not k.endswith("-tuned")]
    prevalence = yte.mean()
    spread = lambda key: max(v[key] for v in ranked) - min(v[key] for v in ranked)
    effects["pr-spread"] = (spread("ap") / (1 - prevalence)) / (spread("auc") / 0.5)

    # Leak check, random over-sampling: over-sample every training row, then split; report on the held-out part.
    xl, yl = RandomOverSampler(random_state=seed + 20).fit_resample(xtr, ytr)
    xf, xv, yf, yv = train_test_split(xl, yl, test_size=0.25, stratify=yl, random_state=seed + 22)
    leaky = fit("FT", xf, yf, seed)
    effects["leak-inflation"] = recall_score(yv, leaky.predict_proba(xv)[:, 1] >= 0.5) - recall_score(yte, leaky.predict_proba(xte)[:, 1] >= 0.5)
    return effects


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
