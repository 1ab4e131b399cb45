namespace ClassicalML.Evaluation;

/// <summary>
/// A reliability curve (calibration curve) with per-bin counts and intervals, the expected and maximum calibration
/// errors, and the Brier score's decomposition. Built by <see cref="Calibration.Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, int, CalibrationBinning, double)"/>.
/// </summary>
/// <param name="Strategy">How the edges were placed.</param>
/// <param name="Edges">All bins + 1 edges e_0 … e_bins, empty bins' included (scikit-learn's <c>bins</c>).</param>
/// <param name="Bins">The non-empty bins in edge order; empty bins are dropped, as scikit-learn drops them.</param>
/// <param name="ExpectedCalibrationError">ECE = Σ_b (n_b / n) |ō_b − f̄_b|.</param>
/// <param name="MaximumCalibrationError">MCE = max_b |ō_b − f̄_b| over the non-empty bins.</param>
/// <param name="BrierScore">Murphy's decomposition of the Brier score over these bins.</param>
/// <param name="Confidence">The nominal coverage of each bin's Wilson interval.</param>
public sealed record ReliabilityCurve(
    CalibrationBinning Strategy,
    IReadOnlyList<double> Edges,
    IReadOnlyList<ReliabilityBin> Bins,
    double ExpectedCalibrationError,
    double MaximumCalibrationError,
    BrierDecomposition BrierScore,
    double Confidence)
{
    /// <summary>ō_b of each non-empty bin: scikit-learn's <c>prob_true</c>.</summary>
    public IReadOnlyList<double> FractionPositive => [.. Bins.Select(b => b.FractionPositive)];

    /// <summary>f̄_b of each non-empty bin: scikit-learn's <c>prob_pred</c>.</summary>
    public IReadOnlyList<double> MeanPredicted => [.. Bins.Select(b => b.MeanPredicted)];
}
