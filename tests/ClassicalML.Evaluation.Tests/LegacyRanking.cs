namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// Today's ranking algorithm frozen as it was at main d986eac, before issue #18 rewrote the fast path: scores become
/// <see cref="ScoreOrder.Key"/>s, each class's keys sorted (a comparison sort here: sorted keys are unique, so the
/// algorithm does not matter), weights sorted within each run of tied keys, groups of tied keys walked from the highest
/// down, and AUC (2U in 128-bit integers, or in doubles with weights) and AP accumulated per group exactly as
/// <c>RankingSums.Add</c> / <c>AddWeighted</c> did. The reference the bit-for-bit property tests compare with.
/// </summary>
internal static class LegacyRanking
{
    /// <summary>AUC and AP of unweighted rows (NaN when a class is missing).</summary>
    internal static (double Auc, double AveragePrecision) Unweighted(bool[] labels, double[] scores)
    {
        ulong[] positives = [.. scores.Where((_, i) => labels[i]).Select(ScoreOrder.Key).Order()];
        ulong[] negatives = [.. scores.Where((_, i) => !labels[i]).Select(ScoreOrder.Key).Order()];
        long p = positives.Length;
        long n = negatives.Length;
        if (p == 0 || n == 0)
        {
            return (double.NaN, double.NaN);
        }

        Int128 twiceU = 0;
        long tp = 0;
        long fp = 0;
        double ap = 0;
        double previousRecall = 0;
        foreach ((long gp, long gq, _, _) in Groups(positives, negatives, null, null))
        {
            tp += gp;
            fp += gq;
            long below = n - fp;
            twiceU += ((Int128)gp * (2 * below)) + ((Int128)gp * gq);
            double recall = tp / (double)p;
            double precision = tp / (double)(tp + fp);
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }

        return ((double)twiceU / (2.0 * p * n), ap);
    }

    /// <summary>AUC and AP with row weights (rows of weight 0 left out; NaN when a class weighs 0).</summary>
    internal static (double Auc, double AveragePrecision) Weighted(bool[] labels, double[] scores, double[] weights)
    {
        (ulong[] pk, double[] pw) = Run(labels, scores, weights, positive: true);
        (ulong[] nk, double[] nw) = Run(labels, scores, weights, positive: false);
        double totalP = 0;
        double totalN = 0;
        foreach ((_, _, double wp, double wq) in Groups(pk, nk, pw, nw))
        {
            totalP += wp;
            totalN += wq;
        }

        if (totalP == 0 || totalN == 0)
        {
            return (double.NaN, double.NaN);
        }

        double twiceU = 0;
        double tp = 0;
        double fp = 0;
        double ap = 0;
        double previousRecall = 0;
        foreach ((_, _, double p, double q) in Groups(pk, nk, pw, nw))
        {
            tp += p;
            fp += q;
            double below = totalN - fp;
            twiceU += (p * (2 * below)) + (p * q);
            double recall = tp / totalP;
            double precision = tp / (tp + fp);
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }

        return (twiceU / (2.0 * totalP * totalN), ap);
    }

    private static (ulong[] Keys, double[] Weights) Run(bool[] labels, double[] scores, double[] weights, bool positive)
    {
        (ulong Key, double Weight)[] rows =
        [
            .. Enumerable.Range(0, scores.Length)
                .Where(i => labels[i] == positive && weights[i] != 0)
                .Select(i => (ScoreOrder.Key(scores[i]), weights[i]))
                .OrderBy(r => r.Item1).ThenBy(r => r.Item2),
        ];
        return ([.. rows.Select(r => r.Key)], [.. rows.Select(r => r.Weight)]);
    }

    /// <summary>Groups of tied keys from the highest down: counts and (when weighted) sums of weights in ascending order.</summary>
    private static IEnumerable<(long P, long Q, double Wp, double Wq)> Groups(ulong[] pos, ulong[] neg, double[]? pw, double[]? nw)
    {
        int i = pos.Length - 1;
        int j = neg.Length - 1;
        while (i >= 0 || j >= 0)
        {
            ulong k = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.Max(pos[i], neg[j]);
            int i0 = i;
            int j0 = j;
            while (i >= 0 && pos[i] == k)
            {
                i--;
            }

            while (j >= 0 && neg[j] == k)
            {
                j--;
            }

            yield return (i0 - i, j0 - j, Sum(pw, i + 1, i0 + 1), Sum(nw, j + 1, j0 + 1));
        }
    }

    private static double Sum(double[]? weights, int from, int to)
    {
        double sum = 0;
        for (int k = from; weights is not null && k < to; k++)
        {
            sum += weights[k];
        }

        return sum;
    }
}
