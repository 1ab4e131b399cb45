namespace ClassicalML.Data.Csv;

/// <summary>How <see cref="CsvReader"/> reads a delimited text file.</summary>
internal sealed record CsvReadOptions
{
    /// <summary>Comma-separated, values as they are: what <see cref="Dataset.FromCsv"/> and the data catalogue read.</summary>
    public static CsvReadOptions Comma { get; } = new() { Delimiter = ',' };

    /// <summary>
    /// The field delimiter, or <see langword="null"/> to detect it: the <c>sep=</c> of an ML.NET schema block, tab for a
    /// <c>.tsv</c> file, otherwise whichever of comma, semicolon, tab and pipe occurs most often in the header line
    /// (outside quotes; comma when none does).
    /// </summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// Read the <c>#@ TextLoader{ … #@ }</c> block that ML.NET's <c>SaveAsText</c> writes by default: its <c>sep=</c>, its
    /// <c>header+</c> and its column names and types, and its sparse rows (<c>dense-prefix length index:value …</c>).
    /// </summary>
    public bool MlNetSchema { get; init; }

    /// <summary>Trim white space around header names and field values (after removing quotes).</summary>
    public bool Trim { get; init; }
}
