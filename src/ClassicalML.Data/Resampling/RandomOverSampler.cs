using System.Collections.Immutable;
using System.Globalization;
using ClassicalML.Evaluation;
using MathNet.Numerics.Distributions;

namespace ClassicalML.Data.Resampling;

/// <summary>
/// Random over-sampling, as imbalanced-learn's <c>RandomOverSampler</c>: rows of the smaller classes
/// are drawn with replacement and appended until each class reaches its target. With
/// <see cref="Shrinkage"/> set, each drawn row gets Gaussian noise (a smoothed bootstrap, imbalanced-learn's
/// <c>shrinkage</c>): noise-perturbed copies of the minority rows, the tabular form of data augmentation.
/// </summary>
/// <remarks>
/// <para>Output: every training row once, in training order, then the drawn rows class by class.</para>
/// <para>Smoothed bootstrap: a drawn row of class c is x + z ⊙ (s · h · σ_c), with z ~ N(0, I), s the shrinkage,
/// σ_c the per-feature standard deviation of class c's training rows (population form, ddof = 0) and
/// h = (4 / ((p + 2) · n))^(1 / (p + 4)) Silverman's rule of thumb for p features and n training rows, as
/// imbalanced-learn computes it. Such rows are marked <see cref="ResampledRow{TLabel}.IsPerturbed"/>. The draws
/// differ from numpy's (MT19937 here, through MathNet.Numerics), so rows match imbalanced-learn in distribution,
/// not value by value.</para>
/// </remarks>
public sealed class RandomOverSampler : Sampler
{
    private readonly double? _shrinkage;

    /// <summary>Creates a random over-sampler.</summary>
    /// <param name="seed">Seed of the generator (MT19937).</param>
    /// <param name="strategy">Target class balance; null (default) for <see cref="SamplingStrategy.Auto"/>.</param>
    public RandomOverSampler(int seed, SamplingStrategy? strategy = null)
        : base(seed, strategy)
    {
    }

    /// <summary>
    /// The shrinkage s of the smoothed bootstrap: null (default) copies rows unchanged; a value s ≥ 0 adds Gaussian
    /// noise with per-feature standard deviation s · h · σ_c to every drawn row (see the remarks; 0 adds none).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double? Shrinkage
    {
        get => _shrinkage;
        init
        {
            if (value is { } s)
            {
                Preconditions.CheckNonNegative(s, nameof(Shrinkage), "Use null for plain copies, or a value such as 0.5 (imbalanced-learn's shrinkage).");
            }

            _shrinkage = value;
        }
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
            var drawn = new int[input.Targets[c]];
            for (var s = 0; s < drawn.Length; s++)
            {
                drawn[s] = members[input.Rng.Next(members.Count)];
            }

            if (_shrinkage is not { } shrinkage)
            {
                foreach (var row in drawn)
                {
                    result.Add(new ResampledRow<TLabel>(input.Classes[c].Label, row, null, 0, Copy(input.Features[row])));
                }

                continue;
            }

            // As imbalanced-learn: all rows of the class are drawn first, then the noise, row after row.
            double[] scale = NoiseScale(input.Features, members, input.TrainIndices.Length, shrinkage);
            foreach (var row in drawn)
            {
                var x = (double[])input.Features[row].Clone();
                for (var d = 0; d < x.Length; d++)
                {
                    x[d] += Normal.Sample(input.Rng, 0, 1) * scale[d];
                }

                result.Add(new ResampledRow<TLabel>(input.Classes[c].Label, row, null, 0, ImmutableArray.Create(x)) { IsPerturbed = true });
            }
        }

        return result.ToImmutable();
    }

    /// <summary>s · h · σ_c per feature: σ_c over the class's training rows (ddof = 0), h = (4 / ((p + 2) n))^(1 / (p + 4)).</summary>
    internal static double[] NoiseScale(IReadOnlyList<double[]> features, List<int> members, int trainingRows, double shrinkage)
    {
        int p = features[members[0]].Length;
        double h = Math.Pow(4.0 / ((p + 2.0) * trainingRows), 1.0 / (p + 4.0));
        var scale = new double[p];
        for (var d = 0; d < p; d++)
        {
            var column = members.Select(r => features[r][d]);
            scale[d] = shrinkage * h * MathNet.Numerics.Statistics.Statistics.PopulationStandardDeviation(column);
        }

        return scale;
    }
}
