namespace ClassicalML.Evaluation;

/// <summary>Options of <see cref="MulticlassScoreEvaluation.Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>; every member has a documented default.</summary>
/// <remarks>
/// An options object rather than more optional parameters, so that new settings (for example row weights) can be
/// added without changing the method's signature.
/// </remarks>
public sealed record MulticlassScoreOptions
{
    /// <summary>
    /// The value reported for a metric that is undefined (a class absent from the labels, a single class); default
    /// <see cref="ZeroDivision.Zero"/>. Whatever the policy, the report lists each such value in
    /// <see cref="MulticlassScoreReport{TLabel}.Undefined"/>.
    /// </summary>
    public ZeroDivision ZeroDivision { get; init; } = ZeroDivision.Zero;

    /// <summary>
    /// The k of the top-k accuracies to report, each at least 1; null (the default) for k = 1 to min(5, K).
    /// Any other k: <see cref="MulticlassScoreEvaluation.TopKAccuracy{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, int)"/>.
    /// </summary>
    public IReadOnlyList<int>? TopK { get; init; }
}
