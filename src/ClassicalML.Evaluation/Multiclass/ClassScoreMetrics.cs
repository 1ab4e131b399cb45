namespace ClassicalML.Evaluation;

/// <summary>One class's one-vs-rest ranking metrics in a <see cref="MulticlassScoreReport{TLabel}"/>.</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
/// <param name="Label">The class.</param>
/// <param name="RocAuc">
/// ROC AUC of the class's score column with the class as positive and every other class as negative
/// (<see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>, ties ½); the <see cref="ZeroDivision"/> value
/// when the class is absent from the labels or is the only class present.
/// </param>
/// <param name="AveragePrecision">
/// Average precision of the same one-vs-rest problem (<see cref="PrecisionRecall.AveragePrecision(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>); undefined in
/// the same cases as <paramref name="RocAuc"/>.
/// </param>
/// <param name="Support">The number of rows whose actual label is <paramref name="Label"/>.</param>
public sealed record ClassScoreMetrics<TLabel>(TLabel Label, double RocAuc, double AveragePrecision, long Support)
    where TLabel : notnull
{
    /// <summary>
    /// The total weight of the rows whose actual label is <see cref="Label"/>; equal to <see cref="Support"/> in an
    /// unweighted report. The prevalence weights of the weighted averages are these.
    /// </summary>
    public double WeightedSupport { get; init; } = Support;
}
