namespace ClassicalML.Evaluation;

/// <summary>
/// ROC AUC and average precision accumulated over groups of tied scores fed from the highest
/// score down (from <see cref="TieGroups"/> or from the bins of a histogram). Also accumulates
/// the error bounds that apply when a group is a histogram bin rather than a true tie.
/// </summary>
/// <remarks>
/// For a group g with p_g positives and q_g negatives, with TP and FP the cumulative counts
/// after it: 2U += 2·p_g·(N − FP) + p_g·q_g (Mann–Whitney, ties ½) in exact integers;
/// AP += (TP/P − R_prev)·TP/(TP + FP). If the group's scores were not really tied, the true
/// ordering inside it changes U by at most ±p_g·q_g/2, hence the AUC bound Σ p_g·q_g / (2·P·N);
/// and each positive's precision lies between (TP₀+1)/(TP₀+1+FP₀+q_g) and (TP₀+p_g)/(TP₀+p_g+FP₀)
/// (TP₀, FP₀ before the group), which bounds the AP error by Σ (p_g/P)·(max − min).
/// With row weights (scikit-learn's <c>sample_weight</c>) p_g, q_g, P, N, TP and FP are sums of weights
/// (<see cref="RankingSums(double, double, bool)"/>, <see cref="AddWeighted"/>), summed in doubles: 2U += 2·w⁺_g·(W⁻ below g) + w⁺_g·w⁻_g,
/// AP as above. Weights that are integers give the unweighted bits while the sums stay below 2⁵³.
/// </remarks>
internal struct RankingSums
{
    private readonly long _positives;
    private readonly long _negatives;
    private readonly bool _bounds;
    private readonly bool _weighted;
    private readonly double _positiveWeight;
    private readonly double _negativeWeight;
    private Int128 _twiceU;
    private Int128 _tiedPairs;
    private long _tp;
    private long _fp;
    private double _twiceUWeight;
    private double _tiedPairsWeight;
    private double _tpWeight;
    private double _fpWeight;
    private double _apSum;
    private double _previousRecall;
    private double _apBound;

    /// <summary>Starts the sums for P positives and N negatives in total.</summary>
    /// <param name="positives">P.</param>
    /// <param name="negatives">N.</param>
    /// <param name="bounds">Accumulate the error bounds (groups that are histogram bins); false for true ties, where they are not needed.</param>
    internal RankingSums(long positives, long negatives, bool bounds)
    {
        _positives = positives;
        _negatives = negatives;
        _bounds = bounds;
    }

    /// <summary>Starts weighted sums for a total weight P of the positives and N of the negatives.</summary>
    /// <param name="positiveWeight">P, the sum of the positives' weights.</param>
    /// <param name="negativeWeight">N, the sum of the negatives' weights.</param>
    /// <param name="bounds">Accumulate the error bounds (groups that are histogram bins). The AP bound is looser than the
    /// unweighted one: a positive's precision in the group lies between TP₀/(TP₀ + FP₀ + q_g) and (TP₀ + p_g)/(TP₀ + p_g + FP₀).</param>
    internal RankingSums(double positiveWeight, double negativeWeight, bool bounds = false)
    {
        _weighted = true;
        _bounds = bounds;
        _positiveWeight = positiveWeight;
        _negativeWeight = negativeWeight;
    }

    /// <summary>True when a class is missing (no rows, or, weighted, a total weight of 0): AUC and AP are NaN.</summary>
    internal readonly bool OneClass => _weighted
        ? _positiveWeight == 0 || _negativeWeight == 0
        : _positives == 0 || _negatives == 0;

    /// <summary>Adds the next weighted group: the sums of its positives' and negatives' weights (sums started with <see cref="RankingSums(double, double, bool)"/>).</summary>
    internal void AddWeighted(double p, double q)
    {
        double tp0 = _tpWeight;
        double fp0 = _fpWeight;
        _tpWeight += p;
        _fpWeight += q;
        double below = _negativeWeight - _fpWeight;
        _twiceUWeight += (p * (2 * below)) + (p * q);
        if (_bounds)
        {
            _tiedPairsWeight += p * q;
        }

        if (_positiveWeight > 0)
        {
            AddPrecision(_tpWeight, _tpWeight + _fpWeight, _positiveWeight);
            if (_bounds && p > 0)
            {
                double high = (tp0 + p) / (tp0 + p + fp0);
                double low = tp0 + fp0 + q > 0 ? tp0 / (tp0 + fp0 + q) : 0.0;
                _apBound += p / _positiveWeight * (high - low);
            }
        }
    }

    /// <summary>Adds the next group (scores strictly below every group added before).</summary>
    internal void Add(long p, long q)
    {
        long tp0 = _tp;
        long fp0 = _fp;
        _tp += p;
        _fp += q;
        long below = _negatives - _fp;
        _twiceU += ((Int128)p * (2 * below)) + ((Int128)p * q);
        if (_bounds)
        {
            _tiedPairs += (Int128)p * q;
        }

        if (_positives > 0)
        {
            AddPrecision(_tp, _tp + _fp, _positives);
            if (_bounds && p > 0)
            {
                // Also when q = 0: AP depends on how positives tie (one threshold or several).
                double high = (tp0 + p) / (double)(tp0 + p + fp0);
                double low = (tp0 + 1) / (double)(tp0 + 1 + fp0 + q);
                _apBound += p / (double)_positives * (high - low);
            }
        }
    }

