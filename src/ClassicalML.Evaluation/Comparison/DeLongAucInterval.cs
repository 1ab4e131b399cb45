namespace ClassicalML.Evaluation;

/// <summary>
/// DeLong's confidence interval of one ROC AUC. Built by <see cref="DeLong.AucInterval(ReadOnlySpan{bool}, ReadOnlySpan{double}, double)"/>; the formulas are in its
/// remarks.
/// </summary>
/// <param name="Auc">θ, the ROC AUC (ties ½); NaN when a class is missing.</param>
/// <param name="StandardError">sqrt(S₁₀/P + S₀₁/N); NaN with fewer than 2 positives or 2 negatives.</param>
/// <param name="Lower">max(0, θ − z·StandardError); NaN when StandardError is.</param>
/// <param name="Upper">min(1, θ + z·StandardError); NaN when StandardError is.</param>
/// <param name="Confidence">The nominal coverage, e.g. 0.95.</param>
/// <param name="Positives">P, the number of positive rows.</param>
/// <param name="Negatives">N, the number of negative rows.</param>
/// <param name="Undefined">The values that are NaN and why; empty when everything is defined.</param>
public sealed record DeLongAucInterval(
    double Auc,
    double StandardError,
    double Lower,
    double Upper,
    double Confidence,
    int Positives,
    int Negatives,
    IReadOnlyList<UndefinedMetric> Undefined)
{
    /// <summary>The method name used in <see cref="ToInterval"/>.</summary>
    public const string MethodName = "DeLong";

    /// <summary>The AUC and its bounds as an <see cref="Interval"/> (Method = <c>DeLong</c>).</summary>
    /// <returns>The interval.</returns>
    public Interval ToInterval() => new(Auc, Lower, Upper, Confidence, MethodName);
}
