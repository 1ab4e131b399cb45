using System.Collections.Immutable;

namespace ClassicalML.Data.Resampling;

/// <summary>
/// Random over-sampling, as imbalanced-learn's <c>RandomOverSampler</c>: rows of the smaller classes
/// are drawn with replacement and appended until each class reaches its target.
/// </summary>
/// <remarks>Output: every training row once, in training order, then the duplicates class by class.</remarks>
public sealed class RandomOverSampler : Sampler
{
    /// <summary>Creates a random over-sampler.</summary>
    /// <param name="seed">Seed of the generator (MT19937).</param>
    /// <param name="strategy">Target class balance; null (default) for <see cref="SamplingStrategy.Auto"/>.</param>
    public RandomOverSampler(int seed, SamplingStrategy? strategy = null)
        : base(seed, strategy)
    {
    }

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    private protected override ImmutableArray<ResampledRow<TLabel>> FitResample<TLabel>(SamplerInput<TLabel> input)
    {
        var labelOf = new Dictionary<int, TLabel>();
        foreach (var cls in input.Classes)
        {
            foreach (var row in cls.Rows)
            {
                labelOf[row] = cls.Label;
            }
        }

        var result = ImmutableArray.CreateBuilder<ResampledRow<TLabel>>();
        foreach (var row in input.TrainIndices)
        {
            result.Add(new ResampledRow<TLabel>(labelOf[row], row, null, 0, Copy(input.Features[row])));
        }

        for (var c = 0; c < input.Classes.Count; c++)
        {
            var members = input.Classes[c].Rows;
            for (var s = 0; s < input.Targets[c]; s++)
            {
                var row = members[input.Rng.Next(members.Count)];
                result.Add(new ResampledRow<TLabel>(input.Classes[c].Label, row, null, 0, Copy(input.Features[row])));
            }
        }

        return result.ToImmutable();
    }
}
