using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// One call for every binary-classification metric (confusion counts, threshold metrics,
/// ROC AUC, average precision, log loss, Brier score) with scikit-learn's definitions.
/// </summary>
public static class BinaryEvaluation
{
    /// <summary>Double machine epsilon 2⁻⁵², scikit-learn's log-loss clip for float64 (<c>eps="auto"</c>).</summary>
    private const double LogLossEpsilon = 2.220446049250313e-16;

    /// <summary>Below this many rows the sort and the per-row pass run one after the other (handing work to another thread costs more than it saves).</summary>
    private const int ParallelRows = 1 << 16;

    /// <summary>
    /// Evaluates scores against labels. A row is predicted positive when score ≥ <paramref name="threshold"/>.
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label: probabilities or decision-function values.</param>
    /// <param name="threshold">Decision threshold (default 0.5); ±infinity predicts everything negative/positive.</param>
    /// <param name="beta">The β of <see cref="BinaryReport.FBeta"/> (default 1, i.e. F1); must be finite and &gt; 0.</param>
    /// <param name="zeroDivision">The value of ratios whose denominator is 0 (default <see cref="ZeroDivision.Zero"/>, scikit-learn's default).</param>
    /// <returns>The report; see <see cref="BinaryReport"/> for each formula and <see cref="BinaryReport.Undefined"/> for what could not be computed.</returns>
    /// <remarks>
    /// Cost: one O(n) pass for the counts, log loss and Brier score, and one ranking shared by ROC AUC and AP: with at
    /// most 32,768 distinct scores (and at most n/4) one O(n) pass counting ties in a hash table, otherwise an O(n)
    /// radix sort, which from 65,536 rows on runs on a second thread during the per-row pass (same results on any
    /// number of cores).
    /// Undefined values: precision (TP + FP = 0), recall (P = 0), specificity (N = 0), F1 and F-β
    /// (TP + FP + FN = 0) and MCC (a zero factor) follow <paramref name="zeroDivision"/>; ROC AUC and AP
    /// are NaN with one class; balanced accuracy averages the classes present; log loss and Brier are
    /// null when a score is outside [0, 1]. Each is listed in <see cref="BinaryReport.Undefined"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN, <paramref name="beta"/> is not
    /// a finite number &gt; 0, or <paramref name="zeroDivision"/> is not a defined member.</exception>
    public static BinaryReport Evaluate(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scores,
        double threshold = 0.5,
        double beta = 1.0,
        ZeroDivision zeroDivision = ZeroDivision.Zero)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckThreshold(threshold, nameof(threshold));
        Preconditions.CheckBeta(beta, nameof(beta));
        Preconditions.CheckDefined(zeroDivision, nameof(zeroDivision));

