using System.Collections.Immutable;
using ClassicalML.Data.Splits;

namespace ClassicalML.Data.Resampling;

/// <summary>
/// Random under-sampling, as imbalanced-learn's <c>RandomUnderSampler</c>: each larger class keeps
/// a random subset (without replacement) of its target size.
/// </summary>
/// <remarks>Output: the kept rows in ascending row order. The subset of a class is the first
/// target rows of its members after a Fisher–Yates shuffle.</remarks>
public sealed class RandomUnderSampler : Sampler
{
    /// <summary>Creates a random under-sampler.</summary>
    /// <param name="seed">Seed of the generator (MT19937).</param>
    /// <param name="strategy">Target class balance; null (default) for <see cref="SamplingStrategy.Auto"/>.</param>
    public RandomUnderSampler(int seed, SamplingStrategy? strategy = null)
        : base(seed, strategy)
    {
    }

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.UnderSampling;

    private protected override ImmutableArray<ResampledRow<TLabel>> FitResample<TLabel>(SamplerInput<TLabel> input)
    {
        var kept = new List<(int Row, TLabel Label)>();
        for (var c = 0; c < input.Classes.Count; c++)
        {
            var members = input.Classes[c].Rows.ToArray();
            if (input.Targets[c] < members.Length)
            {
                Shuffling.FisherYates<int>(members, input.Rng);
            }

            for (var i = 0; i < input.Targets[c]; i++)
            {
                kept.Add((members[i], input.Classes[c].Label));
            }
        }

        return [.. kept.OrderBy(k => k.Row).Select(k => new ResampledRow<TLabel>(k.Label, k.Row, null, 0, Copy(input.Features[k.Row])))];
    }
}
