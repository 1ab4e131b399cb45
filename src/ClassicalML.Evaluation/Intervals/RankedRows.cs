namespace ClassicalML.Evaluation;

/// <summary>
/// One model's rows sorted once for bootstrapping a ranking metric: each row gets a code (its tie group and class, and
/// weighted, its weight) so that a resample is evaluated from how often it drew each code, without sorting it.
/// </summary>
/// <remarks>
/// A resample drawn with replacement is a multiset of the original rows. Its sorted scores are the original groups of
/// tied scores, each with its positives and negatives counted with multiplicity (groups it did not draw are absent), so
/// feeding <see cref="RankingSums"/> the non-empty groups from the highest score down gives exactly the sums
/// <see cref="ScoreOrder"/> and <see cref="TieGroups"/> give for the materialised resample: the same ROC AUC and average
/// precision bit for bit, in O(n + groups) per resample instead of a sort.
/// </remarks>
internal abstract class RankedRows
{
    /// <summary>Per row, the counter a draw of the row increments, in [0, <see cref="CodeCount"/>).</summary>
    internal int[] Codes { get; private protected init; } = [];

    /// <summary>The number of counters a resample needs.</summary>
    internal int CodeCount { get; private protected init; }

    /// <summary>The number of doubles of scratch <see cref="Evaluate"/> needs.</summary>
    internal virtual int ScratchLength => 0;

    /// <summary>The unweighted rows (inputs validated).</summary>
    internal static RankedRows Of(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) => new Unweighted(labels, scores);

    /// <summary>The weighted rows (inputs and weights validated).</summary>
    internal static RankedRows Of(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights) =>
        new WeightedRankedRows(labels, scores, weights);

    /// <summary>The metric of a resample from its count per code, which it resets to 0 for the next resample; NaN when undefined.</summary>
    internal abstract double Evaluate(Span<int> counts, Span<double> scratch, bool averagePrecision);

    /// <summary>The distinct keys of <paramref name="sorted"/>, ascending (one per tie group).</summary>
    private protected static ulong[] GroupKeys(SortedKeys sorted)
    {
        var descending = new List<ulong>();
        var groups = new TieGroups(sorted);
        while (groups.Next(out ulong key, out _, out _))
        {
            descending.Add(key);
        }

        ulong[] ascending = [.. descending];
        Array.Reverse(ascending);
        return ascending;
    }

    /// <summary>Code 2g + 1 for a positive of group g, 2g for a negative.</summary>
    internal sealed class Unweighted : RankedRows
    {
        private readonly int _groups;

        internal Unweighted(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
        {
            ulong[] keys = GroupKeys(ScoreOrder.SortByClass(labels, scores));
            var codes = new int[labels.Length];
            for (int i = 0; i < labels.Length; i++)
            {
                codes[i] = (2 * Array.BinarySearch(keys, ScoreOrder.Key(scores[i]))) + (labels[i] ? 1 : 0);
            }

            Codes = codes;
            _groups = keys.Length;
            CodeCount = 2 * keys.Length;
        }

        internal override double Evaluate(Span<int> counts, Span<double> scratch, bool averagePrecision)
        {
            RankingSums sums = Sums(counts);
            return averagePrecision ? sums.AveragePrecision : sums.Auc; // NaN when a class is missing
        }

        /// <summary>
        /// The ranking sums of a resample from its count per code, which it resets to 0: the non-empty groups fed from the
        /// highest score down, as <see cref="RankingSums.From"/> feeds the materialised resample's tie groups.
        /// </summary>
        internal RankingSums Sums(Span<int> counts)
        {
            long positives = 0;
            long negatives = 0;
            for (int g = 0; g < _groups; g++)
            {
                negatives += counts[2 * g];
                positives += counts[(2 * g) + 1];
            }

            var sums = new RankingSums(positives, negatives, bounds: false);
            for (int g = _groups - 1; g >= 0; g--)
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

            return sums;
        }
    }
}
