namespace ClassicalML.Scenarios.L1VsL2;

/// <summary>Pure computations on regularization paths: where weights reach zero, how well a selection matches the
/// truth, how weight is shared inside a group. Small and exact, so tests can feed hand-made paths.</summary>
internal static class PathAnalysis
{
    /// <summary>
    /// For each feature, the smallest λ of the grid from which its weight is exactly 0 at that λ and at every larger
    /// λ of the grid; <see cref="double.PositiveInfinity"/> when the weight is non-zero at the largest λ.
    /// </summary>
    /// <param name="lambdas">The grid, ascending.</param>
    /// <param name="weights">The weights at each λ (<c>weights[k][j]</c> = feature j at λ_k).</param>
    public static double[] DropLambdas(IReadOnlyList<double> lambdas, IReadOnlyList<double[]> weights)
    {
        ArgumentOutOfRangeException.ThrowIfZero(lambdas.Count, nameof(lambdas));
        if (weights.Count != lambdas.Count)
        {
            throw new ArgumentException($"weights has {weights.Count} rows but lambdas has {lambdas.Count}; pass one weight vector per λ.", nameof(weights));
        }

        int features = weights[0].Length;
        var drop = new double[features];
        for (int j = 0; j < features; j++)
        {
            drop[j] = double.PositiveInfinity;
            for (int k = lambdas.Count - 1; k >= 0 && weights[k][j] == 0; k--)
            {
                drop[j] = lambdas[k];
            }
        }

        return drop;
    }

    /// <summary>
    /// The share of (informative, noise) feature pairs in which the informative feature is dropped at the larger λ;
    /// a tie counts ½ (the Mann–Whitney form of "informative features go last"). 1 = every informative feature
    /// outlives every noise feature; 0.5 = no better than chance.
    /// </summary>
    public static double InformativeLastShare(IReadOnlyList<double> dropLambdas, IReadOnlyCollection<int> informative) =>
        UsefulLastShare(dropLambdas, [.. Enumerable.Range(0, dropLambdas.Count).Select(j => informative.Contains(j) ? 1.0 : 0.0)]);

    /// <summary>
    /// The share of feature pairs of different usefulness (e.g. |true coefficient|) in which the more useful feature is
    /// dropped at the larger λ; a tie in λ counts ½. 1 = L1 drops them exactly in order of usefulness; NaN when every
    /// feature is equally useful.
    /// </summary>
    public static double UsefulLastShare(IReadOnlyList<double> dropLambdas, IReadOnlyList<double> usefulness)
    {
        if (usefulness.Count != dropLambdas.Count)
        {
            throw new ArgumentException($"usefulness has {usefulness.Count} values but dropLambdas has {dropLambdas.Count}; pass one per feature.", nameof(usefulness));
        }

        double score = 0;
        int pairs = 0;
        for (int i = 0; i < dropLambdas.Count; i++)
        {
            for (int j = 0; j < dropLambdas.Count; j++)
            {
                if (usefulness[i] > usefulness[j])
                {
                    pairs++;
                    score += dropLambdas[i] > dropLambdas[j] ? 1 : dropLambdas[i] == dropLambdas[j] ? 0.5 : 0;
                }
            }
        }

        return pairs == 0 ? double.NaN : score / pairs;
    }

    /// <summary>Precision and recall of the non-zero weights as a selection of the truly informative features.</summary>
    /// <returns>Precision = |kept ∩ informative| / |kept| (NaN when nothing is kept); recall = |kept ∩ informative| / |informative|.</returns>
    public static (int Kept, double Precision, double Recall) Recovery(IReadOnlyList<double> weights, IReadOnlyCollection<int> informative)
    {
        int kept = 0;
        int hits = 0;
        for (int j = 0; j < weights.Count; j++)
        {
            if (weights[j] != 0)
            {
                kept++;
                hits += informative.Contains(j) ? 1 : 0;
            }
        }

        double precision = kept == 0 ? double.NaN : (double)hits / kept;
        double recall = informative.Count == 0 ? double.NaN : (double)hits / informative.Count;
        return (kept, precision, recall);
    }

    /// <summary>The number of non-zero weights in a group and the share of the group's total |w| held by its largest member.</summary>
    /// <returns>Share = max|w_j| / Σ|w_j| over the group: 1 when one member holds all, 1/size when shared equally; NaN when all are 0.</returns>
    public static (int Kept, double LargestShare, int Largest) GroupShare(IReadOnlyList<double> weights, IReadOnlyList<int> group)
    {
        int kept = 0;
        double sum = 0;
        double max = -1;
        int largest = -1;
        foreach (int j in group)
        {
            double a = Math.Abs(weights[j]);
            kept += a != 0 ? 1 : 0;
            sum += a;
            if (a > max)
            {
                max = a;
                largest = j;
            }
        }

        return sum == 0 ? (0, double.NaN, -1) : (kept, max / sum, largest);
    }

    /// <summary>The index of the smallest value, ignoring NaN; the first one on ties (the weakest penalty).</summary>
    public static int ArgMin(IReadOnlyList<double> values)
    {
        int best = -1;
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsNaN(values[i]) && (best < 0 || values[i] < values[best]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>How many consecutive steps of a sequence strictly decrease, out of how many steps.</summary>
    public static (int Decreases, int Steps) Decreases(IReadOnlyList<double> values)
    {
        int decreases = 0;
        for (int i = 1; i < values.Count; i++)
        {
            decreases += values[i] < values[i - 1] ? 1 : 0;
        }

        return (decreases, Math.Max(0, values.Count - 1));
    }

    /// <summary>A log-spaced grid: <c>10^(log10(min) + k/pointsPerDecade)</c> up to <paramref name="max"/> (inclusive, up to rounding).</summary>
    public static double[] LogGrid(double min, double max, int pointsPerDecade)
    {
        if (!(min > 0 && max >= min && double.IsFinite(max)))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, $"min is {min} and max is {max}; the grid needs 0 < min <= max < infinity. Pass e.g. min 0.01, max 10000.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerDecade, 1);
        double start = Math.Log10(min);
        int steps = (int)Math.Round((Math.Log10(max) - start) * pointsPerDecade);
        return [.. Enumerable.Range(0, steps + 1).Select(k => Math.Pow(10, start + ((double)k / pointsPerDecade)))];
    }

    /// <summary>The smallest |r| between any two columns of a group (Pearson correlation).</summary>
    public static double MinAbsCorrelation(IReadOnlyList<double[]> columns)
    {
        double min = 1;
        for (int a = 0; a < columns.Count; a++)
        {
            for (int b = a + 1; b < columns.Count; b++)
            {
                min = Math.Min(min, Math.Abs(MathNet.Numerics.Statistics.Correlation.Pearson(columns[a], columns[b])));
            }
        }

        return min;
    }
}
