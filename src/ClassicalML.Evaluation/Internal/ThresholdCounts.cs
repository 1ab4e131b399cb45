namespace ClassicalML.Evaluation;

/// <summary>
/// Cumulative true and false positives at every distinct score, highest score first: the
/// counterpart of scikit-learn's <c>_binary_clf_curve</c>. Entry k says what happens when rows
/// with score &gt;= <see cref="Thresholds"/>[k] are predicted positive. Hand-written because
/// neither ML.NET nor MathNet exposes it. With row weights the counts are sums of weights
/// (<see cref="TruePositiveWeight"/>, <see cref="FalsePositiveWeight"/>), and rows of weight 0 are left out as
/// scikit-learn leaves them out, so their scores are no thresholds.
/// </summary>
internal sealed class ThresholdCounts
{
    private readonly double[]? _tpWeights;
    private readonly double[]? _fpWeights;

    private ThresholdCounts(double[] thresholds, long[] truePositives, long[] falsePositives, long positives, long negatives, double[]? tpWeights = null, double[]? fpWeights = null)
    {
        Thresholds = thresholds;
        TruePositives = truePositives;
        FalsePositives = falsePositives;
        Positives = positives;
        Negatives = negatives;
        _tpWeights = tpWeights;
        _fpWeights = fpWeights;
        PositiveWeight = tpWeights is null ? positives : tpWeights.Length == 0 ? 0 : tpWeights[^1];
        NegativeWeight = fpWeights is null ? negatives : fpWeights.Length == 0 ? 0 : fpWeights[^1];
    }

    /// <summary>Distinct scores, strictly decreasing.</summary>
    internal double[] Thresholds { get; }

    /// <summary>TruePositives[k]: positives with score &gt;= Thresholds[k] (rows, whatever their weights).</summary>
    internal long[] TruePositives { get; }

    /// <summary>FalsePositives[k]: negatives with score &gt;= Thresholds[k] (rows, whatever their weights).</summary>
    internal long[] FalsePositives { get; }

    /// <summary>Number of positive labels (P), rows of weight 0 left out when weighted.</summary>
    internal long Positives { get; }

    /// <summary>Number of negative labels (N), rows of weight 0 left out when weighted.</summary>
    internal long Negatives { get; }

    /// <summary>True when the counts are sums of row weights.</summary>
    internal bool IsWeighted => _tpWeights is not null;

    /// <summary>The positives' total weight (<see cref="Positives"/> when unweighted).</summary>
    internal double PositiveWeight { get; }

    /// <summary>The negatives' total weight (<see cref="Negatives"/> when unweighted).</summary>
    internal double NegativeWeight { get; }

    /// <summary>Number of distinct scores.</summary>
    internal int Count => Thresholds.Length;

    /// <summary>The weight of the positives with score &gt;= Thresholds[k] (<see cref="TruePositives"/>[k] when unweighted).</summary>
    internal double TruePositiveWeight(int k) => _tpWeights is null ? TruePositives[k] : _tpWeights[k];

    /// <summary>The weight of the negatives with score &gt;= Thresholds[k] (<see cref="FalsePositives"/>[k] when unweighted).</summary>
    internal double FalsePositiveWeight(int k) => _fpWeights is null ? FalsePositives[k] : _fpWeights[k];

    /// <summary>Sorts once (<see cref="ScoreOrder"/>) and accumulates counts per tie group. Inputs must be validated.</summary>
    internal static ThresholdCounts From(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) =>
        From(ScoreOrder.SortByClass(labels, scores));

    /// <summary>Like <see cref="From(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> with row weights (validated).</summary>
    internal static ThresholdCounts From(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights) =>
        From(ScoreOrder.SortByClass(labels, scores, weights));

    private static ThresholdCounts From(SortedKeys sorted)
    {
        int distinct = 0;
        var counting = new TieGroups(sorted);
        while (counting.Next(out _, out _, out _))
        {
            distinct++;
        }

        var thresholds = new double[distinct];
        var tps = new long[distinct];
        var fps = new long[distinct];
        double[]? tpWeights = sorted.Weights is null ? null : new double[distinct];
        double[]? fpWeights = sorted.Weights is null ? null : new double[distinct];
        long tp = 0;
        long fp = 0;
        double tpWeight = 0;
        double fpWeight = 0;
        var groups = new TieGroups(sorted);
        for (int k = 0; k < distinct; k++)
        {
            ulong key;
            long p;
            long q;
            if (tpWeights is null)
            {
                groups.Next(out key, out p, out q);
            }
            else
            {
                groups.NextWeighted(out key, out p, out q, out double wp, out double wq);
                tpWeights[k] = tpWeight += wp;
                fpWeights![k] = fpWeight += wq;
            }

            tp += p;
            fp += q;
            thresholds[k] = ScoreOrder.Score(key);
            tps[k] = tp;
            fps[k] = fp;
        }

        return new ThresholdCounts(thresholds, tps, fps, tp, fp, tpWeights, fpWeights);
    }
}
