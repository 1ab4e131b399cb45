namespace ClassicalML.Evaluation;

/// <summary>One non-empty bin of a <see cref="ReliabilityCurve"/>.</summary>
/// <param name="Index">The bin's position among all bins (empty ones included), 0 to bins − 1.</param>
/// <param name="Lower">The bin's lower edge e_Index; the bin holds probabilities p with e_Index &lt; p ≤ e_(Index+1)
/// (the first bin also every p ≤ e_1, the last every p &gt; e_(bins−1)).</param>
/// <param name="Upper">The bin's upper edge e_(Index+1).</param>
/// <param name="Count">The rows in the bin (of weight above 0 when weighted).</param>
/// <param name="Positives">The positive rows in the bin.</param>
/// <param name="MeanPredicted">f̄_b, the (weighted) mean probability in the bin (scikit-learn's <c>prob_pred</c>).</param>
/// <param name="FractionPositive">ō_b = PositiveWeight / Weight (scikit-learn's <c>prob_true</c>).</param>
/// <param name="FractionInterval">The Wilson score interval of <see cref="FractionPositive"/>
/// (<see cref="Intervals.Wilson"/>).</param>
public sealed record ReliabilityBin(
    int Index,
    double Lower,
    double Upper,
    long Count,
    long Positives,
    double MeanPredicted,
    double FractionPositive,
    Interval FractionInterval)
{
    /// <summary>n_b, the bin's weight: <see cref="Count"/> unweighted, the sum of its rows' weights when weighted.</summary>
    public double Weight { get; init; } = Count;

    /// <summary>The weight of the bin's positives: <see cref="Positives"/> unweighted.</summary>
    public double PositiveWeight { get; init; } = Positives;

    /// <summary>|ō_b − f̄_b|, the bin's calibration gap.</summary>
    public double Gap => Math.Abs(FractionPositive - MeanPredicted);
}
