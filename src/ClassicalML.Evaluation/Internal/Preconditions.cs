using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// Argument checks shared by every metric (NodaTime style): each message names the argument,
/// the rule, the offending value and the fix.
/// </summary>
internal static class Preconditions
{
    /// <summary>Checks the (labels, scores) pair every binary metric takes.</summary>
    /// <exception cref="ArgumentException">Empty input, different lengths, or a non-finite score.</exception>
    internal static void CheckBinaryInput(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        CheckSameLength(labels.Length, scores.Length, "labels", "scores");
        CheckNotEmpty(labels.Length, "labels");
        CheckFinite(scores, "scores");
    }

    /// <summary>Fails when a collection has no element.</summary>
    /// <exception cref="ArgumentException"><paramref name="length"/> is 0.</exception>
    internal static void CheckNotEmpty(int length, string paramName)
    {
        if (length == 0)
        {
            throw new ArgumentException(
                $"{paramName} is empty; at least one example is required. Pass the labels and scores of one or more examples.",
                paramName);
        }
    }

    /// <summary>Fails when two parallel collections differ in length, naming both lengths.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    internal static void CheckSameLength(int firstLength, int secondLength, string firstName, string secondName)
    {
        if (firstLength != secondLength)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{firstName} has {firstLength} elements but {secondName} has {secondLength}; they must have the same length (one {Singular(secondName)} per {Singular(firstName)}). Pass parallel arrays of equal length."),
                secondName);
        }
    }

    /// <summary>Fails on the first NaN or infinite element, naming its index and value.</summary>
    /// <exception cref="ArgumentException">An element is NaN or infinite.</exception>
    internal static void CheckFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{paramName}[{i}] is {Describe(values[i])}; every score must be a finite number. Remove or impute non-finite scores before evaluating."),
                    paramName);
            }
        }
    }

    /// <summary>Fails when a decision threshold is NaN (infinite thresholds are allowed: they predict all or nothing).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    internal static void CheckThreshold(double threshold, string paramName)
    {
        if (double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                threshold,
                $"{paramName} is NaN; the threshold must be a number (a row is predicted positive when score >= threshold). Pass a number such as 0.5 for probabilities or 0 for decision-function values.");
        }
    }

    /// <summary>Fails unless beta is finite and greater than 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is NaN, infinite, or &lt;= 0.</exception>
    internal static void CheckBeta(double beta, string paramName)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                beta,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{paramName} is {Describe(beta)}; beta must be a finite number greater than 0 (beta < 1 weighs precision more, beta > 1 weighs recall more). Pass a positive beta such as 1, 0.5 or 2."));
        }
    }

    /// <summary>Fails when an enum argument holds a value that is not one of its named members.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined member.</exception>
    internal static void CheckDefined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{paramName} is {Convert.ToInt64(value, CultureInfo.InvariantCulture)}, which is not a {typeof(TEnum).Name} member; it must be one of {string.Join(", ", Enum.GetNames<TEnum>())}. Pass a named member, e.g. {typeof(TEnum).Name}.{Enum.GetNames<TEnum>()[0]}."));
        }
    }

    /// <summary>A number as people read it in messages: invariant culture, round-trippable, explicit infinities.</summary>
    internal static string Describe(double value) => value switch
    {
        double.PositiveInfinity => "+infinity",
        double.NegativeInfinity => "-infinity",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;
}
