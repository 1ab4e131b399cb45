using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// Applies a <see cref="ZeroDivision"/> policy to ratios and records every undefined value,
/// so that no metric is ever silently 0 (the ML.NET counter-example).
/// </summary>
internal sealed class UndefinedMetrics
{
    private readonly List<UndefinedMetric> _items = [];

    /// <summary>Creates a log for one evaluation under <paramref name="policy"/>.</summary>
    internal UndefinedMetrics(ZeroDivision policy) => Policy = policy;

    /// <summary>The policy applied to zero denominators.</summary>
    internal ZeroDivision Policy { get; }

    /// <summary>The value the policy gives an undefined ratio: 0, 1 or NaN.</summary>
    internal double PolicyValue => Policy switch
    {
        ZeroDivision.Zero => 0.0,
        ZeroDivision.One => 1.0,
        _ => double.NaN,
    };

    /// <summary>The undefined metrics recorded so far, in the order they were met.</summary>
    internal IReadOnlyList<UndefinedMetric> Items => _items.AsReadOnly();

    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/>, or the policy value (recorded
    /// with <paramref name="reason"/>) when the denominator is 0.
    /// </summary>
    internal double Divide(double numerator, double denominator, string metric, string reason)
    {
        if (denominator != 0)
        {
            return numerator / denominator;
        }

        return Replace(metric, reason);
    }

    /// <summary>Records an undefined metric with <paramref name="reason"/> and returns the policy value reported instead.</summary>
    internal double Replace(string metric, string reason)
    {
        double value = PolicyValue;
        Add(metric, $"{reason}; reported as {Preconditions.Describe(value)} (ZeroDivision.{Policy})");
        return value;
    }

    /// <summary>Records an undefined metric whose value is fixed by its own rule (NaN, null, ...).</summary>
    internal void Add(string metric, string reason) => _items.Add(new UndefinedMetric(metric, reason));

    /// <summary>Formats a count for a reason string.</summary>
    internal static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
