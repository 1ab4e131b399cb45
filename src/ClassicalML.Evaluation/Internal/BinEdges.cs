namespace ClassicalML.Evaluation;

/// <summary>
/// The bin edges and bin ids of scikit-learn 1.2's <c>calibration_curve</c>, bit for bit: a probability equal to an
/// edge goes to the lower bin, so the edges must be numpy's doubles exactly, not merely close.
/// </summary>
/// <remarks>
/// Hand-written rather than MathNet's R7 quantile: the same definition (Hyndman–Fan type 7), but numpy's rounding
/// (its <c>linspace</c>, <c>q · 100 / 100</c>, and its two-sided <c>_lerp</c>) decides which bin an edge value joins.
/// </remarks>
internal static class BinEdges
{
    /// <summary>numpy's <c>linspace(0, 1, bins + 1)</c>: i · (1 / bins), the last exactly 1.</summary>
    internal static double[] Uniform(int bins)
    {
        var edges = new double[bins + 1];
        double step = 1.0 / bins;
        for (int i = 0; i < bins; i++)
        {
            edges[i] = i * step;
        }

        edges[bins] = 1.0;
        return edges;
    }

    /// <summary>numpy's <c>percentile(p, linspace(0, 1, bins + 1) · 100)</c> (method "linear") of validated probabilities.</summary>
    internal static double[] Quantile(ReadOnlySpan<double> probabilities, int bins)
    {
        // The one sort of the library (ScoreOrder's order-preserving keys), on all values at once.
        var keys = new ulong[probabilities.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ScoreOrder.Key(probabilities[i]);
        }

        ScoreOrder.RadixSort(keys, new ulong[keys.Length]);
        double[] fractions = Uniform(bins);
        var edges = new double[bins + 1];
        int n = keys.Length;
        for (int k = 0; k <= bins; k++)
        {
            double virtualIndex = (n - 1) * (fractions[k] * 100 / 100);
            if (virtualIndex >= n - 1)
            {
                edges[k] = ScoreOrder.Score(keys[n - 1]);
                continue;
            }

            int previous = (int)Math.Floor(virtualIndex);
            double gamma = virtualIndex - previous;
            double a = ScoreOrder.Score(keys[previous]);
            double b = ScoreOrder.Score(keys[previous + 1]);
            double difference = b - a;
            edges[k] = gamma >= 0.5 ? b - (difference * (1 - gamma)) : a + (difference * gamma);
        }

        return edges;
    }

    /// <summary>
    /// The weighted <see cref="Quantile(ReadOnlySpan{double}, int)"/>: row k of the sorted rows of weight above 0 holds
    /// the positions [C_(k−1), C_k) of the cumulative weights, the virtual index is (W − 1)·q and the value at a position
    /// is its row's probability; for integer weights, numpy's percentile of the rows repeated weight times, bit for bit.
    /// </summary>
    internal static double[] Quantile(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> weights, int bins)
    {
        var order = new List<(double P, double W)>(probabilities.Length);
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (weights[i] > 0)
            {
                order.Add((probabilities[i], weights[i]));
            }
        }

        order.Sort((a, b) => a.P.CompareTo(b.P));
        var cumulative = new double[order.Count];
        double total = 0;
        for (int k = 0; k < order.Count; k++)
        {
            total += order[k].W;
            cumulative[k] = total;
        }

        // The probability at position y: the first row whose cumulative weight exceeds y (the last row beyond W).
        double At(double y)
        {
            int k = Array.BinarySearch(cumulative, y);
            k = k >= 0 ? k + 1 : ~k;
            return order[Math.Min(k, order.Count - 1)].P;
        }

        double[] fractions = Uniform(bins);
        var edges = new double[bins + 1];
        for (int q = 0; q <= bins; q++)
        {
            double virtualIndex = (total - 1) * (fractions[q] * 100 / 100);
            if (virtualIndex >= total - 1)
            {
                edges[q] = order[^1].P;
                continue;
            }

            double previous = Math.Floor(virtualIndex);
            double gamma = virtualIndex - previous;
            double a = At(previous);
            double b = At(previous + 1);
            double difference = b - a;
            edges[q] = gamma >= 0.5 ? b - (difference * (1 - gamma)) : a + (difference * gamma);
        }

        return edges;
    }

    /// <summary>numpy's <c>searchsorted(edges[1:-1], p)</c>: the number of inner edges strictly below p.</summary>
    internal static int BinOf(double[] edges, double probability)
    {
        int low = 1;
        int high = edges.Length - 1; // inner edges are edges[1 .. bins − 1]
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (edges[mid] < probability)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low - 1;
    }
}
