using System.Globalization;
using System.Runtime.CompilerServices;

namespace ClassicalML.Cli;

/// <summary>
/// Decides which label values are the positive class in binary mode: 1 and 0 as numbers (so 1.0, 1.0e0 and 1 are one
/// class), true and false in any case, or, with --positive, the given value (compared as a number when both are numbers,
/// otherwise as text, case-sensitively). Refuses a third class.
/// </summary>
internal sealed class BinaryLabelRule
{
    private const int CacheSize = 16;
    private readonly string? positive;
    private readonly double? positiveNumber;
    private readonly List<(string Text, bool Positive)> cache = [];
    private const int NoChar = -1;
    private int char0 = NoChar;
    private int char1 = NoChar;
    private bool positive0Char;
    private bool positive1Char;
    private double number0 = double.NaN;
    private double number1 = double.NaN; // NaN equals nothing: an empty slot
    private bool positive0;
    private bool positive1;
    private readonly List<(object Key, string Text, bool Positive)> classes = [];

    public BinaryLabelRule(string? positive)
    {
        this.positive = positive;
        positiveNumber = positive is not null && ValueParsing.TryParseNumber(positive, out var p) && double.IsFinite(p) ? p : null;
    }

    /// <summary>Whether the label written as <paramref name="raw"/> (trimmed, not empty) is the positive class.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool FromText(ReadOnlySpan<char> raw, IValueSite site, int column)
    {
        // Most files write one-character labels (0/1): two cached characters decide them without a call.
        if (raw.Length == 1)
        {
            if (raw[0] == char0)
            {
                return positive0Char;
            }

            if (raw[0] == char1)
            {
                return positive1Char;
            }
        }

        return FromTextSlow(raw, site, column);
    }

    /// <summary>
    /// Whether a label text already classified by <see cref="FromText"/> is the positive class, without deciding anything
    /// new: false when <paramref name="raw"/> has not been seen (the caller then goes through <see cref="FromText"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryCached(ReadOnlySpan<char> raw, out bool isPositive)
    {
        if (raw.Length == 1)
        {
            if (raw[0] == char0)
            {
                isPositive = positive0Char;
                return true;
            }

            if (raw[0] == char1)
            {
                isPositive = positive1Char;
                return true;
            }
        }

        return TryCachedText(raw, out isPositive);
    }

    private bool TryCachedText(ReadOnlySpan<char> raw, out bool isPositive)
    {
        foreach (var (text, cached) in cache)
        {
            if (raw.SequenceEqual(text))
            {
                isPositive = cached;
                return true;
            }
        }

        isPositive = false;
        return false;
    }

    private bool FromTextSlow(ReadOnlySpan<char> raw, IValueSite site, int column)
    {
        // Files repeat two label texts: compare with the ones already seen before parsing anything.
        if (TryCachedText(raw, out var seen))
        {
            return seen;
        }

        var value = raw.ToString();
        var result = Classify(value, ValueParsing.TryParseNumber(raw, out var number) && double.IsFinite(number) ? number : null, site, column);
        if (cache.Count < CacheSize)
        {
            cache.Add((value, result));
        }

        if (raw.Length == 1 && char0 == NoChar)
        {
            (char0, positive0Char) = (raw[0], result);
        }
        else if (raw.Length == 1 && char1 == NoChar)
        {
            (char1, positive1Char) = (raw[0], result);
        }

        return result;
    }

    /// <summary>Whether a finite numeric label (Parquet) is the positive class.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool FromNumber(double number, IValueSite site, int column) =>
        number == number0 ? positive0 : number == number1 ? positive1 : NewNumber(number, site, column);

    /// <summary>
    /// Whether a numeric label already classified by <see cref="FromNumber"/> is the positive class, without deciding
    /// anything new: false when <paramref name="number"/> has not been seen (or is NaN; the caller then takes the full path).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryCachedNumber(double number, out bool isPositive)
    {
        // Non-short-circuit operators: no branch on the label, which is unpredictable.
        bool is0 = number == number0;
        bool is1 = number == number1;
        isPositive = (is0 & positive0) | (is1 & positive1);
        return is0 | is1;
    }

    /// <summary>Whether a Boolean label (Parquet) is the positive class: true is 1, false is 0.</summary>
    public bool FromBoolean(bool value, IValueSite site, int column) => Classify(value ? "true" : "false", value ? 1 : 0, site, column);

    /// <summary>After the last row: refuses a --positive that matched no label.</summary>
    public void CheckPositiveSeen(Func<string, string, ClassicalML.Data.DataFormatException> error)
    {
        if (positive is not null && !classes.Exists(c => c.Positive))
        {
            throw error(
                $"--positive '{positive}' matches no label; the labels are {string.Join(", ", classes.Select(c => $"'{c.Text}'"))}",
                "Pass one of them (text is compared case-sensitively, numbers as numbers).");
        }
    }

    private bool NewNumber(double number, IValueSite site, int column)
    {
        var result = Classify(number.ToString("R", CultureInfo.InvariantCulture), number, site, column);
        (number0, positive0, number1, positive1) = double.IsNaN(number0) ? (number, result, number1, positive1) : (number0, positive0, number, result);
        return result;
    }

    private bool Classify(string text, double? number, IValueSite site, int column)
    {
        object key = number is { } n ? n : IsTrue(text) ? 1.0 : IsFalse(text) ? 0.0 : text;
        foreach (var c in classes)
        {
            if (c.Key.Equals(key))
            {
                return c.Positive;
            }
        }

        if (classes.Count == 2)
        {
            throw site.Error(column,
                $"a third label value '{text}' (after '{classes[0].Text}' and '{classes[1].Text}'): binary evaluation needs exactly two classes",
                "For more classes, compare predicted labels with --predicted-column COLUMN.");
        }

        var isPositive = Decide(text, number, key, site, column);
        classes.Add((key, text, isPositive));
        return isPositive;
    }

    private bool Decide(string text, double? number, object key, IValueSite site, int column)
    {
        if (positive is not null)
        {
            return positiveNumber is { } p && number is { } n ? n == p : string.Equals(text, positive, StringComparison.Ordinal);
        }

        return key switch
        {
            1.0 => true,
            0.0 => false,
            _ => throw site.Error(column, $"label '{text}' is not 0/1 or true/false",
                $"Name the positive class with --positive VALUE (e.g. --positive {text})."),
        };
    }

    private static bool IsTrue(string text) => text.Equals("true", StringComparison.OrdinalIgnoreCase);

    private static bool IsFalse(string text) => text.Equals("false", StringComparison.OrdinalIgnoreCase);
}
