using System.Globalization;

namespace ClassicalML.Data.Resampling;

/// <summary>
/// How many rows of each class a sampler aims for, as imbalanced-learn's <c>sampling_strategy</c>
/// (<c>"auto"</c> or a float).
/// </summary>
/// <remarks>
/// <para>Auto: an over-sampler grows every class but the majority to the majority's count; an
/// under-sampler shrinks every class but the minority to the minority's count (ratio 1).</para>
/// <para>Ratio r (binary targets only), r = N_minority / N_majority after resampling: an
/// over-sampler adds ⌊r·N_majority − N_minority⌋ minority rows; an under-sampler keeps
/// ⌊N_minority / r⌋ majority rows (imbalanced-learn truncates the same way).</para>
/// </remarks>
public sealed class SamplingStrategy
{
    private SamplingStrategy(double? ratio) => TargetRatio = ratio;

    /// <summary>Balance all classes (imbalanced-learn's <c>"auto"</c>).</summary>
    public static SamplingStrategy Auto { get; } = new(null);

    /// <summary>The target minority/majority ratio, or null for <see cref="Auto"/>.</summary>
    public double? TargetRatio { get; }

    /// <summary>A target ratio N_minority / N_majority after resampling, for binary targets.</summary>
    /// <param name="minorityToMajority">The ratio, in (0, 1].</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The ratio is not in (0, 1].</exception>
    public static SamplingStrategy Ratio(double minorityToMajority)
    {
        if (!(minorityToMajority > 0 && minorityToMajority <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(minorityToMajority),
                string.Create(CultureInfo.InvariantCulture, $"minorityToMajority is {minorityToMajority}; a float sampling_strategy should be in the range (0, 1] (minority/majority count after resampling). Use e.g. SamplingStrategy.Ratio(0.5), or SamplingStrategy.Auto to balance the classes."));
        }

        return new SamplingStrategy(minorityToMajority);
    }

    /// <summary>"auto" or the ratio in invariant culture.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        TargetRatio is { } r ? r.ToString("R", CultureInfo.InvariantCulture) : "auto";
}
