using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>Argument checks for multiclass evaluation, with messages that name the argument, the rule, the value and the fix.</summary>
internal static class MulticlassChecks
{
    public static void SameLength<TA, TB>(ReadOnlySpan<TA> actual, ReadOnlySpan<TB> predicted)
    {
        if (actual.Length != predicted.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"actual has {actual.Length} rows but predicted has {predicted.Length}; both must have one entry per row. Pass predictions for exactly the rows in actual."),
                nameof(predicted));
        }
    }

    public static void NotEmpty(int length, string paramName)
    {
        if (length == 0)
        {
            throw new ArgumentException(
                $"{paramName} is empty; evaluation needs at least one row. Pass a non-empty set of rows.",
                paramName);
        }
    }

    public static double PolicyValue(ZeroDivision zeroDivision) => zeroDivision switch
    {
        ZeroDivision.Zero => 0.0,
        ZeroDivision.One => 1.0,
        ZeroDivision.NaN => double.NaN,
        _ => throw new ArgumentOutOfRangeException(
            nameof(zeroDivision),
            zeroDivision,
            string.Create(CultureInfo.InvariantCulture,
                $"zeroDivision is {(int)zeroDivision}, which is not a ZeroDivision value; use ZeroDivision.Zero, ZeroDivision.One or ZeroDivision.NaN.")),
    };

    public static string Format<TLabel>(TLabel label)
        where TLabel : notnull
        => Convert.ToString(label, CultureInfo.InvariantCulture) ?? string.Empty;
}
