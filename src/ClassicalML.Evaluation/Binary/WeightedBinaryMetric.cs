namespace ClassicalML.Evaluation;

/// <summary>
/// A weighted binary-classification metric over labels, scores and row weights (scikit-learn's <c>sample_weight</c>),
/// e.g. the weighted overload of <c>Roc.Auc</c>. Returns <see cref="double.NaN"/> when it is undefined for the rows given.
/// </summary>
/// <param name="labels">True when the row is positive.</param>
/// <param name="scores">The score of each row, aligned with <paramref name="labels"/>.</param>
/// <param name="weights">The weight of each row, aligned with <paramref name="labels"/>, at least 0, not all 0.</param>
/// <returns>The metric's value, or NaN when undefined.</returns>
public delegate double WeightedBinaryMetric(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights);
