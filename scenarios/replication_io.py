"""Writes a scenario's replication.json: the one writer shared by every scenarios/<Name>/replicate.py.

The file is UTF-8, indented by two spaces, with a final newline, so a rerun with the same packages gives the same
bytes (the scenario reads it beside its assembly; `./run-all.sh --check` compares the reports built from it).
"""

import json
import os


def write_replication(here, report):
    """Writes `report` (a dict with "implementation", "script" and "effects") to <here>/replication.json and echoes it."""
    with open(os.path.join(here, "replication.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    print(json.dumps(report, indent=2))


def write_sklearn_replication(here, effects, not_converged):
    """Writes the effects measured with Debian's scikit-learn, rounded to 6 decimals, with the fits that did not
    converge (a list of descriptions), through write_replication."""
    import sklearn

    write_replication(here, {
        "implementation": f"scikit-learn {sklearn.__version__} (Debian python3-sklearn)",
        "script": "replicate.py",
        "effects": {k: round(float(v), 6) for k, v in effects.items()},
        "fits_not_converged": not_converged,
    })
