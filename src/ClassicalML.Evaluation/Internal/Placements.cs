namespace ClassicalML.Evaluation;

/// <summary>
/// DeLong's structural components (placement values) per distinct score, from one
/// <see cref="ScoreOrder.SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> walked with <see cref="TieGroups"/>:
/// the ranking that <see cref="DeLong"/> builds its variances on.
/// </summary>
/// <remarks>
/// For a positive x_i: V10_i = (#{negatives below x_i} + ½·#{negatives tied with x_i}) / N; for a negative y_j:
/// V01_j = (#{positives above y_j} + ½·#{positives tied with y_j}) / P. These are Sun and Xu's (2014) midrank
/// expressions (T_Z(x_i) − T_X(x_i)) / N and 1 − (T_Z(y_j) − T_Y(y_j)) / P written as counts. Both depend on the score
/// only, so they are kept once per group of tied scores (one walk of the sorted keys, O(n) after the sort): a
/// variance is a sum over groups weighted by their counts, and a covariance of two models looks each row's group up
/// by binary search in the distinct keys (O(n log G)). θ comes from <see cref="RankingSums"/> (exact integer
/// Mann–Whitney sum) and equals the mean of V10 and of V01.
/// </remarks>
internal sealed class Placements
{
    private readonly ulong[] _keys; // distinct score keys, ascending
    private readonly double[] _positive; // V10 of a positive with that score
    private readonly double[] _negative; // V01 of a negative with that score
    private readonly double[] _positives; // numbers of rows, or sums of weights when weighted
    private readonly double[] _negatives;

    private Placements(SortedKeys sorted)
    {
        int groups = 0;
        var walk = new TieGroups(sorted);
        while (walk.Next(out _, out _, out _))
        {
            groups++;
        }

        _keys = new ulong[groups];
        _positive = new double[groups];
        _negative = new double[groups];
        _positives = new double[groups];
        _negatives = new double[groups];
        Positives = sorted.Positives;
        Negatives = sorted.Negatives;
        var totals = new TieGroups(sorted);
        double allPositives = 0;
        double allNegatives = 0;
        for (int g = groups - 1; Next(ref totals, sorted, out ulong key, out double p, out double q); g--)
        {
            (_keys[g], _positives[g], _negatives[g]) = (key, p, q);
            allPositives += p;
            allNegatives += q;
        }

        PositiveWeight = allPositives;
        NegativeWeight = allNegatives;
        double above = 0; // positives above the group
        double notBelow = 0; // negatives in or above the group
        for (int g = groups - 1; g >= 0; g--)
        {
            double p = _positives[g];
            double q = _negatives[g];
            notBelow += q;
            _positive[g] = (NegativeWeight - notBelow + (0.5 * q)) / NegativeWeight;
            _negative[g] = (above + (0.5 * p)) / PositiveWeight;
            above += p;
        }

        Auc = RankingSums.From(sorted).Auc;
    }

    /// <summary>The next tie group's positives and negatives: row counts, or sums of weights for weighted keys.</summary>
    private static bool Next(ref TieGroups walk, SortedKeys sorted, out ulong key, out double positives, out double negatives)
    {
        bool more;
        if (sorted.Weights is null)
        {
            more = walk.Next(out key, out long p, out long q);
            (positives, negatives) = (p, q);
        }
        else
        {
            more = walk.NextWeighted(out key, out _, out _, out positives, out negatives);
        }

        return more;
    }

    /// <summary>θ, the AUC; NaN when a class is missing.</summary>
    internal double Auc { get; }

    /// <summary>P.</summary>
    internal int Positives { get; }

    /// <summary>N.</summary>
    internal int Negatives { get; }

    /// <summary>W₊, the positives' weight (= P unweighted).</summary>
    internal double PositiveWeight { get; }

    /// <summary>W₋, the negatives' weight (= N unweighted).</summary>
    internal double NegativeWeight { get; }

    /// <summary>
    /// Whether the sample variances are defined: W₊ and W₋ above 1 (at least 2 positives and 2 negatives unweighted;
    /// weights are frequency weights, so W − 1 is the divisor).
    /// </summary>
    internal bool HasVariance => PositiveWeight > 1 && NegativeWeight > 1;

    /// <summary>The placements of validated inputs (equal lengths, finite scores).</summary>
    internal static Placements From(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) =>
        new(ScoreOrder.SortByClass(labels, scores));

    /// <summary>The weighted placements of validated inputs (rows of weight 0 left out).</summary>
    internal static Placements From(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights) =>
        new(ScoreOrder.SortByClass(labels, scores, weights));

    /// <summary>DeLong's Var(θ) = S₁₀/P + S₀₁/N, summed over the groups of tied scores; NaN unless <see cref="HasVariance"/>.</summary>
    internal double Variance()
    {
        if (!HasVariance)
        {
            return double.NaN;
        }

        double s10 = 0;
        double s01 = 0;
        for (int g = 0; g < _keys.Length; g++)
        {
            double x = _positive[g] - Auc;
            double y = _negative[g] - Auc;
            s10 += _positives[g] * x * x;
            s01 += _negatives[g] * y * y;
        }

        return (s10 / (PositiveWeight - 1) / PositiveWeight) + (s01 / (NegativeWeight - 1) / NegativeWeight);
    }

    /// <summary>
    /// Var(θ_A), Var(θ_B) and Cov(θ_A, θ_B) of two models' placements on the same rows, summed row by row (so identical
    /// models give three identical sums, and a zero variance of their difference); NaN unless both have variances.
    /// </summary>
    internal static (double VarianceA, double VarianceB, double Covariance) Moments(
        Placements a, Placements b, ReadOnlySpan<bool> labels, ReadOnlySpan<double> scoresA, ReadOnlySpan<double> scoresB, ReadOnlySpan<double> weights = default)
    {
        if (!a.HasVariance)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        Span<double> sums = stackalloc double[6]; // positives' AA, BB, AB, then negatives'
        for (int i = 0; i < labels.Length; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            if (w == 0)
            {
                continue; // left out of the placements: its score may be no group
            }

            int ga = a.GroupOf(ScoreOrder.Key(scoresA[i]));
            int gb = b.GroupOf(ScoreOrder.Key(scoresB[i]));
            int o = labels[i] ? 0 : 3;
            double x = (labels[i] ? a._positive[ga] : a._negative[ga]) - a.Auc;
            double y = (labels[i] ? b._positive[gb] : b._negative[gb]) - b.Auc;
            sums[o] += w * x * x;
            sums[o + 1] += w * y * y;
            sums[o + 2] += w * x * y;
        }

        double p = a.PositiveWeight;
        double n = a.NegativeWeight;
        return (
            (sums[0] / (p - 1) / p) + (sums[3] / (n - 1) / n),
            (sums[1] / (p - 1) / p) + (sums[4] / (n - 1) / n),
            (sums[2] / (p - 1) / p) + (sums[5] / (n - 1) / n));
    }

    /// <summary>The group of a key that occurs in the scores (distinct keys: the one match of a binary search).</summary>
    private int GroupOf(ulong key) => _keys.AsSpan().BinarySearch(key);
}
