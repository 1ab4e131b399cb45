namespace ClassicalML.Evaluation;

/// <summary>
/// The result of <see cref="MulticlassScoreEvaluation.Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>: multiclass metrics from a score matrix
/// (one-vs-rest and one-vs-one ROC AUC, per-class average precision, top-k accuracy, log loss, Brier score) and the
/// label metrics of the arg-max predictions. Immutable.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
/// <remarks>
/// Notation: n rows, K classes in the given order, s[i, c] the score of class c for row i, y_i the actual class,
/// n_c the support of class c (rows with y_i = c).
/// <list type="bullet">
/// <item>One-vs-rest (OvR) AUC of class c: <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> of
/// (y_i = c, s[i, c]). Macro: the mean over classes; weighted: the mean weighted by n_c / n (scikit-learn's
/// <c>roc_auc_score(multi_class="ovr", average="macro" | "weighted")</c>).</item>
/// <item>One-vs-one (OvO) AUC, Hand &amp; Till (2001), as scikit-learn 1.2+: for each pair of classes a &lt; b that
/// occur in the labels, A(a, b) = (AUC of column a on the rows of a or b, a positive + AUC of column b on the same
/// rows, b positive) / 2. Macro: the mean of A over pairs; weighted: the mean weighted by the pair's prevalence
/// (n_a + n_b) / n. A class absent from the labels forms no pair (scikit-learn's rule).</item>
/// <item>Undefined values: a class absent from the labels, or present in every row, has no one-vs-rest AUC or
/// average precision; fewer than two classes present leave no OvO pair. Each is reported as the
/// <see cref="ZeroDivision"/> value and listed in <see cref="Undefined"/>. Averages use the reported values, as
/// <see cref="MulticlassReport{TLabel}"/> does (with <see cref="ZeroDivision.NaN"/> the NaN values are left out); in
/// the weighted OvR mean an absent class has weight 0. scikit-learn refuses these inputs instead.</item>
/// </list>
/// </remarks>
public sealed class MulticlassScoreReport<TLabel>
    where TLabel : notnull
{
    internal MulticlassScoreReport()
    {
    }

    /// <summary>The classes, in the given order: column c of the score matrix belongs to <c>Labels[c]</c>.</summary>
    public IReadOnlyList<TLabel> Labels { get; internal init; } = null!;

    /// <summary>The number of rows evaluated (with weights too: rows, not their weight).</summary>
    public int N { get; internal init; }

    /// <summary>True when the report was computed with row weights: every metric is weighted (formulas on the weighted
    /// <see cref="MulticlassScoreEvaluation.Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, ReadOnlySpan{double}, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>).</summary>
    public bool IsWeighted { get; internal init; }

    /// <summary>The sum of the row weights; <see cref="N"/> when not weighted.</summary>
    public double TotalWeight { get; internal init; }

    /// <summary>Each class's one-vs-rest ROC AUC, average precision and support, in the order of <see cref="Labels"/>.</summary>
    public IReadOnlyList<ClassScoreMetrics<TLabel>> PerClass { get; internal init; } = null!;

    /// <summary>The unweighted mean of the per-class one-vs-rest ROC AUC (<c>multi_class="ovr", average="macro"</c>).</summary>
    public double RocAucOvrMacro { get; internal init; }

    /// <summary>The one-vs-rest ROC AUC averaged with weights n_c / n (<c>multi_class="ovr", average="weighted"</c>).</summary>
    public double RocAucOvrWeighted { get; internal init; }

    /// <summary>Hand &amp; Till's one-vs-one ROC AUC, the unweighted mean over class pairs (<c>multi_class="ovo", average="macro"</c>).</summary>
    public double RocAucOvoMacro { get; internal init; }

    /// <summary>The one-vs-one ROC AUC with each pair weighted by its prevalence (n_a + n_b) / n (<c>multi_class="ovo", average="weighted"</c>).</summary>
    public double RocAucOvoWeighted { get; internal init; }

    /// <summary>
    /// Top-k accuracy for each k asked for (<see cref="MulticlassScoreOptions.TopK"/>; by default k = 1 to
    /// min(5, K)); see <see cref="MulticlassScoreEvaluation.TopKAccuracy{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, int)"/> for the tie rule, which for k = 1
    /// can differ from the arg-max of <see cref="Predictions"/>.
    /// </summary>
    public IReadOnlyDictionary<int, double> TopKAccuracy { get; internal init; } = null!;

    /// <summary>
    /// Multiclass log loss, natural log (see <see cref="MulticlassScoreEvaluation.LogLoss{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel})"/>); null when the
    /// rows are not probabilities (a score outside [0, 1] or a row not summing to 1), with the reason in
    /// <see cref="Undefined"/>.
    /// </summary>
    public double? LogLoss { get; internal init; }

    /// <summary>
    /// Multiclass Brier score, mean over rows of Σ_k (s[i, k] − [y_i = k])² (see
    /// <see cref="MulticlassScoreEvaluation.BrierScore{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel})"/>); null when the rows are not probabilities.
    /// </summary>
    public double? BrierScore { get; internal init; }

    /// <summary>
    /// The label metrics (confusion matrix, per-class precision, recall, F1, their averages, accuracy) of the arg-max
    /// predictions: each row is predicted as its highest-scoring class, the first in <see cref="Labels"/> on ties.
    /// Its undefined values are listed in its own <see cref="MulticlassReport{TLabel}.Undefined"/>.
    /// </summary>
    public MulticlassReport<TLabel> Predictions { get; internal init; } = null!;

    /// <summary>The policy that replaced undefined values.</summary>
    public ZeroDivision ZeroDivision { get; internal init; }

    /// <summary>Every score metric that could not be computed, with the reason and the value reported instead.</summary>
    public IReadOnlyList<UndefinedMetric> Undefined { get; internal init; } = null!;
}
