namespace ClassicalML.Evaluation;

/// <summary>
/// Weighted rows for the bootstrap from multiplicities: a code per distinct (class, score, weight), in the order
/// <see cref="ScoreOrder.SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double})"/> sorts them (each
/// class by score, then weight, ascending), so a group's weight sums add the drawn weights in the order the weighted
/// <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double})"/> adds them: the same bits.
/// </summary>
/// <remarks>Rows of weight 0 take no part (as in the weighted metrics) and share one last code that is never read; a
/// resample of them only has no weight, and its value is NaN.</remarks>
internal sealed class WeightedRankedRows : RankedRows
{
    private readonly int _groups;
    private readonly double[] _weights; // per code
    private readonly int[] _positiveStart; // codes of group g's positives: [_positiveStart[g], _positiveStart[g + 1])
    private readonly int[] _negativeStart;

    internal WeightedRankedRows(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        SortedKeys sorted = ScoreOrder.SortByClass(labels, scores, weights);
        ulong[] groupKeys = GroupKeys(sorted);
        _groups = groupKeys.Length;
        double[] sortedWeights = sorted.Weights!;
        var codeWeights = new List<double>();
        _positiveStart = Starts(sorted.Keys.AsSpan(0, sorted.Positives), sortedWeights.AsSpan(0, sorted.Positives), groupKeys, codeWeights);
        _negativeStart = Starts(sorted.Keys.AsSpan(sorted.Positives), sortedWeights.AsSpan(sorted.Positives), groupKeys, codeWeights);
        _weights = [.. codeWeights];
        var codes = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if (weights[i] == 0)
            {
                codes[i] = _weights.Length;
                continue;
            }

            int g = Array.BinarySearch(groupKeys, ScoreOrder.Key(scores[i]));
            int[] start = labels[i] ? _positiveStart : _negativeStart;
            codes[i] = Array.BinarySearch(_weights, start[g], start[g + 1] - start[g], weights[i]);
        }

        Codes = codes;
        CodeCount = _weights.Length + 1;
    }

    internal override int ScratchLength => 2 * _groups;

    internal override double Evaluate(Span<int> counts, Span<double> scratch, bool averagePrecision)
    {
        // The totals group by group from the highest, as the weighted metric sums them; then the groups again.
        Span<double> positiveSums = scratch[.._groups];
        Span<double> negativeSums = scratch[_groups..];
        double positives = 0;
        double negatives = 0;
        for (int g = _groups - 1; g >= 0; g--)
        {
            positiveSums[g] = Sum(counts, _positiveStart[g], _positiveStart[g + 1]);
            negativeSums[g] = Sum(counts, _negativeStart[g], _negativeStart[g + 1]);
            positives += positiveSums[g];
            negatives += negativeSums[g];
        }

        counts.Clear();
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var sums = new RankingSums(positives, negatives);
        for (int g = _groups - 1; g >= 0; g--)
        {
            if (positiveSums[g] > 0 || negativeSums[g] > 0)
            {
                sums.AddWeighted(positiveSums[g], negativeSums[g]);
            }
        }

        return averagePrecision ? sums.AveragePrecision : sums.Auc;
    }

    /// <summary>The drawn weights of codes [from, to), each weight added once per draw, in code order.</summary>
    private double Sum(Span<int> counts, int from, int to)
    {
        double sum = 0;
        for (int code = from; code < to; code++)
        {
            double w = _weights[code];
            for (int k = counts[code]; k > 0; k--)
            {
                sum += w;
            }
        }

        return sum;
    }

    /// <summary>Appends one class's distinct (key, weight) codes; returns where each group's codes start (length groups + 1).</summary>
    private static int[] Starts(ReadOnlySpan<ulong> keys, ReadOnlySpan<double> weights, ulong[] groupKeys, List<double> codeWeights)
    {
        var start = new int[groupKeys.Length + 1];
        int code = codeWeights.Count;
        start[0] = code;
        int g = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (i > 0 && keys[i] == keys[i - 1] && weights[i] == weights[i - 1])
            {
                continue;
            }

            while (groupKeys[g] < keys[i])
            {
                start[++g] = code;
            }

            codeWeights.Add(weights[i]);
            code++;
        }

        while (g < groupKeys.Length)
        {
            start[++g] = code;
        }

        return start;
    }
}
