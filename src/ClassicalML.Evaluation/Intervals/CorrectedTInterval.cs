namespace ClassicalML.Evaluation;

/// <summary>
/// The corrected resampled t interval of the mean of J resampled scores (or of J paired differences), with the test
/// of mean = 0. Built by <see cref="CorrectedResampledT"/>; the formulas are in its remarks.
/// </summary>
/// <param name="Mean">The mean of the J values.</param>
/// <param name="StandardError">sqrt((1/J + n_test/n_train) · s²); NaN when J &lt; 2.</param>
/// <param name="DegreesOfFreedom">J − 1.</param>
/// <param name="Quantile">t(1 − (1 − confidence)/2; J − 1), the Student t quantile; NaN when J &lt; 2.</param>
/// <param name="Lower">Mean − Quantile · StandardError; NaN when J &lt; 2.</param>
/// <param name="Upper">Mean + Quantile · StandardError; NaN when J &lt; 2.</param>
/// <param name="Confidence">The nominal coverage, e.g. 0.95.</param>
/// <param name="TStatistic">Mean / StandardError; ±∞ when every value is the same non-zero number, NaN when they are all 0 or J &lt; 2.</param>
/// <param name="PValue">Two-sided p-value of mean = 0 (for a paired difference: no difference), 2 · P(T_{J−1} ≥ |TStatistic|); NaN when TStatistic is.</param>
/// <param name="Count">J, the number of values.</param>
/// <param name="TestTrainRatio">n_test / n_train of the design.</param>
public sealed record CorrectedTInterval(
    double Mean,
    double StandardError,
    int DegreesOfFreedom,
    double Quantile,
    double Lower,
    double Upper,
    double Confidence,
    double TStatistic,
    double PValue,
    int Count,
    double TestTrainRatio)
{
    /// <summary>The method name used in <see cref="ToInterval"/>.</summary>
    public const string MethodName = "corrected resampled t";

    /// <summary>The estimate and bounds as an <see cref="Interval"/> (Method = <c>corrected resampled t</c>).</summary>
    /// <returns>The interval.</returns>
    public Interval ToInterval() => new(Mean, Lower, Upper, Confidence, MethodName);
}
