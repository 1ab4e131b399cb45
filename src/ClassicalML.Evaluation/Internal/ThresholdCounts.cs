namespace ClassicalML.Evaluation;

/// <summary>
/// Cumulative true and false positives at every distinct score, highest score first: the
/// counterpart of scikit-learn's <c>_binary_clf_curve</c>. Entry k says what happens when rows
/// with score &gt;= <see cref="Thresholds"/>[k] are predicted positive. Hand-written because
/// neither ML.NET nor MathNet exposes it.
/// </summary>
internal sealed class ThresholdCounts
{
    private ThresholdCounts(double[] thresholds, long[] truePositives, long[] falsePositives, long positives, long negatives)
    {
        Thresholds = thresholds;
        TruePositives = truePositives;
        FalsePositives = falsePositives;
        Positives = positives;
        Negatives = negatives;
    }

    /// <summary>Distinct scores, strictly decreasing.</summary>
    internal double[] Thresholds { get; }

    /// <summary>TruePositives[k]: positives with score &gt;= Thresholds[k].</summary>
    internal long[] TruePositives { get; }

    /// <summary>FalsePositives[k]: negatives with score &gt;= Thresholds[k].</summary>
    internal long[] FalsePositives { get; }

    /// <summary>Number of positive labels (P).</summary>
    internal long Positives { get; }

    /// <summary>Number of negative labels (N).</summary>
    internal long Negatives { get; }

    /// <summary>Number of distinct scores.</summary>
    internal int Count => Thresholds.Length;

    /// <summary>Sorts once (<see cref="ScoreOrder"/>) and accumulates counts per tie group. Inputs must be validated.</summary>
    internal static ThresholdCounts From(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        SortedKeys sorted = ScoreOrder.SortByClass(labels, scores);
        int distinct = 0;
        var counting = new TieGroups(sorted);
        while (counting.Next(out _, out _, out _))
        {
            distinct++;
        }

        var thresholds = new double[distinct];
        var tps = new long[distinct];
        var fps = new long[distinct];
        long tp = 0;
        long fp = 0;
        int k = 0;
        var groups = new TieGroups(sorted);
        while (groups.Next(out ulong key, out long p, out long q))
        {
            tp += p;
            fp += q;
            thresholds[k] = ScoreOrder.Score(key);
            tps[k] = tp;
            fps[k] = fp;
            k++;
        }

        return new ThresholdCounts(thresholds, tps, fps, tp, fp);
    }
}
