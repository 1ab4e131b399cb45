namespace ClassicalML.Evaluation;

/// <summary>
/// A receiver operating characteristic curve: one point per kept threshold, thresholds strictly
/// decreasing, the first threshold <see cref="double.PositiveInfinity"/> so the curve starts at (0, 0)
/// and the last one the lowest score so it ends at (1, 1). Built by <see cref="Roc.Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, bool)"/> and its weighted overload.
/// </summary>
/// <param name="FalsePositiveRates">FPR[k] = FP(score &gt;= Thresholds[k]) / N; NaN everywhere when there is no negative (N = 0).</param>
/// <param name="TruePositiveRates">TPR[k] = TP(score &gt;= Thresholds[k]) / P; NaN everywhere when there is no positive (P = 0).</param>
/// <param name="Thresholds">The decision thresholds, strictly decreasing, first +infinity.</param>
public sealed record RocCurve(
    IReadOnlyList<double> FalsePositiveRates,
    IReadOnlyList<double> TruePositiveRates,
    IReadOnlyList<double> Thresholds);
