namespace ClassicalML.Evaluation;

/// <summary>
/// McNemar's test of two classifiers' decisions on the same rows: the 2×2 table of which model is right, and the
/// exact, mid-p and chi-square p-values of "both models err equally often". Built by <see cref="McNemar"/>; the
/// formulas are in its remarks.
/// </summary>
/// <param name="BothCorrect">Rows both models classify correctly (n₁₁).</param>
/// <param name="OnlyACorrect">b = n₁₀: rows model A gets right and model B wrong.</param>
/// <param name="OnlyBCorrect">c = n₀₁: rows model A gets wrong and model B right.</param>
/// <param name="BothWrong">Rows both models get wrong (n₀₀).</param>
/// <param name="ExactPValue">min(1, 2·F(min(b, c); b + c, ½)), F the binomial distribution function; 1 when b + c = 0.</param>
/// <param name="MidPValue">2·F(min(b, c); b + c, ½) − f(min(b, c); b + c, ½), f the binomial mass; 1 when b + c = 0.</param>
/// <param name="ChiSquare">(b − c)² / (b + c); NaN when b + c = 0.</param>
/// <param name="ChiSquarePValue">P(χ²₁ ≥ ChiSquare) = erfc(sqrt(ChiSquare / 2)); NaN when b + c = 0.</param>
/// <param name="CorrectedChiSquare">(|b − c| − 1)² / (b + c), Edwards' continuity correction as statsmodels and R's
/// <c>mcnemar.test</c> apply it (so b = c gives 1 / (b + c), not 0); NaN when b + c = 0.</param>
/// <param name="CorrectedChiSquarePValue">P(χ²₁ ≥ CorrectedChiSquare); NaN when b + c = 0.</param>
/// <param name="Undefined">The values that are NaN and why; empty when everything is defined.</param>
public sealed record McNemarTest(
    long BothCorrect,
    long OnlyACorrect,
    long OnlyBCorrect,
    long BothWrong,
    double ExactPValue,
    double MidPValue,
    double ChiSquare,
    double ChiSquarePValue,
    double CorrectedChiSquare,
    double CorrectedChiSquarePValue,
    IReadOnlyList<UndefinedMetric> Undefined)
{
    /// <summary>b + c, the discordant rows: the only rows the test looks at.</summary>
    public long Discordant => OnlyACorrect + OnlyBCorrect;
}
