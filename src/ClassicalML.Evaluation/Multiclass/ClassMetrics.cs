namespace ClassicalML.Evaluation;

/// <summary>One class's one-vs-rest metrics in a <see cref="MulticlassReport{TLabel}"/>.</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
/// <param name="Label">The class.</param>
/// <param name="Precision">tp / (tp + fp); the <see cref="ZeroDivision"/> value when the class is never predicted.</param>
/// <param name="Recall">tp / (tp + fn); the <see cref="ZeroDivision"/> value when the class never occurs in the actual labels.</param>
/// <param name="F1">2 tp / (2 tp + fp + fn), the harmonic mean of precision and recall; the <see cref="ZeroDivision"/> value when tp + fp + fn = 0.</param>
/// <param name="Support">The number of rows whose actual label is <paramref name="Label"/> (tp + fn).</param>
/// <remarks>
/// For class c: tp = rows with actual c predicted c; fp = rows predicted c whose actual label is another
/// class; fn = rows with actual c predicted as another class.
/// </remarks>
public sealed record ClassMetrics<TLabel>(TLabel Label, double Precision, double Recall, double F1, long Support)
    where TLabel : notnull
{
    /// <summary>
    /// The total weight of the rows whose actual label is <see cref="Label"/> (scikit-learn's support with
    /// <c>sample_weight</c>); equal to <see cref="Support"/> in an unweighted report.
    /// </summary>
    public double WeightedSupport { get; init; } = Support;
}