        int n = labels.Length;
        (RowSums rows, RankingSums ranking) = RowsAndRanking(labels, scores, threshold);
        int firstNonProbability = rows.FirstNonProbability;
        string? nonProbability = firstNonProbability < 0
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"scores[{firstNonProbability}] = {Preconditions.Describe(scores[firstNonProbability])} is outside [0, 1], so the scores are not probabilities; reported as null");
        return Report(
            rows.Counts.ToCounts(),
            threshold,
            beta,
            zeroDivision,
            ranking,
            exact: true,
            nonProbability is null ? rows.LogLossSum / n : null,
            nonProbability is null ? rows.BrierSum / n : null,
            nonProbability);
    }

    /// <summary>
    /// The per-row pass and the ranking. With at most <see cref="TieCounts.MaxDistinct"/> distinct scores the ranking
    /// counts ties in a hash table (<see cref="TieCounts"/>); otherwise it sorts every key. From <see cref="ParallelRows"/> rows on, the sort and its merge walk run on a
    /// thread-pool thread while this thread makes the per-row pass: each is sequential, so the results are the same
    /// bits on any number of cores (on one core the two simply take turns).
    /// </summary>
    private static (RowSums Rows, RankingSums Ranking) RowsAndRanking(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double threshold)
    {
        if (TieCounts.TryRank(labels, scores, out RankingSums tied, out double logLossSum))
        {
            return (RowSums.From(labels, scores, threshold, logLossSum), tied); // few distinct scores: no sort of n keys, one log per score
        }

        // Spans cannot cross threads; the split keys are an array, so the sort can.
        ulong[] keys = ScoreOrder.SplitByClass(labels, scores, out int positives);
        if (scores.Length < ParallelRows)
        {
            return (RowSums.From(labels, scores, threshold), RankingSums.From(ScoreOrder.SortInPlace(keys, positives)));
        }

        Task<RankingSums> ranking = Task.Run(() => RankingSums.From(ScoreOrder.SortInPlace(keys, positives)));
        RowSums rows = RowSums.From(labels, scores, threshold);
        return (rows, ranking.GetAwaiter().GetResult());
    }

    /// <summary>−ln of the clipped, renormalised probability of the true class: one row's log-loss term, as scikit-learn computes it.</summary>
    internal static double LogLossTerm(double score, bool positive)
    {
        // As scikit-learn: clip, form the row (1 − p, p), renormalise it, take −ln of the true class.
        double p = Math.Clamp(score, LogLossEpsilon, 1.0 - LogLossEpsilon);
        double q = 1.0 - p;
        double rowSum = q + p;

        // positive ? p : q without a branch (labels are unpredictable): a bit mask selects exactly p or q.
        ulong mask = 0UL - (positive ? 1UL : 0UL);
        double trueClass = BitConverter.UInt64BitsToDouble(
            (BitConverter.DoubleToUInt64Bits(p) & mask) | (BitConverter.DoubleToUInt64Bits(q) & ~mask));
        return -Math.Log(trueClass / rowSum);
    }

    /// <summary>(p − y)²: one row's Brier term.</summary>
    internal static double BrierTerm(double score, bool positive)
    {
        double error = score - (positive ? 1 : 0); // int to double: exactly 1.0 or 0.0, without a branch
        return error * error;
    }

    /// <summary>
    /// Builds the report from the confusion counts, the ranking sums and the loss means (null with
    /// <paramref name="nonProbabilityReason"/> when the scores are not probabilities). Shared by
    /// <see cref="Evaluate"/> and <see cref="StreamingBinaryEvaluator"/> so both report alike.
    /// </summary>
    internal static BinaryReport Report(
        ConfusionCounts counts,
        double threshold,
        double beta,
        ZeroDivision zeroDivision,
        RankingSums ranking,
        bool exact,
        double? logLoss,
        double? brier,
        string? nonProbabilityReason)
    {
        (int tp, int fp, int tn, int fn) = counts;
        int n = tp + fp + tn + fn;
        var undefined = new UndefinedMetrics(zeroDivision);
        int positives = tp + fn;
        int negatives = tn + fp;

        double precision = undefined.Divide(tp, tp + fp, nameof(BinaryReport.Precision), "no predicted positives (tp + fp = 0)");
        double recall = undefined.Divide(tp, positives, nameof(BinaryReport.Recall), "no actual positives (tp + fn = 0)");
        double specificity = undefined.Divide(tn, negatives, nameof(BinaryReport.Specificity), "no actual negatives (tn + fp = 0)");
        double f1 = undefined.Divide(2.0 * tp, (2.0 * tp) + fp + fn, nameof(BinaryReport.F1), "no actual and no predicted positives (tp + fp + fn = 0)");
        double beta2 = beta * beta;
        double fBeta = undefined.Divide((1 + beta2) * tp, ((1 + beta2) * tp) + (beta2 * fn) + fp, nameof(BinaryReport.FBeta), "no actual and no predicted positives (tp + fp + fn = 0)");

        double balancedAccuracy;
        if (positives > 0 && negatives > 0)
        {
            balancedAccuracy = (recall + specificity) / 2.0;
        }
        else
        {
            // scikit-learn drops the absent class from the mean of per-class recalls.
            balancedAccuracy = positives > 0 ? recall : specificity;
            undefined.Add(
                nameof(BinaryReport.BalancedAccuracy),
                positives > 0
                    ? "no actual negatives; reported as the recall of the positive class alone (scikit-learn's behaviour)"
                    : "no actual positives; reported as the recall of the negative class (specificity) alone (scikit-learn's behaviour)");
        }

        double mcc = Mcc(tp, fp, tn, fn, undefined);

        if (positives == 0 || negatives == 0)
        {
            string reason = positives == 0
                ? "only negative labels (P = 0); a ranking metric needs both classes; reported as NaN"
                : "only positive labels (N = 0); a ranking metric needs both classes; reported as NaN";
            undefined.Add(nameof(BinaryReport.RocAuc), reason);
            undefined.Add(nameof(BinaryReport.AveragePrecision), reason);
        }

        if (nonProbabilityReason is not null)
        {
            undefined.Add(nameof(BinaryReport.LogLoss), nonProbabilityReason);
            undefined.Add(nameof(BinaryReport.BrierScore), nonProbabilityReason);
        }

        return new BinaryReport
        {
            N = n,
            Positives = positives,
            Negatives = negatives,
            Threshold = threshold,
            TruePositives = tp,
            FalsePositives = fp,
            TrueNegatives = tn,
            FalseNegatives = fn,
            Accuracy = (tp + tn) / (double)n,
            Precision = precision,
            Recall = recall,
            Specificity = specificity,
            F1 = f1,
            FBeta = fBeta,
            Beta = beta,
            BalancedAccuracy = balancedAccuracy,
            Mcc = mcc,
            RocAuc = ranking.Auc,
            AveragePrecision = ranking.AveragePrecision,
            IsExact = exact,
            RocAucErrorBound = exact ? 0.0 : ranking.AucErrorBound,
            AveragePrecisionErrorBound = exact ? 0.0 : ranking.AveragePrecisionErrorBound,
            LogLoss = logLoss,
            BrierScore = brier,
            ZeroDivision = zeroDivision,
            Undefined = undefined.Items,
        };
    }

    private static double Mcc(long tp, long fp, long tn, long fn, UndefinedMetrics undefined)
    {
        long predictedPositive = tp + fp;
        long positives = tp + fn;
        long negatives = tn + fp;
        long predictedNegative = tn + fn;
        var zeroFactors = new List<string>(4);
        if (predictedPositive == 0) { zeroFactors.Add("no predicted positives (tp + fp = 0)"); }
        if (predictedNegative == 0) { zeroFactors.Add("no predicted negatives (tn + fn = 0)"); }
        if (positives == 0) { zeroFactors.Add("no actual positives (tp + fn = 0)"); }
        if (negatives == 0) { zeroFactors.Add("no actual negatives (tn + fp = 0)"); }
        string reason = string.Join(", ", zeroFactors);
        double denominator = Math.Sqrt((double)predictedPositive * positives) * Math.Sqrt((double)negatives * predictedNegative);
        return undefined.Divide((tp * tn) - (fp * fn), denominator, nameof(BinaryReport.Mcc), reason);
    }
}

