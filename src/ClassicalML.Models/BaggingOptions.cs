namespace ClassicalML.Models;

/// <summary>Options of a <see cref="BaggingEstimator"/>. Validated when the estimator is created.</summary>
public sealed record BaggingOptions
{
    /// <summary>The number of members M (models fitted on their own sample), at least 1. Default 10.</summary>
    public int NumberOfMembers { get; init; } = 10;

    /// <summary>
    /// The size of each member's sample as a fraction of the n training rows, in (0, 1]:
    /// k = max(1, ⌊fraction · n⌋) rows. Default 1, i.e. a bootstrap sample of n rows.
    /// </summary>
    public double SampleFraction { get; init; } = 1.0;

    /// <summary>
    /// True (default) to draw with replacement (bootstrap: a row can appear several times);
    /// false to draw k distinct rows (subsampling, "pasting"; with <see cref="SampleFraction"/> = 1 every member sees every row).
    /// </summary>
    public bool WithReplacement { get; init; } = true;

    /// <summary>The seed of the <see cref="MathNet.Numerics.Random.MersenneTwister"/> that draws every member's sample.</summary>
    public int Seed { get; init; }

    /// <summary>How members' outputs are combined. Default <see cref="BaggingAggregation.Probability"/>.</summary>
    public BaggingAggregation Aggregation { get; init; } = BaggingAggregation.Probability;

    /// <summary>The Boolean label column, read for the out-of-bag evaluation. Default <c>Label</c>.</summary>
    public string LabelColumnName { get; init; } = "Label";
}
