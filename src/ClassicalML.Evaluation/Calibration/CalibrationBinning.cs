namespace ClassicalML.Evaluation;

/// <summary>How <see cref="Calibration.Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, int, CalibrationBinning, double)"/> places its bin edges (scikit-learn's <c>strategy</c>).</summary>
public enum CalibrationBinning
{
    /// <summary>Equal widths on [0, 1]: edges i / bins (numpy's <c>linspace(0, 1, bins + 1)</c>).</summary>
    Uniform,

    /// <summary>Equal counts: edges at the i / bins quantiles of the probabilities (numpy's <c>percentile</c>,
    /// linear interpolation); tied probabilities can make edges coincide and leave bins empty.</summary>
    Quantile,
}
