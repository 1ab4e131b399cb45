namespace ClassicalML.Evaluation;

/// <summary>Which calibrator <see cref="ScoreCalibrator.Fit(CalibrationMethod, ReadOnlySpan{bool}, ReadOnlySpan{double})"/> fits (scikit-learn's <c>CalibratedClassifierCV(method=...)</c>).</summary>
public enum CalibrationMethod
{
    /// <summary>Platt's sigmoid, <see cref="PlattScaling"/> (scikit-learn's <c>method="sigmoid"</c>): two parameters,
    /// strictly monotone; suits few rows and a score that is already roughly logistic.</summary>
    Platt,

    /// <summary>Isotonic regression, <see cref="IsotonicCalibration"/> (scikit-learn's <c>method="isotonic"</c>): any
    /// non-decreasing map, with flat steps; needs more rows (it overfits small samples).</summary>
    Isotonic,
}
