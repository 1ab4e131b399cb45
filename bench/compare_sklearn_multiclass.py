#!/usr/bin/python3
"""Side by side: scikit-learn's roc_auc_score(multi_class="ovr") and ClassicalML's MulticlassScoreEvaluation.RocAuc.

Usage (from the repository root):
    /usr/bin/python3 bench/compare_sklearn_multiclass.py [--n 1000000] [--k 10] [--seed 42] [--repeats 5]

Writes bench/.data/multiclass_<n>_<k>_<seed>.bin once (little-endian: int64 n, int64 k, n*k float64 scores row by
row, n int32 labels; not committed), times roc_auc_score(y, P, multi_class="ovr", average="macro") (best of --repeats
after one warm-up call), runs the C# runner (`--side-by-side-multiclass FILE` mode of bench/ClassicalML.Benchmarks,
Release) on the same file, checks that both AUCs agree within 1e-12, and prints both times and the speed-up.
Data: class c drawn with weight c + 1; scores = softmax(1.2*[class = c] + N(0,1)), full precision, so every row sums
to 1 as roc_auc_score requires for multiclass input.
"""
import argparse
import os
import sys

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score

from compare_sklearn import best_of, run_runner  # one timing loop and one runner call for both comparisons

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_data(path, n, k, seed):
    rng = np.random.default_rng(seed)
    weights = np.arange(1, k + 1, dtype=float)
    labels = rng.choice(k, size=n, p=weights / weights.sum()).astype(np.int32)
    logits = rng.standard_normal((n, k)) + 1.2 * np.eye(k)[labels]
    e = np.exp(logits)
    scores = e / e.sum(axis=1, keepdims=True)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(np.array([n, k], dtype="<i8").tobytes())
        f.write(scores.astype("<f8").tobytes())
        f.write(labels.astype("<i4").tobytes())


def read_data(path):
    with open(path, "rb") as f:
        n, k = (int(v) for v in np.frombuffer(f.read(16), "<i8"))
        scores = np.frombuffer(f.read(8 * n * k), "<f8").reshape(n, k)
        labels = np.frombuffer(f.read(4 * n), "<i4")
    return labels, scores


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    path = os.path.join(ROOT, "bench", ".data", f"multiclass_{args.n}_{args.k}_{args.seed}.bin")
    if not os.path.exists(path):
        write_data(path, args.n, args.k, args.seed)
    labels, scores = read_data(path)
    classes = np.arange(args.k)

    sk_auc, sk_best = best_of(lambda: roc_auc_score(labels, scores, multi_class="ovr", average="macro", labels=classes), args.repeats)
    cs = run_runner("--side-by-side-multiclass", path, args.repeats)

    agree = abs(cs["roc_auc_ovr_macro"] - sk_auc) <= 1e-12
    print(f"data: {path} (n = {args.n}, k = {args.k}, seed {args.seed})")
    print(f"scikit-learn {sklearn.__version__} roc_auc_score(multi_class='ovr'): best {sk_best:.3f} s of {args.repeats}  AUC {sk_auc!r}")
    print(f"ClassicalML MulticlassScoreEvaluation.RocAuc:        best {cs['best_seconds']:.3f} s of {args.repeats}  AUC {cs['roc_auc_ovr_macro']!r}")
    print(f"speed-up (scikit-learn / ClassicalML): {sk_best / cs['best_seconds']:.1f}x; AUCs agree within 1e-12: {agree}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
