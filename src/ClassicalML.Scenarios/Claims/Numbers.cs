using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>Invariant-culture formatting of numbers for evidence lines, tables and reports.</summary>
public static class Numbers
{
    /// <summary>Formats a number with up to four significant digits in the invariant culture.</summary>
    /// <param name="value">The number.</param>
    /// <returns>E.g. <c>0.9123</c>, <c>12.5</c>, <c>1.235E+06</c>, <c>NaN</c>.</returns>
    public static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Formats a fraction as a percentage with one decimal place at most, e.g. <c>85%</c> or <c>12.5%</c>.</summary>
    /// <param name="fraction">The fraction (0.85 for 85%).</param>
    /// <returns>The percentage text.</returns>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// Formats an interval as a report prints it: <c>value [lower, upper]</c> with <see cref="Format(double)"/>; an
    /// undefined (NaN) value prints as <c>undefined</c>, never as a number, undefined bounds as
    /// <c>[interval undefined]</c>, and a share of undefined resamples is added in words. Which interval it is
    /// (95% bootstrap, Wilson, ...) belongs in the table's column name or the claim's criterion, so confidence and
    /// method are not printed.
    /// </summary>
    /// <param name="interval">The interval.</param>
    /// <returns>E.g. <c>0.912 [0.901, 0.923]</c>, <c>0.5 [0.31, 0.72] (undefined in 37% of resamples)</c>, <c>undefined</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    public static string Format(Interval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        if (double.IsNaN(interval.Estimate))
        {
            return "undefined";
        }

        string bounds = double.IsNaN(interval.Lower) || double.IsNaN(interval.Upper)
            ? "[interval undefined]"
            : $"[{Format(interval.Lower)}, {Format(interval.Upper)}]";
        string undefined = interval.UndefinedShare > 0 ? $" (undefined in {Percent(interval.UndefinedShare)} of resamples)" : string.Empty;
        return $"{Format(interval.Estimate)} {bounds}{undefined}";
    }
}
