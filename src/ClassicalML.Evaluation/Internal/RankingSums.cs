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
/// </remarks>
internal struct RankingSums
{
    private readonly long _positives;
    private readonly long _negatives;
    private readonly bool _bounds;
    private Int128 _twiceU;
    private Int128 _tiedPairs;
    private long _tp;
    private long _fp;
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
            double recall = _tp / (double)_positives;
            double precision = _tp / (double)(_tp + _fp);
            _apSum += (recall - _previousRecall) * precision;
            _previousRecall = recall;
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
    internal readonly double Auc => _positives == 0 || _negatives == 0
        ? double.NaN
        : (double)_twiceU / (2.0 * _positives * _negatives);

    /// <summary>Σ (R_n − R_{n−1})·P_n; NaN when a class is missing.</summary>
    internal readonly double AveragePrecision => _positives == 0 || _negatives == 0 ? double.NaN : _apSum;

    /// <summary>Σ p_g·q_g / (2·P·N): the largest AUC change if the groups were not true ties; NaN when a class is missing.</summary>
    internal readonly double AucErrorBound => _positives == 0 || _negatives == 0
        ? double.NaN
        : (double)_tiedPairs / (2.0 * _positives * _negatives);

    /// <summary>Σ (p_g/P)·(max − min precision in the group): the largest AP change if the groups were not true ties; NaN when a class is missing.</summary>
    internal readonly double AveragePrecisionErrorBound => _positives == 0 || _negatives == 0 ? double.NaN : _apBound;

    /// <summary>Both metrics from sorted keys, every group a true tie.</summary>
    internal static RankingSums From(SortedKeys sorted)
    {
        var sums = new RankingSums(sorted.Positives, sorted.Negatives, bounds: false);
        var groups = new TieGroups(sorted);
        while (groups.Next(out _, out long p, out long q))
        {
            sums.Add(p, q);
        }

        return sums;
    }
}
