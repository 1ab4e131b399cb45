using System.Collections.Immutable;
using System.Globalization;

namespace ClassicalML.Data.Training;

/// <summary>One metric across cross-validation folds.</summary>
/// <remarks>
/// Mean = (1/k) Σ v_f; StandardDeviation is the sample standard deviation √(Σ (v_f − mean)² / (k − 1)) (MathNet.Numerics
/// <c>Statistics.StandardDeviation</c>); note that NumPy's <c>np.std</c>, used by many scikit-learn examples, divides by k
/// instead. A NaN fold value (an undefined metric) makes the mean, deviation, minimum and maximum NaN.
/// </remarks>
/// <param name="Values">The metric of every fold, in fold order.</param>
/// <param name="Mean">The mean over folds.</param>
/// <param name="StandardDeviation">The sample standard deviation over folds (divisor k − 1).</param>
/// <param name="Min">The smallest fold value.</param>
/// <param name="Max">The largest fold value.</param>
public sealed record MetricSummary(ImmutableArray<double> Values, double Mean, double StandardDeviation, double Min, double Max)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mean:0.####} ± {StandardDeviation:0.####} (min {Min:0.####}, max {Max:0.####}, {Values.Length} folds)");
}
