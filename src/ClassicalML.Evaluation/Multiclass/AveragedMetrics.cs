namespace ClassicalML.Evaluation;

/// <summary>Precision, recall and F1 averaged over the classes of a <see cref="MulticlassReport{TLabel}"/>.</summary>
/// <param name="Precision">The averaged precision.</param>
/// <param name="Recall">The averaged recall.</param>
/// <param name="F1">The averaged F1 (for macro and weighted: the average of the per-class F1, not the F1 of the averages).</param>
/// <remarks>
/// The averaging (macro, micro or weighted) is described on the <see cref="MulticlassReport{TLabel}"/>
/// property that holds the value.
/// </remarks>
public sealed record AveragedMetrics(double Precision, double Recall, double F1);
