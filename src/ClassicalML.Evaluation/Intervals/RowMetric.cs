namespace ClassicalML.Evaluation;

/// <summary>
/// Any metric evaluated on a multiset of row indices into data the caller holds, e.g. the macro F1 of
/// the rows <c>actual[rows[i]]</c>, <c>predicted[rows[i]]</c>. Returns <see cref="double.NaN"/> when it is
/// undefined for those rows. The span is reused between calls: read it, do not keep it.
/// </summary>
/// <param name="rows">Row indices, possibly repeated (a bootstrap resample drawn with replacement).</param>
/// <returns>The metric's value, or NaN when undefined.</returns>
public delegate double RowMetric(ReadOnlySpan<int> rows);
