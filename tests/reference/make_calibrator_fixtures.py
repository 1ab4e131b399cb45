#!/usr/bin/python3
"""Write reference values for ClassicalML's Platt (sigmoid) and isotonic calibrators.

Run with Debian's interpreter (scikit-learn 1.2, numpy 1.24, scipy 1.10):

    /usr/bin/python3 tests/reference/make_calibrator_fixtures.py

Writes tests/reference/calibration/calibrator_cases.json. Seeded: running it twice writes the same file.
The C# tests read the JSON and never need Python.

Platt: sklearn.calibration._SigmoidCalibration().fit(scores, labels, sample_weight) -> a_, b_ and predict(grid)
(= expit(-(a * s + b))). scikit-learn minimises with fmin_bfgs (gtol 1e-5), so its a_, b_ are the optimum only to
about 1e-6; the same objective (Platt's smoothed targets, priors = sums of weights) is also minimised here to a
gradient of about 1e-13 with scipy's trust-exact Newton method and five plain Newton steps ("a_exact", "b_exact").
Isotonic: sklearn.isotonic.IsotonicRegression(out_of_bounds="clip", increasing=True).fit(scores, labels,
sample_weight): X_thresholds_, y_thresholds_ and predict(grid), the grid including values outside the fitted range.
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.optimize import minimize
from scipy.special import expit, xlogy
from sklearn.calibration import _SigmoidCalibration
from sklearn.isotonic import IsotonicRegression

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "calibration")


def exact_platt(f, y, w):
    w = np.ones_like(f) if w is None else w
    prior0 = w[y <= 0].sum()
    prior1 = w[y > 0].sum()
    t = np.where(y > 0, (prior1 + 1.0) / (prior1 + 2.0), 1.0 / (prior0 + 2.0))

    def objective(ab):
        p = expit(-(ab[0] * f + ab[1]))
        return (w * -(xlogy(t, p) + xlogy(1.0 - t, 1.0 - p))).sum()

    def grad(ab):
        d = w * (t - expit(-(ab[0] * f + ab[1])))
        return np.array([np.dot(d, f), d.sum()])

    def hess(ab):
        p = expit(-(ab[0] * f + ab[1]))
        d = w * p * (1 - p)
        return np.array([[np.dot(d, f * f), np.dot(d, f)], [np.dot(d, f), d.sum()]])

    ab0 = np.array([0.0, np.log((prior0 + 1.0) / (prior1 + 1.0))])
    r = minimize(objective, ab0, jac=grad, hess=hess, method="trust-exact", options={"gtol": 1e-13, "maxiter": 1000})
    ab = r.x
    for _ in range(5):  # polish with plain Newton steps (quadratic convergence near the optimum)
        ab = ab - np.linalg.solve(hess(ab), grad(ab))
    return float(ab[0]), float(ab[1]), float(np.abs(grad(ab)).max())


def case(name, y, s, w=None, grid=None):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    w = None if w is None else np.asarray(w, dtype=float)
    lo, hi = s.min(), s.max()
    if grid is None:
        grid = np.concatenate([[lo - 1.0, lo, hi, hi + 1.0], s[:25], np.linspace(lo, hi, 41)])
    grid = np.asarray(grid, dtype=float)
    platt = _SigmoidCalibration().fit(s, y, sample_weight=w)
    a_exact, b_exact, gradient = exact_platt(s, y, w)
    iso = IsotonicRegression(out_of_bounds="clip", increasing=True).fit(s, y, sample_weight=w)
    return {
        "name": name, "labels": y.tolist(), "scores": s.tolist(), "weights": None if w is None else w.tolist(),
        "grid": grid.tolist(),
        "platt_a": float(platt.a_), "platt_b": float(platt.b_), "platt_grid": platt.predict(grid).tolist(),
        "platt_a_exact": a_exact, "platt_b_exact": b_exact, "platt_exact_gradient": gradient,
        "isotonic_x": iso.X_thresholds_.tolist(), "isotonic_y": iso.y_thresholds_.tolist(),
        "isotonic_grid": iso.predict(grid).tolist(),
    }


def main():
    rng = np.random.default_rng(20261202)
    cases = []
    n = 300
    y = (rng.random(n) < 0.3).astype(int)
    s = rng.normal(0, 1, n) + 1.5 * y
    cases.append(case("300 margins, distinct", y, s))
    cases.append(case("300 margins, weights in [0, 3) with zeros", y, s, np.where(rng.random(n) < 0.1, 0.0, rng.random(n) * 3)))
    # Scores on a coarse grid: many ties, pooled into one value per score (weighted mean of labels).
    s = np.round(rng.normal(0, 1, 200), 1)
    y = (rng.random(200) < expit(2 * s)).astype(int)
    cases.append(case("200 rows, heavy ties (one decimal)", y, s))
    cases.append(case("200 rows, heavy ties, integer weights", y, s, rng.integers(0, 4, 200).astype(float)))
    # Probabilities in [0, 1] as scores (calibrating a miscalibrated probability).
    p = rng.beta(0.5, 0.5, 150)
    y = (rng.random(150) < p ** 2).astype(int)
    cases.append(case("150 probabilities, overconfident", y, p))
    # Perfectly separated classes: Platt's smoothed targets keep the slope finite.
    s = np.concatenate([rng.normal(-2, 0.3, 20), rng.normal(2, 0.3, 10)])
    y = np.concatenate([np.zeros(20, dtype=int), np.ones(10, dtype=int)])
    cases.append(case("separable, 20 negatives, 10 positives", y, s))
    # Scores closer than numpy's float64 resolution (1e-15): scikit-learn's _make_unique merges them.
    s = np.array([0.5, 0.5 + 2 ** -52, 0.5 + 2 ** -51, 0.7, 0.7, 0.2, 0.9, 0.1, 1e-16, 0.0])
    y = np.array([1, 0, 1, 0, 1, 0, 1, 1, 0, 1])
    cases.append(case("ten rows, scores within 1e-15 merge", y, s))
    cases.append(case("single positive", np.array([0, 0, 1, 0, 0, 0]), np.array([0.1, 0.4, 0.35, 0.8, 0.2, 0.3])))
    cases.append(case("two rows", np.array([1, 0]), np.array([0.2, 0.6])))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "calibrator_cases.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "tests/reference/make_calibrator_fixtures.py",
                   "implementation": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, scipy {scipy.__version__} (Debian)",
                   "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
