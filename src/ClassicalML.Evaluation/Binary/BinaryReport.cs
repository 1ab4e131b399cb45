using System.Globalization;
using System.Text;

namespace ClassicalML.Evaluation;

/// <summary>
/// Every binary-classification metric for one set of labels and scores at one threshold, from
/// <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>. Immutable. A row is predicted positive when
/// score ≥ <see cref="Threshold"/>. Values whose denominator is 0 follow <see cref="ZeroDivision"/>
/// and are listed in <see cref="Undefined"/>; nothing is silently 0.
/// </summary>
/// <remarks>
/// Notation: TP, FP, TN, FN are the confusion counts; P = TP + FN actual positives,
/// N = TN + FP actual negatives, n = P + N. Confusion matrix layout (ML.NET, scikit-learn):
/// rows are actual classes, columns predicted. With row weights (<see cref="IsWeighted"/>) each of TP, FP, TN, FN, P, N
/// and n in the formulas below is the sum of its rows' weights (<see cref="WeightedCounts"/>), as scikit-learn's
/// <c>sample_weight</c>.
/// </remarks>
public sealed class BinaryReport
{
    internal BinaryReport()
    {
    }

    /// <summary>Number of rows, n = P + N.</summary>
    public int N { get; internal init; }

    /// <summary>Number of actual positives, P = TP + FN.</summary>
    public int Positives { get; internal init; }

    /// <summary>Number of actual negatives, N = TN + FP.</summary>
    public int Negatives { get; internal init; }

    /// <summary>The decision threshold: score ≥ threshold is predicted positive.</summary>
    public double Threshold { get; internal init; }

    /// <summary>Positives predicted positive (TP).</summary>
    public int TruePositives { get; internal init; }

    /// <summary>Negatives predicted positive (FP).</summary>
    public int FalsePositives { get; internal init; }

    /// <summary>Negatives predicted negative (TN).</summary>
    public int TrueNegatives { get; internal init; }

    /// <summary>Positives predicted negative (FN).</summary>
    public int FalseNegatives { get; internal init; }

    /// <summary>
    /// The weighted confusion cells when the report was computed with row weights
    /// (<see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>),
    /// otherwise null. With weights every ratio below uses these sums in place of the counts, while <see cref="N"/>,
    /// <see cref="Positives"/>, <see cref="Negatives"/> and the int confusion counts stay numbers of rows.
    /// </summary>
    public ConfusionWeights? WeightedCounts { get; internal init; }

    /// <summary>True when the report was computed with row weights (<see cref="WeightedCounts"/> is set).</summary>
    public bool IsWeighted => WeightedCounts is not null;

    /// <summary>Share of rows classified correctly.</summary>
    /// <remarks>Accuracy = (TP + TN) / n. Always defined (n ≥ 1).</remarks>
    public double Accuracy { get; internal init; }

    /// <summary>Share of predicted positives that are positive (positive predictive value).</summary>
    /// <remarks>Precision = TP / (TP + FP); undefined when nothing is predicted positive.</remarks>
    public double Precision { get; internal init; }

    /// <summary>Share of actual positives predicted positive (sensitivity, true positive rate).</summary>
    /// <remarks>Recall = TP / (TP + FN) = TP / P; undefined when P = 0.</remarks>
    public double Recall { get; internal init; }

    /// <summary>Share of actual negatives predicted negative (true negative rate).</summary>
    /// <remarks>Specificity = TN / (TN + FP) = TN / N; undefined when N = 0. Equals scikit-learn's recall with pos_label=0.</remarks>
    public double Specificity { get; internal init; }

    /// <summary>Harmonic mean of precision and recall.</summary>
    /// <remarks>F1 = 2·TP / (2·TP + FP + FN) = 2·Precision·Recall / (Precision + Recall); undefined when TP + FP + FN = 0.</remarks>
    public double F1 { get; internal init; }

    /// <summary>The F-score with weight <see cref="Beta"/> on recall.</summary>
    /// <remarks>F_β = (1 + β²)·TP / ((1 + β²)·TP + β²·FN + FP); undefined when TP + FP + FN = 0.</remarks>
    public double FBeta { get; internal init; }

    /// <summary>The β of <see cref="FBeta"/>: β &gt; 1 weighs recall more, β &lt; 1 precision.</summary>
    public double Beta { get; internal init; }

    /// <summary>Mean of the per-class recalls.</summary>
    /// <remarks>
    /// Balanced accuracy = (Recall + Specificity) / 2. When only one class is present it is the recall
    /// of that class alone, as scikit-learn computes it, and it is listed in <see cref="Undefined"/>.
    /// </remarks>
    public double BalancedAccuracy { get; internal init; }

    /// <summary>Matthews correlation coefficient, in [−1, 1].</summary>
    /// <remarks>
    /// MCC = (TP·TN − FP·FN) / √((TP + FP)(TP + FN)(TN + FP)(TN + FN)); undefined when a factor is 0
    /// (scikit-learn 1.2.1 always returns 0 there, which is <see cref="ZeroDivision.Zero"/>).
    /// </remarks>
    public double Mcc { get; internal init; }

    /// <summary>Area under the ROC curve (threshold-free); NaN when only one class is present.</summary>
    /// <remarks>See <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>: U / (P·N), ties counting ½ (weighted: <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>).</remarks>
    public double RocAuc { get; internal init; }

    /// <summary>Average precision (threshold-free); NaN when only one class is present.</summary>
    /// <remarks>See <see cref="PrecisionRecall.AveragePrecision(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>: Σ (R_n − R_{n−1}) P_n.</remarks>
    public double AveragePrecision { get; internal init; }

