namespace ClassicalML.Evaluation;

/// <summary>
/// DeLong's structural components (placement values) of every row, in row order within each class, from one
/// <see cref="ScoreOrder.SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>: the owner of the ranking that
/// <see cref="DeLong"/> builds its variances on.
/// </summary>
/// <remarks>
/// For a positive x_i: V10_i = (#{negatives below x_i} + ½·#{negatives tied with x_i}) / N; for a negative y_j:
/// V01_j = (#{positives above y_j} + ½·#{positives tied with y_j}) / P. These are Sun and Xu's (2014) midrank
/// expressions (T_Z(x_i) − T_X(x_i)) / N and 1 − (T_Z(y_j) − T_Y(y_j)) / P written as counts: each count is a binary
/// search in the other class's sorted keys, O(n log n) in all. The AUC θ is the mean of V10 and of V01; it is taken
/// from <see cref="RankingSums"/> (exact integer Mann–Whitney sum) rather than re-added.
/// </remarks>
internal sealed class Placements
{
    private Placements(double[] positives, double[] negatives, double auc)
    {
        Positive = positives;
        Negative = negatives;
        Auc = auc;
    }

    /// <summary>V10 of each positive, in the order the positives appear in the rows.</summary>
    internal double[] Positive { get; }

    /// <summary>V01 of each negative, in the order the negatives appear in the rows.</summary>
    internal double[] Negative { get; }

    /// <summary>θ, the AUC; NaN when a class is missing.</summary>
    internal double Auc { get; }

    /// <summary>The placements of validated inputs (equal lengths, finite scores).</summary>
    internal static Placements From(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        SortedKeys sorted = ScoreOrder.SortByClass(labels, scores);
        ReadOnlySpan<ulong> positiveKeys = sorted.Keys.AsSpan(0, sorted.Positives);
        ReadOnlySpan<ulong> negativeKeys = sorted.Keys.AsSpan(sorted.Positives);
        var positive = new double[sorted.Positives];
        var negative = new double[sorted.Negatives];
        double p = sorted.Positives;
        double n = sorted.Negatives;
        int i = 0;
        int j = 0;
        for (int row = 0; row < scores.Length; row++)
        {
            ulong key = ScoreOrder.Key(scores[row]);
            if (labels[row])
            {
                (int below, int tied) = Rank(negativeKeys, key);
                positive[i++] = (below + (0.5 * tied)) / n;
            }
            else
            {
                (int below, int tied) = Rank(positiveKeys, key);
                negative[j++] = (positiveKeys.Length - below - tied + (0.5 * tied)) / p;
            }
        }

        return new Placements(positive, negative, RankingSums.From(sorted).Auc);
    }

    /// <summary>Σ (a_k − mean_a)(b_k − mean_b) / (count − 1): a sample covariance of two components; NaN for fewer than 2.</summary>
    internal static double Covariance(double[] a, double meanA, double[] b, double meanB)
    {
        if (a.Length < 2)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int k = 0; k < a.Length; k++)
        {
            sum += (a[k] - meanA) * (b[k] - meanB);
        }

        return sum / (a.Length - 1);
    }

    /// <summary>How many keys are below <paramref name="key"/> and how many equal it, by two binary searches (a
    /// finite score's key is below <see cref="ulong.MaxValue"/>, so key + 1 bounds the tie from above).</summary>
    private static (int Below, int Tied) Rank(ReadOnlySpan<ulong> ascending, ulong key)
    {
        int below = LowerBound(ascending, key);
        return (below, LowerBound(ascending, key + 1) - below);
    }

    private static int LowerBound(ReadOnlySpan<ulong> ascending, ulong key)
    {
        int low = 0;
        int high = ascending.Length;
        while (low < high)
        {
            int mid = (int)((uint)(low + high) >> 1);
            if (ascending[mid] < key)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
