#!/usr/bin/python3
"""Second implementation of the reproducible-splits scenario's main effects, with numpy, pandas and scikit-learn.

Runs the answer's get_splits exactly (np.random.rand per-row masks), records what its valid line
``valid = df[ rnd >= 0.8 & rnd < 0.9 ]`` does in Python (the C# scenario cannot run Python), and
replicates the model-ranking and side-change effects with scikit-learn's own learners.

Run with Debian's Python (python3-sklearn, python3-pandas):  /usr/bin/python3 scenarios/ReproducibleSplits/replicate.py
Writes replication.json beside this script. Every random draw is seeded; about a minute on two cores.
"""
import ast
import hashlib
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from replication_io import write_replication  # noqa: E402  (the shared writer in scenarios/)
DATA = os.path.join(HERE, "..", "..", "data", "weka_credit_g.csv")
SEED = 63                 # the scenario's --seed
FIRST_CALL = 1000 * SEED  # call t of get_splits runs after np.random.seed(FIRST_CALL + t), as in the C# scenario
CALLS = 1000              # get_splits calls without training (--calls)
TRIALS = 200              # calls that train the models (--trials)
DELETE_SHARE, NEW_DATA_SHARE = 0.1, 0.2


def get_splits_as_written(df):
    """The answer's function, line for line (the DataFrame is passed in instead of built inside)."""
    rnd = np.random.rand(len(df))
    train = df[ rnd < 0.8 ]
    valid = df[ rnd >= 0.8 & rnd < 0.9 ]
    test = df[ rnd >= 0.9 ]
    return train, valid, test


def get_splits(df):
    """The answer's function with the valid line it means: (rnd >= 0.8) & (rnd < 0.9)."""
    rnd = np.random.rand(len(df))
    return df[rnd < 0.8], df[(rnd >= 0.8) & (rnd < 0.9)], df[rnd >= 0.9]


def outcome(f):
    try:
        f()
        return "runs"
    except Exception as e:  # the point is to record whatever Python raises
        return f"{type(e).__name__}: {e}"


def grouped(node):
    """Source text of an expression with every operation parenthesised as Python's parser grouped it."""
    if isinstance(node, ast.Compare):
        parts = [grouped(node.left)]
        for op, right in zip(node.ops, node.comparators):
            parts += [{ast.GtE: ">=", ast.Lt: "<", ast.Gt: ">", ast.LtE: "<="}[type(op)], grouped(right)]
        return " ".join(parts)
    if isinstance(node, ast.BinOp):
        return f"({grouped(node.left)} {'&' if isinstance(node.op, ast.BitAnd) else '?'} {grouped(node.right)})"
    return ast.unparse(node)


def precedence_facts(df):
    line = "valid = df[ rnd >= 0.8 & rnd < 0.9 ]"
    tree = ast.parse("rnd >= 0.8 & rnd < 0.9", mode="eval").body
    np.random.seed(FIRST_CALL)
    as_written = outcome(lambda: get_splits_as_written(df))
    series = pd.Series(np.random.rand(5))
    integers = np.arange(5)
    np.random.seed(FIRST_CALL)
    _, valid, _ = get_splits(df)
    return [
        ["the answer's valid line", line],
        ["Python parses rnd >= 0.8 & rnd < 0.9 as", grouped(tree) + ", a chained comparison (& binds before >= and <)"],
        ["outcome of get_splits as written (rnd a numpy float array)", as_written],
        ["outcome with rnd a pandas Series", outcome(lambda: series >= 0.8 & series < 0.9)],
        ["outcome with an integer array (& works, then the chain needs one truth value)", outcome(lambda: integers >= 1 & integers < 3)],
        [f"valid rows with (rnd >= 0.8) & (rnd < 0.9) after np.random.seed({FIRST_CALL})", int(len(valid))],
    ]


def mechanism(df):
    sizes, reordered = [], 0
    for t in range(CALLS):
        np.random.seed(FIRST_CALL + t)
        train, valid, test = get_splits(df)
        sizes.append(len(train))
        reordered += not all(part.index.is_monotonic_increasing for part in (train, valid, test))
    return float(np.std(sizes, ddof=1)), reordered


def features(df):
    y = (df["class"] == "bad").to_numpy()
    x = pd.get_dummies(df.drop(columns="class")).to_numpy(dtype=float)
    return x, y


def models():
    # Mirrors of the ML.NET learners: L2 logistic regression on standardized features; one tree of at most 20 leaves
    # with at least 10 rows a leaf (FastTree, 1 tree); 30 boosted trees of 20 leaves, learning rate 0.2 (FastTree's defaults).
    return {
        "logistic": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)),
        "tree": lambda: DecisionTreeClassifier(max_leaf_nodes=20, min_samples_leaf=10, random_state=0),
        "boosted": lambda: GradientBoostingClassifier(n_estimators=30, learning_rate=0.2, max_leaf_nodes=20, min_samples_leaf=10, random_state=0),
    }


