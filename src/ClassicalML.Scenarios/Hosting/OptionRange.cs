using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>The values a scenario option accepts, with the rule in words for the error line and the help text.</summary>
/// <typeparam name="T">The option's type.</typeparam>
/// <remarks>Create one with the factories of <see cref="OptionRange"/>. The host checks every option against its range
/// before the run starts and refuses a bad value with one line: <c>--small-rows is 0; it must be an integer from 20 to
/// 6435. Pass e.g. --small-rows 600.</c> (exit code 2).</remarks>
public sealed class OptionRange<T>
{
    private readonly Func<T, bool> _contains;

    internal OptionRange(Func<T, bool> contains, string rule)
    {
        ArgumentNullException.ThrowIfNull(contains);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        _contains = contains;
        Rule = rule;
    }

    /// <summary>The rule in words, completing "it must be …", e.g. "an integer from 20 to 6435".</summary>
    public string Rule { get; }

    /// <summary>Whether a value is in the range.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when the option accepts <paramref name="value"/>.</returns>
    public bool Contains(T value) => _contains(value);
}

/// <summary>Factories of <see cref="OptionRange{T}"/>, for <c>Scenario.Option(…, range)</c>.</summary>
public static class OptionRange
{
    /// <summary>The integers from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    /// <param name="min">The smallest value accepted.</param>
    /// <param name="max">The largest value accepted.</param>
    /// <returns>The range "an integer from min to max".</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is less than <paramref name="min"/>.</exception>
    public static OptionRange<int> Integers(int min, int max)
    {
        Preconditions.CheckRange(min, max, open: false, OrderFix);
        return new(v => v >= min && v <= max, Invariant($"an integer from {min} to {max}"));
    }

    /// <summary>The numbers from <paramref name="min"/> to <paramref name="max"/>, both included (never NaN).</summary>
    /// <param name="min">The smallest value accepted.</param>
    /// <param name="max">The largest value accepted.</param>
    /// <returns>The range "a number from min to max".</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN, or <paramref name="max"/> is less than <paramref name="min"/>.</exception>
    public static OptionRange<double> Between(double min, double max)
    {
        Preconditions.CheckRange(min, max, open: false, OrderFix);
        return new(v => v >= min && v <= max, Invariant($"a number from {Format(min)} to {Format(max)}"));
    }

    /// <summary>The numbers strictly between <paramref name="min"/> and <paramref name="max"/> (a share such as a test fraction: <c>Open(0, 1)</c>).</summary>
    /// <param name="min">The bound below, excluded.</param>
    /// <param name="max">The bound above, excluded.</param>
    /// <returns>The range "a number greater than min and less than max".</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN, or <paramref name="max"/> is not greater than <paramref name="min"/>.</exception>
    public static OptionRange<double> Open(double min, double max)
    {
        Preconditions.CheckRange(min, max, open: true, "An open range needs min < max.");

        return new(v => v > min && v < max, Invariant($"a number greater than {Format(min)} and less than {Format(max)}"));
    }

    /// <summary>The finite numbers greater than <paramref name="min"/> (e.g. <c>Above(0)</c> for a penalty that must be positive).</summary>
    /// <param name="min">The bound below, excluded.</param>
    /// <returns>The range "a finite number greater than min".</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="min"/> is NaN.</exception>
    public static OptionRange<double> Above(double min)
    {
        Preconditions.CheckRange(min, min, open: false, OrderFix);
        return new(v => v > min && double.IsFinite(v), Invariant($"a finite number greater than {Format(min)}"));
    }

    /// <summary>The finite numbers of at least <paramref name="min"/> (e.g. <c>AtLeast(0)</c> for a penalty that may be 0).</summary>
    /// <param name="min">The smallest value accepted.</param>
    /// <returns>The range "a finite number of at least min".</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="min"/> is NaN.</exception>
    public static OptionRange<double> AtLeast(double min)
    {
        Preconditions.CheckRange(min, min, open: false, OrderFix);
        return new(v => v >= min && double.IsFinite(v), Invariant($"a finite number of at least {Format(min)}"));
    }

    /// <summary>One of the listed strings (compared exactly).</summary>
    /// <param name="values">The accepted values.</param>
    /// <returns>The range "one of a, b, c".</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static OptionRange<string> OneOf(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Preconditions.CheckNotEmpty(values.Count, nameof(values), "List at least one accepted value.");

        string[] copy = [.. values];
        return new(v => Array.IndexOf(copy, v) >= 0, "one of " + string.Join(", ", copy));
    }

    /// <summary>Any rule that the factories above do not cover.</summary>
    /// <typeparam name="T">The option's type.</typeparam>
    /// <param name="contains">Whether a value is accepted.</param>
    /// <param name="rule">The rule in words, completing "it must be …".</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contains"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="rule"/> is empty.</exception>
    public static OptionRange<T> Where<T>(Func<T, bool> contains, string rule) => new(contains, rule);

    private const string OrderFix = "Pass numbers with min <= max.";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
