namespace ClassicalML.Evaluation;

/// <summary>
/// DeLong's paired test of two correlated ROC AUCs (two models scored on the same rows) and the interval of their
/// difference. Built by <see cref="DeLong.Paired(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>; the formulas are in its remarks.
/// </summary>
/// <param name="AucA">θ_A, model A's ROC AUC.</param>
/// <param name="AucB">θ_B, model B's ROC AUC.</param>
/// <param name="Difference">d = θ_A − θ_B.</param>
/// <param name="VarianceA">DeLong's variance of θ_A, S₁₀^AA/P + S₀₁^AA/N; NaN with fewer than 2 positives or 2 negatives.</param>
/// <param name="VarianceB">DeLong's variance of θ_B.</param>
/// <param name="Covariance">DeLong's covariance of θ_A and θ_B, S₁₀^AB/P + S₀₁^AB/N.</param>
/// <param name="StandardError">σ = sqrt(VarianceA + VarianceB − 2·Covariance), the standard error of d.</param>
/// <param name="Z">d / σ; 0 when d = 0 and σ = 0 (identical rankings, as pROC); NaN when σ is.</param>
/// <param name="PValue">Two-sided p-value of θ_A = θ_B, 2·Φ(−|Z|); 1 for identical rankings; NaN when Z is.</param>
/// <param name="Lower">d − z·σ (not clamped, as pROC); NaN when σ is.</param>
/// <param name="Upper">d + z·σ; NaN when σ is.</param>
/// <param name="Confidence">The nominal coverage of [Lower, Upper], e.g. 0.95.</param>
/// <param name="Undefined">The values that are NaN and why; empty when everything is defined.</param>
public sealed record DeLongTest(
    double AucA,
    double AucB,
    double Difference,
    double VarianceA,
    double VarianceB,
    double Covariance,
    double StandardError,
    double Z,
    double PValue,
    double Lower,
    double Upper,
    double Confidence,
    IReadOnlyList<UndefinedMetric> Undefined)
{
    /// <summary>The method name used in <see cref="ToInterval"/>.</summary>
    public const string MethodName = "DeLong paired";

    /// <summary>The difference θ_A − θ_B and its bounds as an <see cref="Interval"/> (Method = <c>DeLong paired</c>).</summary>
    /// <returns>The interval.</returns>
    public Interval ToInterval() => new(Difference, Lower, Upper, Confidence, MethodName);
}