    /// <summary>U / (P·N); NaN when a class is missing.</summary>
    internal readonly double Auc => OneClass
        ? double.NaN
        : _weighted ? _twiceUWeight / (2.0 * _positiveWeight * _negativeWeight) : (double)_twiceU / (2.0 * _positives * _negatives);

    /// <summary>Σ (R_n − R_{n−1})·P_n; NaN when a class is missing.</summary>
    internal readonly double AveragePrecision => OneClass ? double.NaN : _apSum;

    /// <summary>Σ p_g·q_g / (2·P·N): the largest AUC change if the groups were not true ties; NaN when a class is missing.</summary>
    internal readonly double AucErrorBound => OneClass
        ? double.NaN
        : _weighted ? _tiedPairsWeight / (2.0 * _positiveWeight * _negativeWeight) : (double)_tiedPairs / (2.0 * _positives * _negatives);

    /// <summary>Σ (p_g/P)·(max − min precision in the group): the largest AP change if the groups were not true ties; NaN when a class is missing.</summary>
    internal readonly double AveragePrecisionErrorBound => OneClass ? double.NaN : _apBound;

    /// <summary>Both metrics from sorted keys, every group a true tie; weighted when the keys carry weights.</summary>
    internal static RankingSums From(SortedKeys sorted)
    {
        if (sorted.Weights is not null)
        {
            return FromWeighted(sorted);
        }

        var sums = new RankingSums(sorted.Positives, sorted.Negatives, bounds: false);
        var groups = new TieGroups(sorted);
        while (groups.Next(out _, out long p, out long q))
        {
            sums.Add(p, q);
        }

        return sums;
    }

    /// <summary>
    /// Both metrics from two ascending runs of keys (positives', negatives'), every group a true tie: the bits of
    /// <see cref="From(SortedKeys)"/> with fewer operations. Groups without positives add +0 to 2U and to AP (their
    /// recall equals the previous one), so only positives' groups are visited, each with the negatives at or above its
    /// key (FP) and below it; 2U is summed in 64 bits (it is at most 2·P·N &lt; 2⁶¹ for n &lt; 2³¹: the same integer).
    /// </summary>
    internal static RankingSums FromRuns(ReadOnlySpan<ulong> positives, ReadOnlySpan<ulong> negatives)
    {
        var sums = new RankingSums(positives.Length, negatives.Length, bounds: false);
        if (sums.OneClass)
        {
            return sums;
        }

        long twiceU = 0;
        long tp = 0;
        int i = positives.Length - 1;
        int j = negatives.Length - 1;
        while (i >= 0)
        {
            ulong key = positives[i];
            while (j >= 0 && negatives[j] > key)
            {
                j--;
            }

            int i0 = i;
            int j0 = j;
            while (i >= 0 && positives[i] == key)
            {
                i--;
            }

            while (j >= 0 && negatives[j] == key)
            {
                j--;
            }

            long p = i0 - i;
            tp += p;
            twiceU += p * ((2L * (j + 1)) + (j0 - j)); // 2·p·(negatives below) + p·q
            sums.AddPrecision(tp, tp + (negatives.Length - 1 - j), positives.Length);
        }

        sums._twiceU = twiceU;
        sums._tp = tp;
        sums._fp = negatives.Length;
        return sums;
    }

    /// <summary>
    /// Both metrics from the groups' packed counts (positives in the high 32 bits, negatives in the low 32) in ascending
    /// order of their keys, every group a true tie (<see cref="TieCounts"/>): the bits of <see cref="Add"/> fed from the
    /// highest group down, with the shortcuts of <see cref="FromRuns"/> (groups without positives add +0; 2U in 64 bits).
    /// </summary>
    internal static RankingSums FromCounts(ReadOnlySpan<ulong> counts, long positives, long negatives)
    {
        var sums = new RankingSums(positives, negatives, bounds: false);
        if (sums.OneClass)
        {
            return sums;
        }

        long twiceU = 0;
        long tp = 0;
        long fp = 0;
        for (int g = counts.Length - 1; g >= 0; g--)
        {
            long p = (long)(counts[g] >> 32);
            long q = (long)(counts[g] & uint.MaxValue);
            fp += q;
            if (p == 0)
            {
                continue;
            }

            tp += p;
            twiceU += p * ((2 * (negatives - fp)) + q); // 2·p·(negatives below) + p·q
            sums.AddPrecision(tp, tp + fp, positives);
        }

        sums._twiceU = twiceU;
        sums._tp = tp;
        sums._fp = fp;
        return sums;
    }

    /// <summary>Both metrics from keys sorted with their weights.</summary>
    private static RankingSums FromWeighted(SortedKeys sorted)
    {
        // The totals summed group by group like the running sums, so the last group ends at recall 1 and 0 weight below.
        double positives = 0;
        double negatives = 0;
        var totals = new TieGroups(sorted);
        while (totals.NextWeighted(out _, out _, out _, out double groupPositives, out double groupNegatives))
        {
            positives += groupPositives;
            negatives += groupNegatives;
        }

        var sums = new RankingSums(positives, negatives);
        var groups = new TieGroups(sorted);
        while (groups.NextWeighted(out _, out _, out _, out double p, out double q))
        {
            sums.AddWeighted(p, q);
        }

        return sums;
    }

    /// <summary>One step of AP: (recall − previous recall) · precision, recall = tp / positives, precision = tp / predicted.</summary>
    private void AddPrecision(double tp, double predicted, double positives)
    {
        double recall = tp / positives;
        double precision = tp / predicted;
        _apSum += (recall - _previousRecall) * precision;
        _previousRecall = recall;
    }
}