    /// <summary>
    /// True when <see cref="RocAuc"/> and <see cref="AveragePrecision"/> were computed from every
    /// score (always for <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>); false when a
    /// <see cref="StreamingBinaryEvaluator"/> had more rows than its exact capacity and used its
    /// score histogram. Threshold metrics, log loss and Brier score are always exact.
    /// </summary>
    public bool IsExact { get; internal init; } = true;

    /// <summary>The largest possible difference between <see cref="RocAuc"/> and the exact AUC: 0 when <see cref="IsExact"/>.</summary>
    /// <remarks>
    /// In histogram mode the scores within one bin are treated as tied. The exact count of correctly
    /// ordered (positive, negative) pairs inside bin b lies in [0, p_b·q_b] while a tie counts p_b·q_b/2, so
    /// |AUC − exact AUC| ≤ Σ_b p_b·q_b / (2·P·N). NaN when only one class is present.
    /// </remarks>
    public double RocAucErrorBound { get; internal init; }

    /// <summary>The largest possible difference between <see cref="AveragePrecision"/> and the exact AP: 0 when <see cref="IsExact"/>.</summary>
    /// <remarks>
    /// With TP₀, FP₀ the counts above bin b, every positive in the bin has a precision between
    /// (TP₀ + 1)/(TP₀ + 1 + FP₀ + q_b) and (TP₀ + p_b)/(TP₀ + p_b + FP₀) whatever the order inside it, and so
    /// does the tied value; hence |AP − exact AP| ≤ Σ_b (p_b/P)·(max − min). NaN when only one class is present.
    /// </remarks>
    public double AveragePrecisionErrorBound { get; internal init; }

    /// <summary>Mean negative log-likelihood (natural log); null when a score is outside [0, 1].</summary>
    /// <remarks>
    /// LogLoss = −(1/n) Σ [y·ln p + (1 − y)·ln(1 − p)] with p clipped to [ε, 1 − ε],
    /// ε = 2⁻⁵² (double machine epsilon), as scikit-learn's <c>log_loss(eps="auto")</c>.
    /// </remarks>
    public double? LogLoss { get; internal init; }

    /// <summary>Mean squared difference between the score and the 0/1 label; null when a score is outside [0, 1].</summary>
    /// <remarks>Brier = (1/n) Σ (p − y)²; weighted, Σ w·(p − y)² / Σ w.</remarks>
    public double? BrierScore { get; internal init; }

    /// <summary>The policy that was applied to zero denominators.</summary>
    public ZeroDivision ZeroDivision { get; internal init; }

    /// <summary>Every metric that was undefined for this input, with the reason and the value reported.</summary>
    public IReadOnlyList<UndefinedMetric> Undefined { get; internal init; } = [];

    /// <summary>A readable multi-line summary (invariant culture): counts, metrics, undefined values.</summary>
    /// <returns>The summary text.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        text.Append(c, $"Binary evaluation: n = {N} (positives {Positives}, negatives {Negatives}), threshold {Preconditions.Describe(Threshold)}, score >= threshold is positive").AppendLine();
        text.AppendLine("                 predicted +   predicted -");
        text.Append(c, $"  actual +  {TruePositives,14} {FalseNegatives,13}").AppendLine();
        text.Append(c, $"  actual -  {FalsePositives,14} {TrueNegatives,13}").AppendLine();
        if (WeightedCounts is { } w)
        {
            text.Append(c, $"Weighted (sum of weights {Preconditions.Describe(w.Total)}; positives {Preconditions.Describe(w.Positives)}, negatives {Preconditions.Describe(w.Negatives)}); the metrics below are weighted").AppendLine();
            text.Append(c, $"  actual +  {Preconditions.Describe(w.TruePositives),14} {Preconditions.Describe(w.FalseNegatives),13}").AppendLine();
            text.Append(c, $"  actual -  {Preconditions.Describe(w.FalsePositives),14} {Preconditions.Describe(w.TrueNegatives),13}").AppendLine();
        }
        Line(text, "Accuracy", Accuracy);
        Line(text, "Precision", Precision);
        Line(text, "Recall", Recall);
        Line(text, "Specificity", Specificity);
        Line(text, "F1", F1);
        Line(text, string.Create(c, $"F-beta (beta {Beta:R})"), FBeta);
        Line(text, "Balanced accuracy", BalancedAccuracy);
        Line(text, "MCC", Mcc);
        Line(text, "ROC AUC", RocAuc);
        Line(text, "Average precision", AveragePrecision);
        if (!IsExact)
        {
            text.Append(c, $"  (histogram: ROC AUC within ±{RocAucErrorBound:G3}, average precision within ±{AveragePrecisionErrorBound:G3} of the exact values)").AppendLine();
        }

        Line(text, "Log loss", LogLoss);
        Line(text, "Brier score", BrierScore);
        if (Undefined.Count > 0)
        {
            text.Append(c, $"Undefined (ZeroDivision.{ZeroDivision}):").AppendLine();
            foreach (UndefinedMetric u in Undefined)
            {
                text.Append("  ").Append(u).AppendLine();
            }
        }

        return text.ToString();
    }

    /// <inheritdoc cref="Describe"/>
    public override string ToString() => Describe();

    private static void Line(StringBuilder text, string name, double? value) =>
        text.Append("  ").Append(name.PadRight(20)).Append(value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "n/a (not probabilities)").AppendLine();
}
