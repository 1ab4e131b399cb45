namespace ClassicalML.Data.Csv;

/// <summary>
/// A comma-separated file read into memory by <see cref="CsvReader"/>: header and records as strings, with the line
/// each record starts on. Field values are not trimmed; empty lines carry no record.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(string file, string[] header, List<string[]> records, List<int> lines)
    {
        File = file;
        Header = header;
        Records = records;
        Lines = lines;
    }

    public string File { get; }

    public string[] Header { get; }

    public IReadOnlyList<string[]> Records { get; }

    /// <summary>The 1-based line on which each record starts.</summary>
    public IReadOnlyList<int> Lines { get; }

    /// <summary>Reads every record of <paramref name="path"/> (comma-separated, values as they are).</summary>
    /// <exception cref="DataFormatException">The file is empty, has no data rows, or a record is malformed.</exception>
    public static CsvTable Read(string path)
    {
        using var reader = CsvReader.OpenFile(path, CsvReadOptions.Comma);
        return ReadAll(reader);
    }

    /// <summary>Reads every record of in-memory text as if it were the file <paramref name="file"/>.</summary>
    internal static CsvTable FromText(string file, string content)
    {
        using var reader = CsvReader.OpenText(file, content, CsvReadOptions.Comma);
        return ReadAll(reader);
    }

    private static CsvTable ReadAll(CsvReader reader)
    {
        var records = new List<string[]>();
        var lines = new List<int>();
        var width = reader.Columns.Count;
        while (reader.Read())
        {
            var record = new string[width];
            for (var c = 0; c < width; c++)
            {
                record[c] = reader[c].ToString();
            }

            records.Add(record);
            lines.Add(reader.Line);
        }

        return new CsvTable(reader.File, [.. reader.Columns], records, lines);
    }
}
