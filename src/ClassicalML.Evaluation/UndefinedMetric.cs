namespace ClassicalML.Evaluation;

/// <summary>
/// A metric whose value is undefined for the data at hand (its denominator is zero), together with
/// the reason. The value actually reported for it follows the <see cref="ZeroDivision"/> policy.
/// </summary>
/// <param name="Metric">The metric's name, e.g. <c>precision[cat]</c>.</param>
/// <param name="Reason">Why it is undefined, e.g. <c>class never predicted (tp + fp = 0)</c>.</param>
public sealed record UndefinedMetric(string Metric, string Reason);
