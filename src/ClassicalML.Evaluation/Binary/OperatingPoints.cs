using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>The operating-point rules beyond F1 and Youden's J: F-beta, balanced accuracy, expected cost, and the
/// constrained rules (recall at a precision, TPR at an FPR, a recall to reach). Same candidates (every distinct score),
/// same tie rule (highest threshold), same result type.</summary>
public static partial class ThresholdSelection
{
    /// <summary>Relative tolerance within which two expected costs count as tied (see <see cref="MinimizeExpectedCost(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, double?)"/>).</summary>
    private const double CostTieTolerance = 1e-12;

    /// <summary>The threshold with the highest F-beta score.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="beta">β, finite and greater than 0: recall counts β times as much as precision (1 gives F1).</param>
    /// <returns>The threshold, its F-beta, the confusion counts and rates there.</returns>
    /// <remarks>Fβ(t) = (1 + β²)·TP(t) / (TP(t) + FP(t) + β²·P), scikit-learn's <c>fbeta_score</c>. Ties: highest threshold.
    /// β = 1 gives <see cref="MaximizeF1(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> bit for bit.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is NaN or infinite, or no label is positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not a finite number greater than 0.</exception>
    public static ThresholdChoice MaximizeFBeta(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double beta)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckBeta(beta, nameof(beta));
        return MaximizeFBeta(ThresholdCounts.From(labels, scores), beta);
    }

    /// <summary>The threshold with the highest weighted F-beta score (scikit-learn's <c>fbeta_score(..., sample_weight=w)</c>).</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out: its score is no candidate), not all 0.</param>
    /// <param name="beta">β, finite and greater than 0.</param>
    /// <returns>The threshold, its weighted F-beta, the weighted confusion counts and rates there.</returns>
    /// <remarks>Fβ(t) = (1 + β²)·TP_w(t) / (TP_w(t) + FP_w(t) + β²·W⁺). Ties: highest threshold.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, every
    /// weight is 0, or the positives weigh 0 in total.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or <paramref name="beta"/> is not finite and positive.</exception>
    public static ThresholdChoice MaximizeFBeta(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double beta)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        Preconditions.CheckBeta(beta, nameof(beta));
        return MaximizeFBeta(ThresholdCounts.From(labels, scores, weights), beta);
    }

    /// <summary>The threshold with the highest balanced accuracy, (TPR + TNR) / 2.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <returns>The threshold, its balanced accuracy, the confusion counts and rates there.</returns>
    /// <remarks>Balanced accuracy = (1 + J) / 2 with J Youden's statistic, so the threshold is
    /// <see cref="MaximizeYoudenJ(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>'s (same exact comparison, same ties);
    /// the value is (TP/P + TN/N) / 2, scikit-learn's <c>balanced_accuracy_score</c>.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is NaN or infinite, or only one class is present.</exception>
    public static ThresholdChoice MaximizeBalancedAccuracy(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        return BalancedAccuracyChoice(ThresholdCounts.From(labels, scores));
    }

    /// <summary>The threshold with the highest weighted balanced accuracy.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <returns>The threshold, its weighted balanced accuracy, the weighted confusion counts and rates there.</returns>
    /// <remarks>(TP_w/W⁺ + TN_w/W⁻) / 2; the threshold of the weighted Youden's J. Ties: highest threshold.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, every
    /// weight is 0, or a class weighs 0 in total.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static ThresholdChoice MaximizeBalancedAccuracy(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        return BalancedAccuracyChoice(ThresholdCounts.From(labels, scores, weights));
    }

    /// <summary>The threshold with the lowest expected cost per row, for a cost of a false positive and of a false
    /// negative, under the sample's class priors or given ones.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="costFalsePositive">c_FP, the cost of predicting a negative row positive: finite, at least 0.</param>
    /// <param name="costFalseNegative">c_FN, the cost of predicting a positive row negative: finite, at least 0.</param>
    /// <param name="positivePrior">π, the share of positives where the classifier will be used, strictly between 0
    /// and 1; null (default) uses the sample's, P / (P + N).</param>
    /// <returns>The threshold, its expected cost per row (<see cref="ThresholdChoice.Value"/>), the confusion counts and rates there.</returns>
    /// <remarks>
    /// <para>Expected cost per row: C(t) = c_FP·(1 − π)·FPR(t) + c_FN·π·FNR(t), with FPR = FP/N and FNR = FN/P. With
    /// the sample's prior π = P/(P + N) this is (c_FP·FP(t) + c_FN·FN(t)) / (P + N), computed so (one class may then be
    /// absent). Ties: highest threshold, where costs within 1e-12·max(1, |lowest cost|) of the lowest count as tied (the
    /// coefficients c·(1 − π)/N round, so exactly equal costs may differ in their last bits). A given π
    /// re-weighs the rates measured here (FPR and FNR do not depend on the sample's prior); it does not re-estimate them.</para>
    /// <para>Predicting no row positive (cost c_FN·π) is no candidate: when it is cheaper than the returned
    /// <see cref="ThresholdChoice.Value"/>, the model is worth less than always saying "negative".</para>
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is NaN or infinite, or a
    /// prior is given and a class is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative, NaN or infinite, or the prior is not in (0, 1).</exception>
    public static ThresholdChoice MinimizeExpectedCost(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double costFalsePositive, double costFalseNegative, double? positivePrior = null)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        CheckCosts(costFalsePositive, costFalseNegative, positivePrior);
        return CostChoice(ThresholdCounts.From(labels, scores), costFalsePositive, costFalseNegative, positivePrior);
    }

    /// <summary>The threshold with the lowest weighted expected cost per unit of weight (see the unweighted overload).</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <param name="costFalsePositive">c_FP, finite, at least 0.</param>
    /// <param name="costFalseNegative">c_FN, finite, at least 0.</param>
    /// <param name="positivePrior">π in (0, 1), or null for the sample's weighted share W⁺ / (W⁺ + W⁻).</param>
    /// <returns>The threshold, its expected cost, the weighted confusion counts and rates there.</returns>
    /// <remarks>C(t) = c_FP·(1 − π)·FP_w/W⁻ + c_FN·π·FN_w/W⁺; with the sample's prior (c_FP·FP_w + c_FN·FN_w) / (W⁺ + W⁻). Ties: highest threshold.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, every
    /// weight is 0, or a prior is given and a class weighs 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight or cost is negative, NaN or infinite, or the prior is not in (0, 1).</exception>
    public static ThresholdChoice MinimizeExpectedCost(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double costFalsePositive, double costFalseNegative, double? positivePrior = null)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        CheckCosts(costFalsePositive, costFalseNegative, positivePrior);
        return CostChoice(ThresholdCounts.From(labels, scores, weights), costFalsePositive, costFalseNegative, positivePrior);
    }

    /// <summary>The threshold with the highest recall among those whose precision is at least <paramref name="minPrecision"/>.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="minPrecision">p in [0, 1]: a candidate qualifies when TP/(TP + FP) ≥ p (compared in doubles).</param>
    /// <returns>The threshold, its recall (<see cref="ThresholdChoice.Value"/>), the confusion counts and rates there;
    /// null when no observed score reaches the precision.</returns>
    /// <remarks>Ties in recall: highest threshold, which has the fewest false positives and so the highest precision
    /// among them.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is NaN or infinite, or no label is positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minPrecision"/> is not in [0, 1].</exception>
    public static ThresholdChoice? MaximizeRecallAtPrecision(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double minPrecision)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckProbability(minPrecision, nameof(minPrecision), "Pass the lowest precision you accept, e.g. 0.9.");
        return RecallAtPrecision(ThresholdCounts.From(labels, scores), minPrecision);
    }

    /// <summary>The threshold with the highest weighted recall among those whose weighted precision is at least <paramref name="minPrecision"/>.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <param name="minPrecision">p in [0, 1].</param>
    /// <returns>The choice, or null when no observed score reaches the precision.</returns>
    /// <remarks>TP_w/(TP_w + FP_w) ≥ p qualifies; highest TP_w wins; ties: highest threshold.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, every
    /// weight is 0, or the positives weigh 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or <paramref name="minPrecision"/> is not in [0, 1].</exception>
    public static ThresholdChoice? MaximizeRecallAtPrecision(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double minPrecision)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        Preconditions.CheckProbability(minPrecision, nameof(minPrecision), "Pass the lowest precision you accept, e.g. 0.9.");
        return RecallAtPrecision(ThresholdCounts.From(labels, scores, weights), minPrecision);
    }

    /// <summary>The threshold with the highest true positive rate among those whose false positive rate is at most <paramref name="maxFalsePositiveRate"/>.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="maxFalsePositiveRate">α in [0, 1]: a candidate qualifies when FP/N ≤ α (compared in doubles).</param>
    /// <returns>The threshold, its TPR (<see cref="ThresholdChoice.Value"/>), the confusion counts and rates there;
    /// null when every observed score already has FPR above α (the top score belongs to enough negatives).</returns>
    /// <remarks>Ties in TPR: highest threshold (the fewest false positives). The ROC point at FPR ≤ α, as read off
    /// scikit-learn's <c>roc_curve(..., drop_intermediate=False)</c>.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is NaN or infinite, or only one class is present.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFalsePositiveRate"/> is not in [0, 1].</exception>
    public static ThresholdChoice? MaximizeTprAtFpr(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double maxFalsePositiveRate)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckProbability(maxFalsePositiveRate, nameof(maxFalsePositiveRate), "Pass the highest false positive rate you accept, e.g. 0.05.");
        return TprAtFpr(ThresholdCounts.From(labels, scores), maxFalsePositiveRate);
    }

    /// <summary>The threshold with the highest weighted TPR among those whose weighted FPR is at most <paramref name="maxFalsePositiveRate"/>.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <param name="maxFalsePositiveRate">α in [0, 1].</param>
    /// <returns>The choice, or null when no observed score has FPR_w ≤ α.</returns>
    /// <remarks>FP_w/W⁻ ≤ α qualifies; highest TP_w wins; ties: highest threshold.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, every
    /// weight is 0, or a class weighs 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or α is not in [0, 1].</exception>
    public static ThresholdChoice? MaximizeTprAtFpr(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double maxFalsePositiveRate)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        Preconditions.CheckProbability(maxFalsePositiveRate, nameof(maxFalsePositiveRate), "Pass the highest false positive rate you accept, e.g. 0.05.");
        return TprAtFpr(ThresholdCounts.From(labels, scores, weights), maxFalsePositiveRate);
    }

    /// <summary>The strictest threshold that still reaches a recall: the highest observed score whose recall is at least
    /// <paramref name="minRecall"/>, i.e. the first candidate, scanning down from the top score, to reach it.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="minRecall">r in (0, 1]: a candidate qualifies when TP/P ≥ r (compared in doubles).</param>
    /// <returns>The threshold, its recall (<see cref="ThresholdChoice.Value"/>), the confusion counts and rates there.
    /// Every lower threshold reaches r too, with at least as many false positives.</returns>
    /// <remarks>Always defined when a positive exists: the lowest score has recall 1.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is NaN or infinite, or no label is positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minRecall"/> is not in (0, 1].</exception>
    public static ThresholdChoice ReachRecall(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double minRecall)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckShare(minRecall, nameof(minRecall), "Pass the recall the threshold must reach, e.g. 0.95.");
        return ReachRecall(ThresholdCounts.From(labels, scores), minRecall);
    }

    /// <summary>The highest observed score whose weighted recall is at least <paramref name="minRecall"/>.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <param name="minRecall">r in (0, 1].</param>
    /// <returns>The choice (TP_w/W⁺ ≥ r at the highest such threshold).</returns>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, every
    /// weight is 0, or the positives weigh 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or r is not in (0, 1].</exception>
    public static ThresholdChoice ReachRecall(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double minRecall)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        Preconditions.CheckShare(minRecall, nameof(minRecall), "Pass the recall the threshold must reach, e.g. 0.95.");
        return ReachRecall(ThresholdCounts.From(labels, scores, weights), minRecall);
    }

    private static ThresholdChoice BalancedAccuracyChoice(ThresholdCounts counts)
    {
        CheckBothClasses(counts, "balanced accuracy");
        int best = YoudenBest(counts);
        double tn = counts.NegativeWeight - counts.FalsePositiveWeight(best);
        return Choice(counts, best, ((counts.TruePositiveWeight(best) / counts.PositiveWeight) + (tn / counts.NegativeWeight)) / 2);
    }

    private static void CheckCosts(double costFalsePositive, double costFalseNegative, double? positivePrior)
    {
        Preconditions.CheckNonNegative(costFalsePositive, nameof(costFalsePositive), "Pass the cost of one false positive, e.g. 1.");
        Preconditions.CheckNonNegative(costFalseNegative, nameof(costFalseNegative), "Pass the cost of one false negative, e.g. 5.");
        if (positivePrior is { } prior)
        {
            Preconditions.CheckOpenUnitInterval(prior, nameof(positivePrior), "Pass the share of positives where the model will be used, e.g. 0.01, or null for the sample's.");
        }
    }

    private static ThresholdChoice CostChoice(ThresholdCounts counts, double cfp, double cfn, double? prior)
    {
        double p = counts.PositiveWeight;
        double n = counts.NegativeWeight;
        if (prior is not null)
        {
            CheckBothClasses(counts, "an expected cost under a given prior");
        }

        double Cost(int k)
        {
            double fp = counts.FalsePositiveWeight(k);
            double fn = p - counts.TruePositiveWeight(k);
            return prior is { } pi ? (cfp * (1 - pi) * (fp / n)) + (cfn * pi * (fn / p)) : ((cfp * fp) + (cfn * fn)) / (p + n);
        }

        // The two rates' coefficients round, so costs equal in exact arithmetic can differ in the last bits: values
        // within 1e-12·max(1, |lowest|) of the lowest count as tied, and the highest such threshold wins.
        double lowest = double.PositiveInfinity;
        for (int k = 0; k < counts.Count; k++)
        {
            lowest = Math.Min(lowest, Cost(k));
        }

        double tied = lowest + (CostTieTolerance * Math.Max(1, Math.Abs(lowest)));
        int best = 0;
        while (Cost(best) > tied)
        {
            best++;
        }

        return Choice(counts, best, Cost(best));
    }

    private static ThresholdChoice? RecallAtPrecision(ThresholdCounts counts, double minPrecision)
    {
        CheckPositives(counts, "a recall at a precision");
        int best = Best(counts, counts.TruePositiveWeight, k => counts.TruePositiveWeight(k) / (counts.TruePositiveWeight(k) + counts.FalsePositiveWeight(k)) >= minPrecision);
        return best < 0 ? null : Choice(counts, best, counts.TruePositiveWeight(best) / counts.PositiveWeight);
    }

    private static ThresholdChoice? TprAtFpr(ThresholdCounts counts, double maxFpr)
    {
        CheckBothClasses(counts, "a TPR at an FPR");
        int best = Best(counts, counts.TruePositiveWeight, k => counts.FalsePositiveWeight(k) / counts.NegativeWeight <= maxFpr);
        return best < 0 ? null : Choice(counts, best, counts.TruePositiveWeight(best) / counts.PositiveWeight);
    }

    private static ThresholdChoice ReachRecall(ThresholdCounts counts, double minRecall)
    {
        CheckPositives(counts, "a recall to reach");
        int k = 0;
        while (counts.TruePositiveWeight(k) / counts.PositiveWeight < minRecall && k < counts.Count - 1)
        {
            k++; // the last candidate has TP = P, recall 1 ≥ r
        }

        return Choice(counts, k, counts.TruePositiveWeight(k) / counts.PositiveWeight);
    }

    /// <summary>The feasible candidate of highest value, the highest threshold among equal values; −1 when none is feasible.</summary>
    private static int Best(ThresholdCounts counts, Func<int, double> value, Func<int, bool> feasible)
    {
        int best = -1;
        double bestValue = double.NegativeInfinity;
        for (int k = 0; k < counts.Count; k++)
        {
            if (feasible(k))
            {
                double v = value(k);
                if (best < 0 || v > bestValue) // strict: ties keep the higher threshold
                {
                    bestValue = v;
                    best = k;
                }
            }
        }

        return best;
    }

    private static void CheckPositives(ThresholdCounts counts, string criterion)
    {
        if (counts.PositiveWeight == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"labels has no positive example{(counts.IsWeighted ? " with a weight above 0" : string.Empty)}; {criterion} needs positives (recall is TP / P). Pass labels that contain both classes."),
                "labels");
        }
    }
}
