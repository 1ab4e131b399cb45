namespace ClassicalML.Evaluation;

/// <summary>
/// One model's rows sorted once for bootstrapping a ranking metric: each row's tie group (its rank among the distinct
/// scores) and class, so that a resample is evaluated from how often it drew each row, without sorting it.
/// </summary>
/// <remarks>
/// A resample drawn with replacement is a multiset of the original rows. Its sorted scores are the original groups of
/// tied scores, each with p_g positives and q_g negatives counted with multiplicity (groups it did not draw are absent),
/// so feeding <see cref="RankingSums"/> the non-empty groups from the highest score down gives exactly the sums
/// <see cref="ScoreOrder"/> and <see cref="TieGroups"/> give for the materialised resample: the same ROC AUC and average
/// precision bit for bit, in O(n + groups) per resample instead of a sort.
/// </remarks>
internal sealed class RankedRows
{
    /// <summary>Ranks the rows (inputs validated): one sort of the scores, by <see cref="ScoreOrder"/>.</summary>
    internal RankedRows(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        SortedKeys sorted = ScoreOrder.SortByClass(labels, scores);
        var descending = new List<ulong>();
        var groups = new TieGroups(sorted);
        while (groups.Next(out ulong key, out _, out _))
        {
            descending.Add(key);
        }

        ulong[] ascending = [.. descending];
        Array.Reverse(ascending);
        Codes = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            int group = Array.BinarySearch(ascending, ScoreOrder.Key(scores[i]));
            Codes[i] = (2 * group) + (labels[i] ? 1 : 0);
        }

        Groups = ascending.Length;
    }

    /// <summary>Per row: 2 · (its group's rank among the distinct scores, ascending) + 1 if positive.</summary>
    internal int[] Codes { get; }

    /// <summary>The number of distinct scores.</summary>
    internal int Groups { get; }

    /// <summary>
    /// The metric of a resample from its counts per code (<c>counts[2g + 1]</c> positives and <c>counts[2g]</c> negatives
    /// drawn from group g), which it resets to 0 for the next resample.
    /// </summary>
    internal double Evaluate(Span<int> counts, long positives, long negatives, bool averagePrecision)
    {
        if (positives == 0 || negatives == 0)
        {
            counts.Clear();
            return double.NaN;
        }

        var sums = new RankingSums(positives, negatives, bounds: false);
        for (int g = Groups - 1; g >= 0; g--)
        {
            int q = counts[2 * g];
            int p = counts[(2 * g) + 1];
            if ((p | q) != 0)
            {
                sums.Add(p, q);
                counts[2 * g] = 0;
                counts[(2 * g) + 1] = 0;
            }
        }

        return averagePrecision ? sums.AveragePrecision : sums.Auc;
    }
}
