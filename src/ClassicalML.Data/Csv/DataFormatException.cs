using System.Globalization;

namespace ClassicalML.Data;

/// <summary>
/// A CSV or data file that cannot be read as a data set. The message is one line of the form
/// <c>file, line N, column 'c' (column K): problem. fix</c> so that a command-line tool can print it as it is.
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception from its parts; the message is composed from them.</summary>
    /// <param name="file">The file that was read.</param>
    /// <param name="line">The 1-based line number in <paramref name="file"/>, or 0 when the problem concerns the whole file.</param>
    /// <param name="column">The column concerned (as named in the header), or <see langword="null"/>.</param>
    /// <param name="problem">What is wrong, without a final full stop.</param>
    /// <param name="fix">How to fix it, as a sentence.</param>
    public DataFormatException(string file, int line, string? column, string problem, string fix)
        : this(file, line, column, 0, problem, fix)
    {
    }

    /// <summary>Creates the exception from its parts, including the column's position; the message is composed from them.</summary>
    /// <param name="file">The file that was read.</param>
    /// <param name="line">The 1-based line number in <paramref name="file"/>, or 0 when the problem concerns the whole file.</param>
    /// <param name="column">The column concerned (as named in the header), or <see langword="null"/>.</param>
    /// <param name="columnNumber">The 1-based position of <paramref name="column"/> in the header, or 0 when unknown.</param>
    /// <param name="problem">What is wrong, without a final full stop.</param>
    /// <param name="fix">How to fix it, as a sentence.</param>
    public DataFormatException(string file, int line, string? column, int columnNumber, string problem, string fix)
        : base(Compose(file, line, column, columnNumber, problem, fix))
    {
        File = file;
        Line = line;
        Column = column;
        ColumnNumber = columnNumber;
        Problem = problem;
        Fix = fix;
    }

    /// <summary>The file that was read.</summary>
    public string File { get; }

    /// <summary>The 1-based line number of the offending record (its first line for a quoted field that spans lines), or 0 for the whole file.</summary>
    public int Line { get; }

    /// <summary>The column concerned, as named in the header, or <see langword="null"/> when the problem is not about one column.</summary>
    public string? Column { get; }

    /// <summary>The 1-based position of <see cref="Column"/> in the header, or 0 when unknown or not about one column.</summary>
    public int ColumnNumber { get; }

    /// <summary>What is wrong (the message without location and fix).</summary>
    public string Problem { get; }

    /// <summary>How to fix it (the last sentence of the message).</summary>
    public string Fix { get; }

    private static string Compose(string file, int line, string? column, int columnNumber, string problem, string fix)
    {
        var where = line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}, line {line}") : file;
        if (column is not null)
        {
            where += columnNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $", column '{column}' (column {columnNumber})") : $", column '{column}'";
        }

        return $"{where}: {problem}. {fix}";
    }
}
