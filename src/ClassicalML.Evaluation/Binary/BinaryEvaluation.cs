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
        CheckSettings(threshold, beta, zeroDivision);

        (RowSums rows, RankingSums ranking) = RowsAndRanking(labels, scores, threshold);
        return Report(rows, scores, threshold, beta, zeroDivision, ranking);
    }

    /// <summary>
    /// Evaluates scores against labels with row weights, scikit-learn's <c>sample_weight</c>: every metric is the one
    /// scikit-learn computes with <c>sample_weight=weights</c>. A row is predicted positive when score ≥ <paramref name="threshold"/>.
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label: probabilities or decision-function values.</param>
    /// <param name="weights">One weight per label, finite and at least 0, not all 0. A row of weight 0 takes no part in
    /// any metric (and its score is no threshold of a curve), but is counted in <see cref="BinaryReport.N"/>.</param>
    /// <param name="threshold">Decision threshold (default 0.5); ±infinity predicts everything negative/positive.</param>
    /// <param name="beta">The β of <see cref="BinaryReport.FBeta"/> (default 1, i.e. F1); must be finite and &gt; 0.</param>
    /// <param name="zeroDivision">The value of ratios whose denominator is 0 (default <see cref="ZeroDivision.Zero"/>, scikit-learn's default).</param>
    /// <returns>The report with <see cref="BinaryReport.WeightedCounts"/> set; <see cref="BinaryReport.N"/>, the class
    /// sizes and the int confusion counts are numbers of rows, every ratio, ROC AUC, AP, log loss and Brier score is weighted.</returns>
    /// <remarks>
    /// Formulas as in <see cref="BinaryReport"/> with each count replaced by the sum of its rows' weights:
    /// precision = TP_w / (TP_w + FP_w), MCC = (TP_w·TN_w − FP_w·FN_w) / √(…), log loss = Σ w·(−ln p_true) / Σ w,
    /// Brier = Σ w·(p − y)² / Σ w, ROC AUC and AP as <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// and <see cref="PrecisionRecall.AveragePrecision(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>.
    /// A class whose rows all weigh 0 is missing (ranking metrics NaN, ratios per <paramref name="zeroDivision"/>, listed in
    /// <see cref="BinaryReport.Undefined"/>). Weights of 1 give the unweighted report's numbers bit for bit; integer
    /// weights those of each row repeated that many times; multiplying every weight by c &gt; 0 changes nothing but rounding.
    /// Cost: one O(n) pass and one O(n log n) sort of (score, weight) pairs.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite (the message names its row),
    /// <paramref name="threshold"/> is NaN, <paramref name="beta"/> is not a finite number &gt; 0, or
    /// <paramref name="zeroDivision"/> is not a defined member.</exception>
    public static BinaryReport Evaluate(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scores,
        ReadOnlySpan<double> weights,
        double threshold = 0.5,
        double beta = 1.0,
        ZeroDivision zeroDivision = ZeroDivision.Zero)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        CheckSettings(threshold, beta, zeroDivision);

        RowSums rows = RowSums.From(labels, scores, weights, threshold);
        RankingSums ranking = RankingSums.From(ScoreOrder.SortByClass(labels, scores, weights));
        return Report(rows, scores, threshold, beta, zeroDivision, ranking);
    }

    /// <summary>The settings every evaluation refuses alike: a NaN threshold, β not finite and &gt; 0, an undefined <see cref="ZeroDivision"/>.</summary>
    internal static void CheckSettings(double threshold, double beta, ZeroDivision zeroDivision)
    {
        Preconditions.CheckThreshold(threshold, nameof(threshold));
        Preconditions.CheckBeta(beta, nameof(beta));
        Preconditions.CheckDefined(zeroDivision, nameof(zeroDivision));
    }

    /// <summary>
    /// The unweighted report of rows whose sums were made elsewhere (<see cref="DataViewEvaluation"/> sums a view's rows
    /// chunk by chunk): the settings checked as <see cref="Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
    /// checks them (after the scores), then the same report from the same sums.
    /// </summary>
    internal static BinaryReport Report(RowSums rows, double firstNonProbabilityScore, RankingSums ranking, double threshold, double beta, ZeroDivision zeroDivision)
    {
        CheckSettings(threshold, beta, zeroDivision);
        return Report(rows, firstNonProbabilityScore, threshold, beta, zeroDivision, ranking);
    }

    /// <summary>The report of one in-memory evaluation: the loss means over <see cref="RowSums.TotalWeight"/>, null with the first non-probability named.</summary>
    private static BinaryReport Report(RowSums rows, ReadOnlySpan<double> scores, double threshold, double beta, ZeroDivision zeroDivision, RankingSums ranking) =>
        Report(rows, rows.FirstNonProbability < 0 ? 0.0 : scores[rows.FirstNonProbability], threshold, beta, zeroDivision, ranking);

    /// <summary>The report from the row sums and the first score outside [0, 1] (ignored when every score is a probability).</summary>
    private static BinaryReport Report(RowSums rows, double firstNonProbabilityScore, double threshold, double beta, ZeroDivision zeroDivision, RankingSums ranking)
    {
        int firstNonProbability = rows.FirstNonProbability;
        string? nonProbability = firstNonProbability < 0 ? null : NonProbabilityReason(firstNonProbability, firstNonProbabilityScore);
        double total = rows.TotalWeight;
        return Report(
            rows.Counts.ToCounts(),
            threshold,
            beta,
            zeroDivision,
            ranking,
            exact: true,
            nonProbability is null ? rows.LogLossSum / total : null,
            nonProbability is null ? rows.BrierSum / total : null,
            nonProbability,
            rows.Weights);
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

    /// <summary>Why log loss and Brier score are null: the first score outside [0, 1], at its index.</summary>
    internal static string NonProbabilityReason(int index, double score) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"scores[{index}] = {Preconditions.Describe(score)} is outside [0, 1], so the scores are not probabilities; reported as null");

    /// <summary>
    /// Log loss (cross-entropy) of probabilities, as scikit-learn's <c>log_loss(y, p)</c>: the mean over the rows of
    /// −ln of the predicted probability of the true class, p clipped to [ε, 1 − ε] with ε = 2⁻⁵². The same bits as
    /// <see cref="BinaryReport.LogLoss"/> of <see cref="Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
    /// (the terms summed in row order), without the ranking and the confusion counts.
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">The predicted probability of the positive class for each row.</param>
    /// <returns>The log loss, or NaN when a score is outside [0, 1] (the scores are not probabilities; the report's value is null).</returns>
    /// <remarks>Passed as a method group to <see cref="Bootstrap"/>'s binary methods it takes a fast path: each resample's
    /// sum is taken over its drawn rows in draw order, on every core, the same bits as this function on the materialised resample.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    public static double LogLoss(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) =>
        MeanTerm(labels, scores, brier: false);

    /// <summary>
    /// Brier score of probabilities, as scikit-learn's <c>brier_score_loss(y, p)</c>: the mean over the rows of (p − y)². The
    /// same bits as <see cref="BinaryReport.BrierScore"/> of <see cref="Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
    /// (the terms summed in row order), without the ranking and the confusion counts.
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">The predicted probability of the positive class for each row.</param>
    /// <returns>The Brier score, or NaN when a score is outside [0, 1] (the scores are not probabilities; the report's value is null).</returns>
    /// <remarks>Passed as a method group to <see cref="Bootstrap"/>'s binary methods it takes the fast path of <see cref="LogLoss"/>.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    public static double BrierScore(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) =>
        MeanTerm(labels, scores, brier: true);

    /// <summary>The mean of <see cref="LogLossTerm"/> or <see cref="BrierTerm"/> in row order; NaN at the first score outside [0, 1].</summary>
    private static double MeanTerm(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, bool brier)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        double sum = 0.0;
        for (int i = 0; i < scores.Length; i++)
        {
            double s = scores[i];
            if (s is < 0.0 or > 1.0)
            {
                return double.NaN;
            }

            sum += brier ? BrierTerm(s, labels[i]) : LogLossTerm(s, labels[i]);
        }

        return sum / scores.Length;
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
    /// <see cref="Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/> and <see cref="StreamingBinaryEvaluator"/> so both report alike.
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
        string? nonProbabilityReason,
        ConfusionWeights? weights = null)
    {
        // Ratios from the weighted cells, or from the counts as doubles (exact: the same bits as integer arithmetic).
        double tp = weights?.TruePositives ?? counts.TruePositives;
        double fp = weights?.FalsePositives ?? counts.FalsePositives;
        double tn = weights?.TrueNegatives ?? counts.TrueNegatives;
        double fn = weights?.FalseNegatives ?? counts.FalseNegatives;
        double n = tp + fp + tn + fn;
        var undefined = new UndefinedMetrics(zeroDivision);
        double positives = tp + fn;
        double negatives = tn + fp;

        double precision = undefined.Divide(tp, tp + fp, nameof(BinaryReport.Precision), "no predicted positives (tp + fp = 0)");
        double recall = undefined.Divide(tp, positives, nameof(BinaryReport.Recall), "no actual positives (tp + fn = 0)");
        double specificity = undefined.Divide(tn, negatives, nameof(BinaryReport.Specificity), "no actual negatives (tn + fp = 0)");
        double f1 = undefined.Divide(2.0 * tp, (2.0 * tp) + fp + fn, nameof(BinaryReport.F1), "no actual and no predicted positives (tp + fp + fn = 0)");
        double beta2 = beta * beta;
        double fBeta = undefined.Divide((1 + beta2) * tp, ((1 + beta2) * tp) + (beta2 * fn) + fp, nameof(BinaryReport.FBeta), "no actual and no predicted positives (tp + fp + fn = 0)");

        double balancedAccuracy = BalancedAccuracy(recall, specificity, positives, negatives, undefined);
        double mcc = Mcc(counts, weights, undefined);
        if (positives == 0 || negatives == 0)
        {
            AddOneClassRanking(positives == 0, weights is not null, undefined);
        }

        if (nonProbabilityReason is not null)
        {
            undefined.Add(nameof(BinaryReport.LogLoss), nonProbabilityReason);
            undefined.Add(nameof(BinaryReport.BrierScore), nonProbabilityReason);
        }

        return new BinaryReport
        {
            N = counts.TruePositives + counts.FalsePositives + counts.TrueNegatives + counts.FalseNegatives,
            Positives = counts.TruePositives + counts.FalseNegatives,
            Negatives = counts.TrueNegatives + counts.FalsePositives,
            Threshold = threshold,
            TruePositives = counts.TruePositives,
            FalsePositives = counts.FalsePositives,
            TrueNegatives = counts.TrueNegatives,
            FalseNegatives = counts.FalseNegatives,
            WeightedCounts = weights,
            Accuracy = (tp + tn) / n,
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

    /// <summary>The mean of the per-class recalls; with one class present its recall alone, as scikit-learn (listed).</summary>
    private static double BalancedAccuracy(double recall, double specificity, double positives, double negatives, UndefinedMetrics undefined)
    {
        if (positives > 0 && negatives > 0)
        {
            return (recall + specificity) / 2.0;
        }

        // scikit-learn drops the absent class from the mean of per-class recalls.
        undefined.Add(
            nameof(BinaryReport.BalancedAccuracy),
            positives > 0
                ? "no actual negatives; reported as the recall of the positive class alone (scikit-learn's behaviour)"
                : "no actual positives; reported as the recall of the negative class (specificity) alone (scikit-learn's behaviour)");
        return positives > 0 ? recall : specificity;
    }

    /// <summary>Lists ROC AUC and AP as undefined (NaN) when a class is missing, or, weighted, weighs 0 in total.</summary>
    private static void AddOneClassRanking(bool noPositives, bool weighted, UndefinedMetrics undefined)
    {
        string reason = (noPositives, weighted) switch
        {
            (true, false) => "only negative labels (P = 0); a ranking metric needs both classes; reported as NaN",
            (false, false) => "only positive labels (N = 0); a ranking metric needs both classes; reported as NaN",
            (true, true) => "the positives' weights sum to 0 (P = 0); a ranking metric needs both classes; reported as NaN",
            (false, true) => "the negatives' weights sum to 0 (N = 0); a ranking metric needs both classes; reported as NaN",
        };
        undefined.Add(nameof(BinaryReport.RocAuc), reason);
        undefined.Add(nameof(BinaryReport.AveragePrecision), reason);
    }

    /// <summary>MCC from the weighted cells, or from the counts with the numerator in exact integers (as it always was).</summary>
    private static double Mcc(ConfusionCounts counts, ConfusionWeights? weights, UndefinedMetrics undefined)
    {
        double tp = weights?.TruePositives ?? counts.TruePositives;
        double fp = weights?.FalsePositives ?? counts.FalsePositives;
        double tn = weights?.TrueNegatives ?? counts.TrueNegatives;
        double fn = weights?.FalseNegatives ?? counts.FalseNegatives;
        double numerator = weights is null
            ? ((long)counts.TruePositives * counts.TrueNegatives) - ((long)counts.FalsePositives * counts.FalseNegatives)
            : (tp * tn) - (fp * fn);
        double predictedPositive = tp + fp;
        double positives = tp + fn;
        double negatives = tn + fp;
        double predictedNegative = tn + fn;
        var zeroFactors = new List<string>(4);
        if (predictedPositive == 0) { zeroFactors.Add("no predicted positives (tp + fp = 0)"); }
        if (predictedNegative == 0) { zeroFactors.Add("no predicted negatives (tn + fn = 0)"); }
        if (positives == 0) { zeroFactors.Add("no actual positives (tp + fn = 0)"); }
        if (negatives == 0) { zeroFactors.Add("no actual negatives (tn + fp = 0)"); }
        string reason = string.Join(", ", zeroFactors);
        double denominator = Math.Sqrt(predictedPositive * positives) * Math.Sqrt(negatives * predictedNegative);
        return undefined.Divide(numerator, denominator, nameof(BinaryReport.Mcc), reason);
    }
}

/// <summary>The four confusion counts at one threshold.</summary>
internal readonly record struct ConfusionCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives);

/// <summary>
/// Confusion counts at a threshold (score ≥ threshold is predicted positive), added batch by batch: the one counting
/// loop behind <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/> and <see cref="StreamingBinaryEvaluator"/>.
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
