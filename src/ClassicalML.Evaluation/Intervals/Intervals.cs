using System.Globalization;
using MathNet.Numerics.Distributions;

namespace ClassicalML.Evaluation;

/// <summary>Closed-form confidence intervals.</summary>
public static class Intervals
{
    /// <summary>
    /// The Wilson score interval for a binomial proportion, e.g. accuracy = correct / rows.
    /// Unlike the normal (Wald) interval it stays inside [0, 1] and is sensible at 0 and n successes.
    /// </summary>
    /// <param name="successes">The number of successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials, at least 1.</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <returns>An interval with Estimate = successes / trials and Method = <c>Wilson score</c>.</returns>
    /// <remarks>
    /// With p = s / n and z = Φ⁻¹(1 - (1 - confidence) / 2) (standard normal quantile, MathNet.Numerics
    /// <see cref="Normal.InvCDF"/>):
    /// center = (p + z² / (2n)) / (1 + z² / n),
    /// half-width = z / (1 + z² / n) · sqrt(p (1 - p) / n + z² / (4n²)),
    /// interval = [center - half-width, center + half-width], clamped to [0, 1] against rounding
    /// (the lower bound is exactly 0 when s = 0 and the upper bound exactly 1 when s = n).
    /// Same values as statsmodels' <c>proportion_confint(method="wilson")</c>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="trials"/> &lt; 1, <paramref name="successes"/> outside 0 to trials, or
    /// <paramref name="confidence"/> not strictly between 0 and 1.
    /// </exception>
    public static Interval Wilson(long successes, long trials, double confidence = 0.95)
    {
        Preconditions.CheckAtLeast(trials, 1, nameof(trials), "A proportion needs at least one trial.");
        Preconditions.CheckArgumentRange(successes, 0, trials, nameof(successes), "Pass the number of successes among the trials.");
        Preconditions.CheckConfidence(confidence);

        return WilsonOf(successes, trials, confidence);
    }

    /// <summary>The Wilson interval of checked (possibly weighted: frequency-weight sums) successes and trials.</summary>
    internal static Interval WilsonOf(double successes, double trials, double confidence)
    {
        var n = trials;
        var p = successes / n;
        var z = Normal.InvCDF(0.0, 1.0, 1.0 - ((1.0 - confidence) / 2.0));
        var z2 = z * z;
        var denominator = 1.0 + (z2 / n);
        var center = (p + (z2 / (2.0 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1.0 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        var lower = successes == 0 ? 0.0 : Math.Clamp(center - half, 0.0, 1.0);
        var upper = successes == trials ? 1.0 : Math.Clamp(center + half, 0.0, 1.0);
        return new Interval(p, lower, upper, confidence, "Wilson score");
    }
}
