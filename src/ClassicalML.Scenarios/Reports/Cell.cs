using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>What a <see cref="Cell"/> holds.</summary>
public enum CellKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A whole number (a count, a fold index).</summary>
    Integer,

    /// <summary>A measured number without an interval.</summary>
    Number,

    /// <summary>An <see cref="Evaluation.Interval"/>: a number with its interval.</summary>
    Interval,
}

/// <summary>One value in a report table: text, integer, number, or number with its interval.</summary>
/// <remarks>
/// JSON: text as a string, integers and numbers as JSON numbers (doubles in shortest round-trip form),
/// intervals as <c>{"value", "lower", "upper"}</c> (and <c>"undefined_share"</c> when some resamples were undefined); the
/// text is <see cref="Numbers.Format(Interval)"/>. NaN and infinities, which JSON lacks, are written as the
/// strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>. Implicit conversions let a row be written as
/// <c>table.AddRow("stratified", 5, 0.91, Intervals.Wilson(91, 100))</c>; a bootstrap interval converts to its
/// <see cref="BootstrapInterval.Interval"/>.
/// </remarks>
public readonly struct Cell : IEquatable<Cell>
{
    private readonly string? _text;
    private readonly long _integer;
    private readonly double _number;
    private readonly Interval? _interval;

    private Cell(CellKind kind, string? text, long integer, double number, Interval? interval)
    {
        Kind = kind;
        _text = text;
        _integer = integer;
        _number = number;
        _interval = interval;
    }

    /// <summary>What the cell holds.</summary>
    public CellKind Kind { get; }

    /// <summary>The text (for <see cref="CellKind.Text"/>), otherwise null.</summary>
    public string? Text => Kind == CellKind.Text ? _text ?? string.Empty : null;

    /// <summary>The whole number (for <see cref="CellKind.Integer"/>).</summary>
    public long Integer => _integer;

    /// <summary>The number: the integer, the number, or an interval's point estimate; NaN for text.</summary>
    public double Number => Kind switch
    {
        CellKind.Integer => _integer,
        CellKind.Number => _number,
        CellKind.Interval => _interval!.Estimate,
        _ => double.NaN,
    };

    /// <summary>The interval (for <see cref="CellKind.Interval"/>; for a number, <see cref="Evaluation.Interval.Exact"/>); null for text and integers.</summary>
    public Interval? Interval => Kind switch
    {
        CellKind.Interval => _interval,
        CellKind.Number => Evaluation.Interval.Exact(_number),
        _ => null,
    };

    /// <summary>A text cell.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Cell FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Cell(CellKind.Text, text, 0, double.NaN, null);
    }

    /// <summary>An integer cell.</summary>
    /// <param name="value">The whole number.</param>
    /// <returns>The cell.</returns>
    public static Cell FromInt64(long value) => new(CellKind.Integer, null, value, double.NaN, null);

    /// <summary>A number cell.</summary>
    /// <param name="value">The number (NaN allowed: undefined).</param>
    /// <returns>The cell.</returns>
    public static Cell FromDouble(double value) => new(CellKind.Number, null, 0, value, null);

    /// <summary>An interval cell.</summary>
    /// <param name="value">The number with its interval (NaN allowed: undefined).</param>
    /// <returns>The cell.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static Cell FromInterval(Interval value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Cell(CellKind.Interval, null, 0, double.NaN, value);
    }

    /// <summary>Converts text to a cell.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator Cell(string text) => FromText(text);

    /// <summary>Converts an integer to a cell.</summary>
    /// <param name="value">The integer.</param>
    public static implicit operator Cell(int value) => FromInt64(value);

    /// <summary>Converts an integer to a cell.</summary>
    /// <param name="value">The integer.</param>
    public static implicit operator Cell(long value) => FromInt64(value);

    /// <summary>Converts a number to a cell.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator Cell(double value) => FromDouble(value);

    /// <summary>Converts an interval to a cell.</summary>
    /// <param name="value">The interval.</param>
    public static implicit operator Cell(Interval value) => FromInterval(value);

    /// <summary>Converts a bootstrap interval to a cell of its <see cref="BootstrapInterval.Interval"/> (with the share of undefined resamples).</summary>
    /// <param name="value">The bootstrap interval.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator Cell(BootstrapInterval value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return FromInterval(value.Interval);
    }

    /// <summary>Formats for people: text as is, integers in full, numbers with <see cref="Numbers.Format(double)"/>, intervals with <see cref="Numbers.Format(Interval)"/>.</summary>
    /// <returns>The invariant-culture text.</returns>
    public override string ToString() => Kind switch
    {
        CellKind.Text => _text ?? string.Empty,
        CellKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        CellKind.Number => double.IsNaN(_number) ? "undefined" : Numbers.Format(_number),
        _ => Numbers.Format(_interval!),
    };

    /// <inheritdoc/>
    public bool Equals(Cell other) => Kind == other.Kind && string.Equals(_text, other._text, StringComparison.Ordinal)
        && _integer == other._integer && _number.Equals(other._number) && Equals(_interval, other._interval);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Cell other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, _text, _integer, _number, _interval);

    /// <summary>Whether two cells hold the same kind and value.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    public static bool operator ==(Cell left, Cell right) => left.Equals(right);

    /// <summary>Whether two cells differ.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    public static bool operator !=(Cell left, Cell right) => !left.Equals(right);
}
