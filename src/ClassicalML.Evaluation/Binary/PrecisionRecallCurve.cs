namespace ClassicalML.Evaluation;

/// <summary>
/// A precision–recall curve as scikit-learn's <c>precision_recall_curve</c> returns it: one point per
/// distinct score in increasing threshold order (so recall decreases), plus a final point
/// (precision 1, recall 0) that has no threshold. Built by <see cref="PrecisionRecall.Curve(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> and its weighted overload.
/// </summary>
/// <param name="Precisions">Precision[k] = TP / (TP + FP) among rows with score ≥ Thresholds[k]; the last entry is 1. Length = Thresholds.Count + 1.</param>
/// <param name="Recalls">Recall[k] = TP / P at Thresholds[k]; the last entry is 0. When no label is positive, every recall except the last is 1 (scikit-learn's convention). Length = Thresholds.Count + 1.</param>
/// <param name="Thresholds">The distinct scores, strictly increasing.</param>
public sealed record PrecisionRecallCurve(
    IReadOnlyList<double> Precisions,
    IReadOnlyList<double> Recalls,
    IReadOnlyList<double> Thresholds);
