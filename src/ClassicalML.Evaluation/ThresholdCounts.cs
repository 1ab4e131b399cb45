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
        (double[] sorted, bool[] sortedLabels) = ScoreOrder.Descending(labels, scores);
        int n = sorted.Length;
        int distinct = n == 0 ? 0 : 1;
        for (int i = 1; i < n; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        var thresholds = new double[distinct];
        var tps = new long[distinct];
        var fps = new long[distinct];
        long tp = 0;
        long fp = 0;
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            if (sortedLabels[i])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            // Close the group at the last row of each run of equal scores.
            if (i == n - 1 || sorted[i + 1] != sorted[i])
            {
                thresholds[k] = sorted[i];
                tps[k] = tp;
                fps[k] = fp;
                k++;
            }
        }

        return new ThresholdCounts(thresholds, tps, fps, tp, fp);
    }
}
