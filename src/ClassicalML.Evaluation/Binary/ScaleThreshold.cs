namespace ClassicalML.Evaluation;

/// <summary>
/// An operating point's threshold carried to the other score scale (probability ↔ raw score), built by
/// <see cref="ThresholdSelection.OnOtherScale"/>.
/// </summary>
/// <param name="Threshold">The other scale's threshold: the lowest other score among the rows chosen positive (an
/// observed score); NaN when no row is chosen.</param>
/// <param name="Below">The highest other score among the rows chosen negative (−∞ when every row is chosen): any
/// threshold in (Below, Threshold] makes the same decisions when <see cref="IsExact"/>.</param>
/// <param name="Positives">The rows chosen positive on the original scale.</param>
/// <param name="Disagreements">The rows whose decision at <paramref name="Threshold"/> on the other scale differs from
/// the original one: 0 when the map between the scales is non-decreasing and does not tie across the cut.</param>
public sealed record ScaleThreshold(double Threshold, double Below, int Positives, int Disagreements)
{
    /// <summary>Whether the threshold reproduces every decision (<see cref="Disagreements"/> = 0 and a row is chosen).</summary>
    public bool IsExact => Disagreements == 0 && !double.IsNaN(Threshold);
}
