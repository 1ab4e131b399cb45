using System.Collections.Immutable;
using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Data.Resampling;

/// <summary>
/// SMOTE (Chawla et al. 2002), as imbalanced-learn's <c>SMOTE</c>: synthetic rows on the segments
/// between a class member and one of its k nearest same-class neighbours.
/// </summary>
/// <remarks>
/// <para>For each synthetic row of class c: draw a member x_i uniformly, one of its k nearest members
/// (Euclidean distance, ties to the earlier training row) x_nn uniformly, and gap ~ U[0, 1);
/// the row is x_i + gap · (x_nn − x_i).</para>
/// <para>Hand-written: ML.NET has no SMOTE. Neighbours are found by brute force, O(n_c) per drawn
/// member and cached, so memory and time stay proportional to the rows actually drawn.</para>
/// <para>Output: every training row once, in training order, then the synthetic rows class by class.</para>
/// </remarks>
public sealed class Smote : Sampler
{
    /// <summary>Creates a SMOTE over-sampler.</summary>
    /// <param name="seed">Seed of the generator (MT19937).</param>
    /// <param name="k">Number of nearest neighbours to interpolate towards, at least 1 (default 5).</param>
    /// <param name="strategy">Target class balance; null (default) for <see cref="SamplingStrategy.Auto"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 1.</exception>
    public Smote(int seed, int k = 5, SamplingStrategy? strategy = null)
        : base(seed, strategy)
    {
        Preconditions.CheckAtLeast(k, 1, nameof(k), "SMOTE needs at least 1 neighbour to interpolate towards (imbalanced-learn's default is 5).");

        K = k;
    }

    /// <summary>Number of nearest neighbours.</summary>
    public int K { get; }

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    private protected override ImmutableArray<ResampledRow<TLabel>> FitResample<TLabel>(SamplerInput<TLabel> input)
    {
        var features = input.Features;
        var labelOf = new Dictionary<int, TLabel>();
        for (var c = 0; c < input.Classes.Count; c++)
        {
            var cls = input.Classes[c];
            foreach (var row in cls.Rows)
            {
                labelOf[row] = cls.Label;
                if (input.Targets[c] > 0)
                {
                    CheckFinite(features[row], row);
                }
            }

            if (input.Targets[c] > 0 && cls.Rows.Count <= K)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"SMOTE with k = {K} needs more than {K} training rows in every class it over-samples, but class '{cls.Label}' has {cls.Rows.Count}. Use k <= {cls.Rows.Count - 1}, or RandomOverSampler."),
                    "labels");
            }
        }

        var result = ImmutableArray.CreateBuilder<ResampledRow<TLabel>>();
        foreach (var row in input.TrainIndices)
        {
            result.Add(new ResampledRow<TLabel>(labelOf[row], row, null, 0, Copy(features[row])));
        }

        for (var c = 0; c < input.Classes.Count; c++)
        {
            var members = input.Classes[c].Rows;
            var neighbours = new Dictionary<int, int[]>();
            for (var s = 0; s < input.Targets[c]; s++)
            {
                var i = input.Rng.Next(members.Count);
                if (!neighbours.TryGetValue(i, out var nn))
                {
                    nn = Nearest(features, members, i, K);
                    neighbours.Add(i, nn);
                }

                var j = nn[input.Rng.Next(K)];
                var gap = input.Rng.NextDouble();
                double[] xi = features[members[i]], xj = features[members[j]];
                var x = new double[xi.Length];
                for (var d = 0; d < x.Length; d++)
                {
                    x[d] = xi[d] + (gap * (xj[d] - xi[d]));
                }

                result.Add(new ResampledRow<TLabel>(input.Classes[c].Label, members[i], members[j], gap, ImmutableArray.Create(x)));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Positions (in <paramref name="members"/>) of the k nearest other members of member i.</summary>
    internal static int[] Nearest(IReadOnlyList<double[]> features, List<int> members, int i, int k)
    {
        var xi = features[members[i]];
        var candidates = new (double Distance, int Position)[members.Count - 1];
        var n = 0;
        for (var p = 0; p < members.Count; p++)
        {
            if (p == i)
            {
                continue;
            }

            var xp = features[members[p]];
            var d2 = 0.0;
            for (var d = 0; d < xi.Length; d++)
            {
                var diff = xp[d] - xi[d];
                d2 += diff * diff;
            }

            candidates[n++] = (d2, p);
        }

        Array.Sort(candidates);
        var result = new int[k];
        for (var q = 0; q < k; q++)
        {
            result[q] = candidates[q].Position;
        }

        return result;
    }

    private static void CheckFinite(double[] x, int row)
    {
        for (var d = 0; d < x.Length; d++)
        {
            if (!double.IsFinite(x[d]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"features[{row}][{d}] is {x[d]}; SMOTE interpolates between rows and needs finite values. Impute or drop non-finite values before resampling."),
                    "features");
            }
        }
    }
}
