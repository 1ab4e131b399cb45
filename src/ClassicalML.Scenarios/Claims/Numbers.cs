using System.Globalization;

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
}
