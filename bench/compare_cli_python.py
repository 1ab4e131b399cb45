#!/usr/bin/python3
"""Side by side, whole processes: `classicalml eval --format json` on a predictions CSV and on the same data as
Parquet and as Arrow IPC (Feather v2, LZ4), against pandas read_csv + scikit-learn metrics on the CSV (bench/sklearn_eval.py).

Usage (from the repository root; Debian's python3-sklearn and python3-pandas):
    /usr/bin/python3 bench/compare_cli_python.py [--n 10000000] [--seed 42] [--repeats 3] [--folder /tmp/classicalml-bench]

Writes FOLDER/predictions_<n>_<seed>.csv once (NumPy default_rng(seed): ~30% positives, score =
logistic(1.5*label + N(0,1) - 0.75) rounded to 4 decimals, written by pandas to_csv) and the same data as Parquet
with Parquet.Net (bench program --csv-to-parquet; Debian has no Python Parquet writer) and as Arrow IPC with
Apache.Arrow (--csv-to-arrow; Debian has no pyarrow). Builds the CLI in Release, then runs the four commands in turn, --repeats rounds, each under GNU time (/usr/bin/time: wall clock, user +
system CPU time, peak resident memory). Prints the best of each, the ratios of best times (wall and CPU), peak memory
per row (total, above a 2-row CSV run, and above a 2-row run of the same format, whose libraries and buffers
are loaded too), and checks that every metric agrees within 1e-9 with
scikit-learn. Exit code 1 if they do not.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
import sklearn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "src", "ClassicalML.Cli", "bin", "Release", "net10.0", "classicalml")
BENCH = os.path.join(ROOT, "bench", "ClassicalML.Benchmarks")


def convert(csv, target, flag):
    if not os.path.exists(target):
        subprocess.run(["dotnet", "run", "-c", "Release", "--no-build", "--project", BENCH, "--", flag, csv, target], check=True)


def write_data(csv, parquet, arrow, n, seed):
    if not os.path.exists(csv):
        rng = np.random.default_rng(seed)
        labels = (rng.random(n) < 0.3).astype(np.int8)
        scores = np.round(1.0 / (1.0 + np.exp(-(1.5 * labels + rng.standard_normal(n) - 0.75))), 4)
        pd.DataFrame({"label": labels, "score": scores}).to_csv(csv + ".tmp", index=False)
        os.replace(csv + ".tmp", csv)
    convert(csv, parquet, "--csv-to-parquet")
    convert(csv, arrow, "--csv-to-arrow")


def run(command):
    """Runs command under GNU time; returns (wall s, CPU s = user + system, peak RSS bytes, parsed JSON stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        process = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%e %U %S %M"] + command, capture_output=True, text=True)
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {process.stderr}")
        wall, user, system, kib = report.read().split()[-4:]
    return float(wall), float(user) + float(system), int(kib) * 1024, json.loads(process.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--folder", default="/tmp/classicalml-bench")
    args = parser.parse_args()

    os.makedirs(args.folder, exist_ok=True)
    for project in (os.path.join(ROOT, "src", "ClassicalML.Cli"), BENCH):
        subprocess.run(["dotnet", "build", "-c", "Release", "--nologo", "-v", "q", project], check=True, stdout=subprocess.DEVNULL)
    csv = os.path.join(args.folder, f"predictions_{args.n}_{args.seed}.csv")
    parquet = os.path.join(args.folder, f"predictions_{args.n}_{args.seed}.parquet")
    arrow = os.path.join(args.folder, f"predictions_{args.n}_{args.seed}.arrow")
    write_data(csv, parquet, arrow, args.n, args.seed)

    commands = {
        "python: pandas read_csv + scikit-learn (CSV)": ["/usr/bin/python3", os.path.join(ROOT, "bench", "sklearn_eval.py"), csv],
        "classicalml eval --format json (CSV)": [CLI, "eval", csv, "--format", "json"],
        "classicalml eval --format json (Parquet)": [CLI, "eval", parquet, "--format", "json"],
        "classicalml eval --format json (Arrow)": [CLI, "eval", arrow, "--format", "json"],
    }
    tiny = os.path.join(args.folder, "tiny.csv")
    with open(tiny, "w") as f:
        f.write("label,score\n1,0.9\n0,0.1\n")
    tiny_files = {"CSV": tiny, "Parquet": tiny + ".parquet", "Arrow": tiny + ".arrow"}
    convert(tiny, tiny_files["Parquet"], "--csv-to-parquet")
    convert(tiny, tiny_files["Arrow"], "--csv-to-arrow")
    baselines = {k: min(run([CLI, "eval", f, "--format", "json"])[2] for _ in range(3)) for k, f in tiny_files.items()}
    baseline = baselines["CSV"]
    walls = {name: [] for name in commands}
    cpus = {name: [] for name in commands}
    memory = {name: 0 for name in commands}
    results = {}
    for _ in range(args.repeats):
        for name, command in commands.items():
            wall, cpu, rss, result = run(command)
            walls[name].append(wall)
            cpus[name].append(cpu)
            memory[name] = max(memory[name], rss)
            results[name] = result

    python_name = next(iter(commands))
    python = results[python_name]
    agree = True
    for name, result in list(results.items())[1:]:
        for key in ("accuracy", "precision", "recall", "specificity", "f1", "balanced_accuracy", "mcc", "roc_auc", "average_precision", "log_loss", "brier"):
            if abs(result[key] - python[key]) > 1e-9:
                agree = False
                print(f"DIFFERENT {name} {key}: {result[key]!r} vs scikit-learn {python[key]!r}")
        if result["n"] != python["n"] or [result["confusion"][k] for k in ("tp", "fp", "tn", "fn")] != [python[k] for k in ("tp", "fp", "tn", "fn")]:
            agree = False
            print(f"DIFFERENT {name}: counts")

    load = os.getloadavg()
    print(f"data: {csv} ({args.n} rows, {os.path.getsize(csv) / 1e6:.1f} MB; Parquet {os.path.getsize(parquet) / 1e6:.1f} MB; Arrow {os.path.getsize(arrow) / 1e6:.1f} MB); "
          f"scikit-learn {sklearn.__version__}, pandas {pd.__version__}, NumPy {np.__version__}; {os.cpu_count()} cores, load average after the run {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    for name in commands:
        wall, cpu = min(walls[name]), min(cpus[name])
        print(f"{name:44s} wall best {wall:7.3f} s ({', '.join(f'{t:.2f}' for t in walls[name])}), CPU best {cpu:7.3f} s; "
              f"speed-up vs python: wall {min(walls[python_name]) / wall:5.1f}x, CPU {min(cpus[python_name]) / cpu:5.1f}x; "
              f"peak RSS {memory[name] / 1e6:6.1f} MB = {memory[name] / args.n:5.1f} B/row, {(memory[name] - baseline) / args.n:5.1f} B/row above a 2-row CSV run ({baseline / 1e6:.0f} MB)"
              + next((f", {(memory[name] - b) / args.n:5.1f} above a 2-row {k} run ({b / 1e6:.0f} MB)" for k, b in baselines.items() if f"({k})" in name and k != "CSV"), ""))
    print(f"every metric agrees with scikit-learn within 1e-9: {agree}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
