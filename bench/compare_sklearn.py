#!/usr/bin/python3
"""Side by side: scikit-learn's roc_auc_score and ClassicalML's Roc.Auc on the same file of scores.

Usage (from the repository root):
    /usr/bin/python3 bench/compare_sklearn.py [--n 10000000] [--seed 42] [--repeats 5]

Writes bench/.data/scores_<n>_<seed>.bin once (little-endian: int64 n, n float64 scores,
n uint8 labels; not committed), times roc_auc_score (best of --repeats after one warm-up call),
runs the C# runner (`--side-by-side FILE` mode of bench/ClassicalML.Benchmarks, Release) on the
same file, checks that both AUCs agree, and prints both times and the speed-up.
Data: ~30% positives, score = logistic(1.5*label + N(0,1) - 0.75) rounded to 4 decimals (ties).
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_data(path, n, seed):
    rng = np.random.default_rng(seed)
    labels = rng.random(n) < 0.3
    noise = rng.standard_normal(n)
    scores = np.round(1.0 / (1.0 + np.exp(-(1.5 * labels + noise - 0.75))), 4)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(np.int64(n).astype("<i8").tobytes())
        f.write(scores.astype("<f8").tobytes())
        f.write(labels.astype(np.uint8).tobytes())


def read_data(path):
    with open(path, "rb") as f:
        n = int(np.frombuffer(f.read(8), "<i8")[0])
        scores = np.frombuffer(f.read(8 * n), "<f8")
        labels = np.frombuffer(f.read(n), np.uint8).astype(bool)
    return labels, scores


def load_data(n, seed):
    """(path, labels, scores) of bench/.data/scores_<n>_<seed>.bin, written first if missing."""
    path = os.path.join(ROOT, "bench", ".data", f"scores_{n}_{seed}.bin")
    if not os.path.exists(path):
        write_data(path, n, seed)
    labels, scores = read_data(path)
    return path, labels, scores


def best_of(call, repeats):
    """(result, best seconds) of `repeats` timed calls after one warm-up call."""
    result = call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return result, min(times)


def run_runner(mode, path, *arguments):
    """Builds bench/ClassicalML.Benchmarks in Release and runs its side-by-side `mode` on `path` (then `arguments`); its JSON line."""
    project = os.path.join(ROOT, "bench", "ClassicalML.Benchmarks")
    subprocess.run(["dotnet", "build", "-c", "Release", "--nologo", "-v", "q", project], check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run(
        ["dotnet", "run", "-c", "Release", "--no-build", "--project", project, "--", mode, path, *map(str, arguments)],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    path, labels, scores = load_data(args.n, args.seed)

    sk_auc, sk_best = best_of(lambda: roc_auc_score(labels, scores), args.repeats)
    cs = run_runner("--side-by-side", path, args.repeats)

    agree = abs(cs["roc_auc"] - sk_auc) <= 1e-12
    print(f"data: {path} (n = {args.n}, seed {args.seed}, {len(np.unique(scores))} distinct scores)")
    print(f"scikit-learn {sklearn.__version__} roc_auc_score: best {sk_best:.3f} s of {args.repeats}  AUC {sk_auc!r}")
    print(f"ClassicalML Roc.Auc:                  best {cs['best_seconds']:.3f} s of {args.repeats}  AUC {cs['roc_auc']!r}")
    print(f"speed-up (scikit-learn / ClassicalML): {sk_best / cs['best_seconds']:.1f}x; AUCs agree within 1e-12: {agree}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
