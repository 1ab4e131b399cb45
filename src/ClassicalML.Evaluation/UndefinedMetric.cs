namespace ClassicalML.Evaluation;

/// <summary>
/// A metric that could not be computed as written (typically a zero denominator) and why;
/// its reported value follows the <see cref="ZeroDivision"/> policy or is NaN/null as documented.
/// </summary>
/// <param name="Metric">The metric's name as the result type spells it, e.g. <c>Precision</c>.</param>
/// <param name="Reason">Why it is undefined and what was reported, e.g. "no predicted positives (tp + fp = 0); reported as 0 (ZeroDivision.Zero)".</param>
public sealed record UndefinedMetric(string Metric, string Reason)
{
    /// <summary>"Metric: reason".</summary>
    /// <returns>The metric name and the reason, separated by a colon.</returns>
    public override string ToString() => $"{Metric}: {Reason}";
}
