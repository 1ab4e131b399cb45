#!/usr/bin/python3
"""The Python side of compare_cli_python.py: what a data scientist writes to evaluate a predictions CSV.

    /usr/bin/python3 bench/sklearn_eval.py FILE.csv

pandas read_csv, then the metrics `classicalml eval` prints (scikit-learn, threshold 0.5); one JSON line.
"""
import json
import os
import sys

import pandas as pd

# The metrics classicalml eval prints, as scikit-learn computes them: one definition, shared with the test fixtures.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "reference", "cli"))
from make_eval_fixtures import binary_metrics  # noqa: E402


def main(path):
    frame = pd.read_csv(path)
    print(json.dumps(binary_metrics(frame["label"].to_numpy(), frame["score"].to_numpy(), 0.5)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
