namespace ClassicalML.Scenarios;

/// <summary>An estimated number with its interval, e.g. a mean accuracy with a 95% confidence interval.</summary>
/// <remarks>
/// In report.json an estimate is written as <c>{"value": v, "lower": l, "upper": u}</c>; on the console and in
/// report.md as <c>v [l, u]</c>. Which interval it is (95% bootstrap, Wilson, ...) belongs in the table's column
/// name or the claim's criterion. The point estimate need not lie inside the interval: a percentile bootstrap
/// interval can miss the full-data value of a skewed or discrete statistic, and it is reported as measured,
/// never widened.
/// </remarks>
public readonly record struct Estimate
{
    /// <summary>Creates an estimate.</summary>
    /// <param name="value">The point estimate.</param>
    /// <param name="lower">The interval's lower bound.</param>
    /// <param name="upper">The interval's upper bound.</param>
    /// <exception cref="ArgumentException"><c>lower &gt; upper</c> (NaN is allowed anywhere and means undefined).</exception>
    public Estimate(double value, double lower, double upper)
    {
        if (lower > upper)
        {
            throw new ArgumentException(
                $"estimate ({Numbers.Format(value)}, [{Numbers.Format(lower)}, {Numbers.Format(upper)}]) has lower > upper; an interval needs lower <= upper. Pass the interval bounds in that order.",
                nameof(lower));
        }

        Value = value;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The point estimate.</summary>
    public double Value { get; }

    /// <summary>The interval's lower bound.</summary>
    public double Lower { get; }

    /// <summary>The interval's upper bound.</summary>
    public double Upper { get; }

    /// <summary>
    /// The share of bootstrap resamples (or repetitions) on which the quantity was undefined and which the interval
    /// therefore leaves out, from 0 to 1; 0 when every resample was defined (the default).
    /// </summary>
    public double UndefinedShare { get; init; }

    /// <summary>Whether any of the three numbers is NaN.</summary>
    public bool IsUndefined => double.IsNaN(Value) || double.IsNaN(Lower) || double.IsNaN(Upper);

    /// <summary>An undefined estimate: value and interval NaN (printed "undefined").</summary>
    public static Estimate Undefined => new(double.NaN, double.NaN, double.NaN);

    /// <summary>A number known exactly (counted, not estimated): its interval is the number itself.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The estimate <c>value [value, value]</c>.</returns>
    public static Estimate Exact(double value) => new(value, value, value);

    /// <summary>A point estimate whose interval cannot be computed (e.g. from a single replicate): printed
    /// <c>value [interval undefined]</c>.</summary>
    /// <param name="value">The point estimate.</param>
    /// <returns>The estimate with NaN bounds.</returns>
    public static Estimate WithoutInterval(double value) => new(value, double.NaN, double.NaN);

    /// <summary>
    /// The point estimate and bounds of an interval of ClassicalML.Evaluation (Wilson, bootstrap, …): the one interval
    /// type of the libraries, formatted by the host as an estimate. Confidence and method are not kept; they belong
    /// in the table's column name or the claim's criterion.
    /// </summary>
    /// <param name="interval">The interval, e.g. from <c>Intervals.Wilson</c>.</param>
    /// <returns>The estimate with the same three numbers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    public static Estimate FromInterval(ClassicalML.Evaluation.Interval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return new Estimate(interval.Estimate, interval.Lower, interval.Upper);
    }

    /// <summary>Converts an interval of ClassicalML.Evaluation to an estimate, as <see cref="FromInterval"/> does, so scenario code need not convert by hand.</summary>
    /// <param name="interval">The interval.</param>
    public static implicit operator Estimate(ClassicalML.Evaluation.Interval interval) => FromInterval(interval);

    /// <summary>Converts a bootstrap interval to an estimate, as <see cref="FromBootstrap"/> does (with the share of undefined resamples).</summary>
    /// <param name="interval">The bootstrap interval.</param>
    public static implicit operator Estimate(ClassicalML.Evaluation.BootstrapInterval interval) => FromBootstrap(interval);

    /// <summary>The interval of a bootstrap, with its point estimate and the share of undefined resamples.</summary>
    /// <param name="interval">The bootstrap interval from <c>ClassicalML.Evaluation.Bootstrap</c>.</param>
    /// <returns>The estimate; <see cref="UndefinedShare"/> = undefined resamples / resamples.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    public static Estimate FromBootstrap(ClassicalML.Evaluation.BootstrapInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return new Estimate(interval.Estimate, interval.Lower, interval.Upper)
        {
            UndefinedShare = (double)interval.UndefinedResamples / interval.Resamples,
        };
    }

    /// <summary>
    /// Formats as <c>value [lower, upper]</c> with <see cref="Numbers.Format"/>; an undefined (NaN) value or interval
    /// prints as <c>undefined</c>, never as a number, and a share of undefined resamples is added in words.
    /// </summary>
    /// <returns>E.g. <c>0.912 [0.901, 0.923]</c>, <c>0.5 [0.31, 0.72] (undefined in 37% of resamples)</c>, <c>undefined</c>.</returns>
    public override string ToString()
    {
        if (double.IsNaN(Value))
        {
            return "undefined";
        }

        string interval = double.IsNaN(Lower) || double.IsNaN(Upper)
            ? "[interval undefined]"
            : $"[{Numbers.Format(Lower)}, {Numbers.Format(Upper)}]";
        string undefined = UndefinedShare > 0 ? $" (undefined in {Numbers.Percent(UndefinedShare)} of resamples)" : string.Empty;
        return $"{Numbers.Format(Value)} {interval}{undefined}";
    }
}
