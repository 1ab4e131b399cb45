namespace ClassicalML.Evaluation;

/// <summary>
/// A binary-classification metric over labels and scores, e.g. <c>Roc.Auc</c>. Returns
/// <see cref="double.NaN"/> when it is undefined for the rows given (e.g. only one class).
/// </summary>
/// <param name="labels">True when the row is positive.</param>
/// <param name="scores">The score of each row, aligned with <paramref name="labels"/>.</param>
/// <returns>The metric's value, or NaN when undefined.</returns>
public delegate double BinaryMetric(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores);
