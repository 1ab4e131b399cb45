#!/usr/bin/python3
"""Side by side: a percentile bootstrap of ROC AUC as a scikit-learn loop and ClassicalML's Bootstrap.Percentile.

Usage (from the repository root):
    /usr/bin/python3 bench/compare_sklearn_bootstrap.py [--n 100000] [--seed 42] [--resamples 1000] [--repeats 2]

Data: the file of bench/compare_sklearn.py (written once to bench/.data/, not committed). The scikit-learn loop is what a
user writes: numpy's default_rng(1) draws n row indices with replacement per resample, roc_auc_score scores the resample,
np.percentile (linear, Hyndman-Fan type 7, as ClassicalML) gives the 2.5% and 97.5% bounds. The C# side is the
`--side-by-side-bootstrap FILE RESAMPLES REPEATS` mode of bench/ClassicalML.Benchmarks (Release). The two draw different
resamples (different generators), so the intervals agree only to Monte Carlo error; the script prints both.
"""
import argparse
import sys
import time

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score

from compare_sklearn import load_data, run_runner  # the same data file and runner as the single-AUC comparison


def sklearn_bootstrap(labels, scores, resamples):
    rng = np.random.default_rng(1)
    n = len(labels)
    values = np.empty(resamples)
    for r in range(resamples):
        rows = rng.integers(0, n, n)
        values[r] = roc_auc_score(labels[rows], scores[rows])
    return np.percentile(values, [2.5, 97.5])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()

    path, labels, scores = load_data(args.n, args.seed)

    times, cpu = [], []
    for _ in range(args.repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        bounds = sklearn_bootstrap(labels, scores, args.resamples)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    cs = run_runner("--side-by-side-bootstrap", path, args.resamples, args.repeats)

    print(f"data: {path} (n = {args.n}, seed {args.seed}, {len(np.unique(scores))} distinct scores), {args.resamples} resamples")
    print(f"scikit-learn {sklearn.__version__} loop: best {min(times):.3f} s of {args.repeats} {[round(t, 3) for t in times]}, "
          f"CPU {[round(t, 3) for t in cpu]} s  "
          f"AUC {roc_auc_score(labels, scores)!r} [{bounds[0]:.6f}, {bounds[1]:.6f}]")
    print(f"ClassicalML Bootstrap.Percentile:  best {cs['best_seconds']:.3f} s of {args.repeats} {[round(t, 3) for t in cs['seconds']]}, "
          f"CPU {[round(t, 3) for t in cs['cpu_seconds']]} s  "
          f"AUC {cs['estimate']!r} [{cs['lower']:.6f}, {cs['upper']:.6f}]")
    print(f"ClassicalML general path (lambda, every resample materialised): {cs['general_seconds']:.3f} s, "
          f"same interval bit for bit: {cs['general_identical']}")
    print(f"speed-up (scikit-learn / ClassicalML): wall {min(times) / cs['best_seconds']:.1f}x, CPU {min(cpu) / min(cs['cpu_seconds']):.1f}x")
    print(f"uptime: {open('/proc/loadavg').read().strip()}")
    return 0 if cs["general_identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
