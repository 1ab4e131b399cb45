using System.Globalization;

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

    /// <summary>An <see cref="Scenarios.Estimate"/>: a number with its interval.</summary>
    Estimate,
}

/// <summary>One value in a report table: text, integer, number, or estimate with interval.</summary>
/// <remarks>
/// JSON: text as a string, integers and numbers as JSON numbers (doubles in shortest round-trip form),
/// estimates as <c>{"value", "lower", "upper"}</c>. NaN and infinities, which JSON lacks, are written as the
/// strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>. Implicit conversions let a row be written as
/// <c>table.AddRow("stratified", 5, 0.91, new Estimate(0.91, 0.89, 0.93))</c>.
/// </remarks>
public readonly struct Cell : IEquatable<Cell>
{
    private readonly string? _text;
    private readonly long _integer;
    private readonly Estimate _estimate;

    private Cell(CellKind kind, string? text, long integer, Estimate estimate)
    {
        Kind = kind;
        _text = text;
        _integer = integer;
        _estimate = estimate;
    }

    /// <summary>What the cell holds.</summary>
    public CellKind Kind { get; }

    /// <summary>The text (for <see cref="CellKind.Text"/>), otherwise null.</summary>
    public string? Text => Kind == CellKind.Text ? _text ?? string.Empty : null;

    /// <summary>The whole number (for <see cref="CellKind.Integer"/>).</summary>
    public long Integer => _integer;

    /// <summary>The number: the integer, the number, or an estimate's point value; NaN for text.</summary>
    public double Number => Kind switch
    {
        CellKind.Integer => _integer,
        CellKind.Number or CellKind.Estimate => _estimate.Value,
        _ => double.NaN,
    };

    /// <summary>The estimate (for <see cref="CellKind.Estimate"/>; for a number, the number with a zero-width interval).</summary>
    public Estimate Estimate => _estimate;

    /// <summary>A text cell.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Cell FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Cell(CellKind.Text, text, 0, default);
    }

    /// <summary>An integer cell.</summary>
    /// <param name="value">The whole number.</param>
    /// <returns>The cell.</returns>
    public static Cell FromInt64(long value) => new(CellKind.Integer, null, value, default);

    /// <summary>A number cell.</summary>
    /// <param name="value">The number (NaN allowed: undefined).</param>
    /// <returns>The cell.</returns>
    public static Cell FromDouble(double value) => new(CellKind.Number, null, 0, Estimate.Exact(value));

    /// <summary>An estimate cell.</summary>
    /// <param name="value">The estimate with its interval.</param>
    /// <returns>The cell.</returns>
    public static Cell FromEstimate(Estimate value) => new(CellKind.Estimate, null, 0, value);

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

    /// <summary>Converts an estimate to a cell.</summary>
    /// <param name="value">The estimate.</param>
    public static implicit operator Cell(Estimate value) => FromEstimate(value);

    /// <summary>Converts an interval of ClassicalML.Evaluation to an estimate cell (<see cref="Estimate.FromInterval"/>).</summary>
    /// <param name="value">The interval.</param>
    public static implicit operator Cell(ClassicalML.Evaluation.Interval value) => FromEstimate(Estimate.FromInterval(value));

    /// <summary>Converts a bootstrap interval to an estimate cell (<see cref="Estimate.FromBootstrap"/>).</summary>
    /// <param name="value">The bootstrap interval.</param>
    public static implicit operator Cell(ClassicalML.Evaluation.BootstrapInterval value) => FromEstimate(Estimate.FromBootstrap(value));

    /// <summary>Formats for people: text as is, integers in full, numbers with <see cref="Numbers.Format"/>, estimates as <c>v [l, u]</c>.</summary>
    /// <returns>The invariant-culture text.</returns>
    public override string ToString() => Kind switch
    {
        CellKind.Text => _text ?? string.Empty,
        CellKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        CellKind.Number => double.IsNaN(_estimate.Value) ? "undefined" : Numbers.Format(_estimate.Value),
        _ => _estimate.ToString(),
    };

    /// <inheritdoc/>
    public bool Equals(Cell other) => Kind == other.Kind && string.Equals(_text, other._text, StringComparison.Ordinal)
        && _integer == other._integer && _estimate.Equals(other._estimate);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Cell other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, _text, _integer, _estimate);

    /// <summary>Whether two cells hold the same kind and value.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    public static bool operator ==(Cell left, Cell right) => left.Equals(right);

    /// <summary>Whether two cells differ.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    public static bool operator !=(Cell left, Cell right) => !left.Equals(right);
}
