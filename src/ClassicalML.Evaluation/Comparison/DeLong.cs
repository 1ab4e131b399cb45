using System.Globalization;
using MathNet.Numerics.Distributions;

namespace ClassicalML.Evaluation;

/// <summary>
/// DeLong, DeLong and Clarke-Pearson's (1988) nonparametric variance of the ROC AUC: a confidence interval for one
/// AUC and the paired test of two correlated AUCs (two models scored on the same rows), computed with Sun and Xu's
/// (2014) fast algorithm in O(n log n). Matches R's pROC (<c>ci.auc(method = "delong")</c>,
/// <c>roc.test(method = "delong", paired = TRUE)</c>) with <c>direction = "&lt;"</c>.
/// </summary>
/// <remarks>
/// <para>Placements (structural components), with P positives x_i and N negatives y_j, ties counting ½ (midranks):
/// V10_i = (#{y_j &lt; x_i} + ½·#{y_j = x_i}) / N, V01_j = (#{x_i &gt; y_j} + ½·#{x_i = y_j}) / P, and
/// θ = mean(V10) = mean(V01) = AUC. With S₁₀^AB = Σ_i (V10_i^A − θ_A)(V10_i^B − θ_B) / (P − 1) and
/// S₀₁^AB likewise over the negatives / (N − 1): Var(θ_A) = S₁₀^AA/P + S₀₁^AA/N, Cov(θ_A, θ_B) = S₁₀^AB/P + S₀₁^AB/N.</para>
/// <para>Direction: higher scores mean "more positive", always. pROC's default <c>direction = "auto"</c> flips a curve
/// whose AUC is below ½ and reports 1 − AUC; ClassicalML never flips (the reference fixtures fix
/// <c>direction = "&lt;"</c> and <c>levels = c(0, 1)</c>, tests/reference/make_delong_fixtures.R).</para>
/// <para>Undefined: with fewer than 2 positives or 2 negatives the variance divides by 0, and every value built on it
/// is NaN and listed in <c>Undefined</c>. pROC returns NA for the one-AUC interval there; for the paired test with a
/// single negative it returns Z = 0, p = 1 and (−∞, ∞), a rounding residue (V01 − θ ≈ 1e-17 divided by N − 1 = 0),
/// which ClassicalML reports as NaN instead.</para>
/// <para>Alternatives: <see cref="Bootstrap.PairedDifference(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, BinaryMetric, int, int, double, bool)"/> with <c>Roc.Auc</c> (paired, optionally stratified,
/// bootstrap of the same difference); <see cref="McNemar.Test"/> for the decisions at a threshold;
/// <see cref="CorrectedResampledT.Paired"/> for two models' cross-validated scores on the same folds.</para>
/// <para>Sample weights: the weighted overloads (<c>weights</c> after the scores) weigh each placement by its row's
/// weight, as frequency weights; integer weights equal repeated rows exactly (see Comparison/WeightedDeLong.cs).</para>
/// </remarks>
public static partial class DeLong
{
    /// <summary>DeLong's confidence interval of one ROC AUC.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <returns>θ ± z·sqrt(Var(θ)) with z = Φ⁻¹(1 − (1 − confidence)/2), clamped to [0, 1] as pROC does.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public static DeLongAucInterval AucInterval(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double confidence = 0.95)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckConfidence(confidence);
        return Interval(Placements.From(labels, scores), confidence);
    }

    private static DeLongAucInterval Interval(Placements v, double confidence)
    {
        double se = Math.Sqrt(v.Variance());
        double z = Critical(confidence);
        var undefined = Undefined(v, "StandardError, Lower, Upper");
        return new DeLongAucInterval(
            v.Auc,
            se,
            Math.Max(0, v.Auc - (z * se)),
            Math.Min(1, v.Auc + (z * se)),
            confidence,
            v.Positives,
            v.Negatives,
            undefined);
    }

    /// <summary>DeLong's paired test of θ_A = θ_B for two models scored on the same rows, with the interval of θ_A − θ_B.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scoresA">Model A's finite score of each row.</param>
    /// <param name="scoresB">Model B's finite score of the same rows, in the same order.</param>
    /// <param name="confidence">The nominal coverage of the difference's interval, strictly between 0 and 1.</param>
    /// <returns>d = θ_A − θ_B, σ = sqrt(Var(θ_A) + Var(θ_B) − 2·Cov(θ_A, θ_B)), Z = d/σ, p = 2·Φ(−|Z|) and
    /// d ± z·σ (not clamped).</returns>
    /// <remarks>Identical rankings (d = 0 and σ = 0) give Z = 0 and p = 1, as pROC defines them (it warns that the
    /// test is then misleading). The correlation of the two AUCs is Covariance / sqrt(VarianceA · VarianceB).</remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public static DeLongTest Paired(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scoresA, ReadOnlySpan<double> scoresB, double confidence = 0.95)
    {
        Preconditions.CheckBinaryInput(labels, scoresA, nameof(scoresA));
        Preconditions.CheckBinaryInput(labels, scoresB, nameof(scoresB));
        Preconditions.CheckConfidence(confidence);
        Placements a = Placements.From(labels, scoresA);
        Placements b = Placements.From(labels, scoresB);
        return Test(a, b, Placements.Moments(a, b, labels, scoresA, scoresB), confidence);
    }

    private static DeLongTest Test(Placements a, Placements b, (double VarianceA, double VarianceB, double Covariance) moments, double confidence)
    {
        (double varianceA, double varianceB, double covariance) = moments;
        double d = a.Auc - b.Auc;

        // Rounding can leave a hair below 0 when the rankings nearly coincide; the variance of a difference is not negative.
        double sigma = Math.Sqrt(Math.Max(0, varianceA + varianceB - (2 * covariance)));
        double z = d == 0 && sigma == 0 ? 0 : d / sigma;
        double p = double.IsNaN(z) ? double.NaN : 2 * Normal.CDF(0, 1, -Math.Abs(z));
        double critical = Critical(confidence);
        var undefined = Undefined(a, "VarianceA, VarianceB, Covariance, StandardError, Z, PValue, Lower, Upper");
        return new DeLongTest(
            a.Auc, b.Auc, d, varianceA, varianceB, covariance, sigma, z, p, d - (critical * sigma), d + (critical * sigma), confidence, undefined);
    }

    /// <summary>Φ⁻¹(1 − (1 − confidence)/2), MathNet.Numerics' normal quantile.</summary>
    private static double Critical(double confidence) => Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));

    private static UndefinedMetric[] Undefined(Placements v, string metrics)
    {
        if (v.HasVariance)
        {
            return [];
        }

        (int positives, int negatives) = (v.Positives, v.Negatives);
        bool weighted = positives != v.PositiveWeight || negatives != v.NegativeWeight;
        string reason = v.PositiveWeight == 0 || v.NegativeWeight == 0
            ? $"only one class is present (P = {positives}, N = {negatives}): the AUC itself is undefined; reported as NaN"
            : weighted
                ? string.Create(CultureInfo.InvariantCulture, $"DeLong's weighted variance needs a weight above 1 in each class (W+ = {v.PositiveWeight:R}, W- = {v.NegativeWeight:R}): the placements' variance divides by W - 1 <= 0; reported as NaN")
                : $"DeLong's variance needs at least 2 positives and 2 negatives (P = {positives}, N = {negatives}): the sample variance of the placements divides by {(positives < 2 ? "P" : "N")} − 1 = 0; reported as NaN (pROC: NA)";
        return [new UndefinedMetric(metrics, reason)];
    }
}
