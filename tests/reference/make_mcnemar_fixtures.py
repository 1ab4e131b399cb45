#!/usr/bin/python3
"""Write reference values for ClassicalML's McNemar test (two classifiers' decisions on the same rows).

Run with Debian's interpreter (statsmodels 0.13, scipy 1.10):

    /usr/bin/python3 tests/reference/make_mcnemar_fixtures.py

Writes tests/reference/comparison/mcnemar_cases.json. Seeded: running it twice writes the same file.
The C# tests read the JSON and never need Python.

The 2x2 table has rows = model A correct / wrong, columns = model B correct / wrong; b = A right and B wrong,
c = A wrong and B right. statsmodels.stats.contingency_tables.mcnemar gives:
  exact=True:                    statistic = min(b, c), p = min(1, 2 * binom.cdf(min(b, c), b + c, 0.5))
  exact=False, correction=False: statistic = (b - c)^2 / (b + c)
  exact=False, correction=True:  statistic = (|b - c| - 1)^2 / (b + c)   (no max(0, .): with b = c it is 1 / (b + c))
and p = chi2.sf(statistic, 1). The mid-p value (Fagerland, Lydersen and Laake 2013) is computed here from scipy:
  mid-p = 2 * binom.cdf(min(b, c), b + c, 0.5) - binom.pmf(min(b, c), b + c, 0.5).
NaN and infinities are written as the strings "nan", "inf" (b = c = 0: the chi-square statistic is 0/0, the
corrected one 1/0 = inf with p = 0).
"""
import json
import os
import warnings

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "comparison")


def num(x):
    x = float(x)
    return "nan" if np.isnan(x) else ("inf" if x > 0 else "-inf") if np.isinf(x) else x


def case(name, labels, a, b):
    labels, a, b = (np.asarray(v, dtype=bool) for v in (labels, a, b))
    ra, rb = a == labels, b == labels
    table = [[int(np.sum(ra & rb)), int(np.sum(ra & ~rb))], [int(np.sum(~ra & rb)), int(np.sum(~ra & ~rb))]]
    n01, n10 = table[0][1], table[1][0]
    k, n = min(n01, n10), n01 + n10
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore")
        exact = mcnemar(table, exact=True)
        plain = mcnemar(table, exact=False, correction=False)
        corrected = mcnemar(table, exact=False, correction=True)
    return {
        "name": name,
        "labels": [int(v) for v in labels], "predicted_a": [int(v) for v in a], "predicted_b": [int(v) for v in b],
        "table": table,
        "exact_statistic": num(exact.statistic), "exact_p": num(exact.pvalue),
        "mid_p": num(2 * stats.binom.cdf(k, n, 0.5) - stats.binom.pmf(k, n, 0.5)),
        "chi2": num(plain.statistic), "chi2_p": num(plain.pvalue),
        "chi2_corrected": num(corrected.statistic), "chi2_corrected_p": num(corrected.pvalue),
    }


def flip(rng, labels, error_rate):
    return np.where(rng.random(len(labels)) < error_rate, ~labels, labels)


def main():
    rng = np.random.default_rng(20261201)
    cases = []
    y = rng.random(200) < 0.4
    cases.append(case("200 rows, A 10% errors, B 20% errors", y, flip(rng, y, 0.1), flip(rng, y, 0.2)))
    y = rng.random(60) < 0.5
    a = flip(rng, y, 0.15)
    b = a.copy()
    b[:3] = ~b[:3]
    cases.append(case("few discordant rows (b + c = 3)", y, a, b))
    y = rng.random(80) < 0.5
    a = flip(rng, y, 0.2)
    cases.append(case("identical decisions (b = c = 0)", y, a, a.copy()))
    y = rng.random(100) < 0.5
    a = flip(rng, y, 0.2)
    b = a.copy()
    discord = np.flatnonzero(a == y)[:6].tolist() + np.flatnonzero(a != y)[:6].tolist()
    b[discord] = ~b[discord]
    cases.append(case("balanced discordance (b = c = 6)", y, a, b))
    y = rng.random(3000) < 0.3
    cases.append(case("3000 rows, A much better (tiny p)", y, flip(rng, y, 0.05), flip(rng, y, 0.15)))
    y = np.array([True, False, True, False, True])
    cases.append(case("five rows, A all right, B all wrong", y, y.copy(), ~y))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "mcnemar_cases.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "tests/reference/make_mcnemar_fixtures.py",
                   "implementation": f"statsmodels {statsmodels.__version__}, scipy {scipy.__version__}, numpy {np.__version__} (Debian)",
                   "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