/// <summary>The four confusion counts at one threshold.</summary>
internal readonly record struct ConfusionCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives);

/// <summary>
/// Confusion counts at a threshold (score ≥ threshold is predicted positive), added batch by batch: the one counting
/// loop behind <see cref="BinaryEvaluation.Evaluate"/> and <see cref="StreamingBinaryEvaluator"/>.
/// </summary>
internal struct ConfusionTally
{
    public long TruePositives;
    public long FalsePositives;
    public long TrueNegatives;
    public long FalseNegatives;

    /// <summary>The number of rows counted.</summary>
    public readonly long Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Counts each row of a batch in its cell of the confusion matrix.</summary>
    public void Add(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double threshold)
    {
        var rows = default(RowCounter);
        for (int i = 0; i < scores.Length; i++)
        {
            rows.Add(labels[i], scores[i] >= threshold);
        }

        Add(rows, scores.Length);
    }

    /// <summary>Adds the rows of a <see cref="RowCounter"/> that counted <paramref name="rows"/> rows.</summary>
    public void Add(RowCounter counter, long rows)
    {
        TruePositives += counter.Hits;
        FalsePositives += counter.Predicted - counter.Hits;
        FalseNegatives += counter.Positives - counter.Hits;
        TrueNegatives += rows - counter.Predicted - counter.Positives + counter.Hits;
    }

    /// <summary>Adds the counts of another tally (of other rows, at the same threshold).</summary>
    public void Add(ConfusionTally other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        TrueNegatives += other.TrueNegatives;
        FalseNegatives += other.FalseNegatives;
    }

    /// <summary>The counts as a report takes them (at most <see cref="int.MaxValue"/> rows; the caller checks).</summary>
    public readonly ConfusionCounts ToCounts() =>
        new((int)TruePositives, (int)FalsePositives, (int)TrueNegatives, (int)FalseNegatives);
}

/// <summary>
/// Counts rows without a branch per row (labels and predictions are unpredictable, so branches would mispredict):
/// predicted positives, actual positives and true positives; <see cref="ConfusionTally.Add(RowCounter, long)"/>
/// derives the other cells.
/// </summary>
internal struct RowCounter
{
    public long Predicted;
    public long Positives;
    public long Hits;

    /// <summary>Counts one row.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(bool positive, bool predictedPositive)
    {
        int y = positive ? 1 : 0;
        int hit = predictedPositive ? 1 : 0;
        Predicted += hit;
        Positives += y;
        Hits += hit & y;
    }
}