def ranking(df):
    x, y = features(df)
    auc = {name: [] for name in models()}
    iterations = []
    for t in range(TRIALS):
        np.random.seed(FIRST_CALL + t)
        train, _, test = get_splits(df)
        tr, te = train.index.to_numpy(), test.index.to_numpy()
        for name, make in models().items():
            model = make().fit(x[tr], y[tr])
            if name == "logistic":
                iterations.append(int(model[-1].n_iter_[0]))
            auc[name].append(roc_auc_score(y[te], model.predict_proba(x[te])[:, 1]))
    return {k: np.array(v) for k, v in auc.items()}, max(iterations)


def pair_effects(a, b):
    """Gap, flip-rate increase (own splits: all ordered pairs of distinct calls) and SD increase; ties count half."""
    shared = a - b
    sign = 1.0 if shared.mean() >= 0 else -1.0
    own = (a[:, None] - b[None, :])[~np.eye(len(a), dtype=bool)]
    flip = lambda d: np.where(sign * d < 0, 1.0, np.where(d == 0, 0.5, 0.0)).mean()
    return float(shared.mean()), float(flip(own) - flip(shared)), float(own.std(ddof=1) - shared.std(ddof=1))


def unit(text):
    """HashSplit.UnitValue: first 8 bytes of SHA-256, big-endian, >> 11, times 2^-53."""
    return (int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big") >> 11) * 2.0 ** -53


def sides(df, lines):
    n = len(df)
    rng = np.random.default_rng(SEED)
    split_seed = int(rng.integers(0, 2 ** 31 - 1))
    reordered = rng.permutation(n)
    deleted = set(rng.choice(n, round(DELETE_SHARE * n), replace=False).tolist())
    appended = set(rng.choice(n, round(NEW_DATA_SHARE * n), replace=False).tolist())
    before_append = [r for r in range(n) if r not in appended]

    def mask(file):
        np.random.seed(split_seed)
        rnd = np.random.rand(len(file))
        return dict(zip(file, np.where(rnd < 0.8, 0, np.where(rnd < 0.9, 1, 2))))

    def shuffle(file):
        rest, test = train_test_split(list(file), test_size=0.1, random_state=split_seed)
        train, valid = train_test_split(rest, test_size=1 / 9, random_state=split_seed)
        return {**{r: 0 for r in train}, **{r: 1 for r in valid}, **{r: 2 for r in test}}

    def hashed(file):
        return {r: 2 if unit(lines[r]) < 0.1 else 1 if unit(lines[r]) < 0.2 else 0 for r in file}

    def moved(split, before, after):
        a, b = split(list(before)), split(list(after))
        common = [r for r in b if r in a]
        return sum(a[r] != b[r] for r in common) / len(common)

    changes = {
        "reordered": (range(n), reordered.tolist()),
        "deleted": (range(n), [r for r in range(n) if r not in deleted]),
        "appended": (before_append, before_append + sorted(appended)),
    }
    return {name: {c: moved(split, *files) for c, files in changes.items()} for name, split in
            (("get_splits", mask), ("shuffle", shuffle), ("hash", hashed))}


def main():
    df = pd.read_csv(DATA)
    with open(DATA, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f.readlines()[1:] if line.strip()]
    train_sd, reordered = mechanism(df)
    auc, lbfgs_iterations = ranking(df)
    gap_tree, flips_tree, sd_tree = pair_effects(auc["logistic"], auc["tree"])
    gap_boosted, flips_boosted, sd_boosted = pair_effects(auc["logistic"], auc["boosted"])
    moved = sides(df, lines)
    report = {
        "implementation": f"scikit-learn {sklearn.__version__} (Debian python3-sklearn), numpy {np.__version__}, pandas {pd.__version__}",
        "script": "replicate.py",
        "effects": {
            "train-size-sd": train_sd,
            "auc-gap-logistic-minus-tree": gap_tree,
            "flip-increase-different-pair": flips_tree,
            "sd-increase-different-pair": sd_tree,
            "sd-increase-tied-pair": sd_boosted,
            "get-splits-moved-reorder-minus-append": moved["get_splits"]["reordered"] - moved["get_splits"]["appended"],
            "shuffle-minus-get-splits-moved-append": moved["shuffle"]["appended"] - moved["get_splits"]["appended"],
            "get-splits-minus-hash-moved-reorder": moved["get_splits"]["reordered"] - moved["hash"]["reordered"],
        },
        "precedence": {
            "source": f"replicate.py with numpy {np.__version__} and pandas {pd.__version__} (Debian python3-numpy, python3-pandas)",
            "facts": precedence_facts(df),
        },
        "checks": {
            "calls with rows out of file order (pandas df[mask])": reordered,
            "calls": CALLS,
            "largest L-BFGS iteration count of LogisticRegression (max_iter 1000)": lbfgs_iterations,
            "tied pair gap, logistic minus boosted (not an effect: a coin toss in sign)": gap_boosted,
            "tied pair flip-rate increase (not an effect)": flips_boosted,
            "side changes (share of old rows moved)": moved,
        },
    }
    write_replication(HERE, report)


if __name__ == "__main__":
    main()
