using System.Text;

namespace ClassicalML.Data;

/// <summary>
/// A comma-separated file read into memory: header and records as strings, with the line each record starts on.
/// Hand-written because Microsoft.Data.Analysis's LoadCsv neither reports the line and column of bad input nor
/// lets the caller decide the column kinds.
/// </summary>
/// <remarks>
/// Follows RFC 4180: fields separated by commas, records by LF, CRLF or CR; a field may be enclosed in double
/// quotes, inside which commas and line breaks are literal and <c>""</c> stands for one quote. A UTF-8 byte order
/// mark is skipped. Empty lines are ignored (they carry no record). Field values are not trimmed.
/// </remarks>
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

    public static CsvTable Read(string path)
    {
        var text = System.IO.File.ReadAllText(path, Encoding.UTF8);
        return Parse(path, text);
    }

    public static CsvTable Parse(string file, string text)
    {
        var records = new List<string[]>();
        var lines = new List<int>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        var atRecordStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (atRecordStart && (c == '\n' || c == '\r'))
            {
                // An empty line: no record.
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                continue;
            }

            if (atRecordStart)
            {
                recordLine = line;
                atRecordStart = false;
            }

            if (c == '"' && field.Length == 0)
            {
                var quoteLine = line;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    var q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        closed = true;
                        break;
                    }

                    if (q == '\n' || (q == '\r' && !(i + 1 < text.Length && text[i + 1] == '\n')))
                    {
                        line++;
                    }

                    field.Append(q);
                    i++;
                }

                if (!closed)
                {
                    throw new DataFormatException(file, quoteLine, null, "a quoted field is opened here but never closed",
                        "Close the field with a double quote, and write a quote inside a quoted field as two quotes (\"\").");
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                {
                    throw new DataFormatException(file, line, null,
                        $"unexpected character '{text[i]}' after the closing quote of field {fields.Count + 1}",
                        "Put a comma or a line break right after a closing quote, or quote the whole field.");
                }

                continue;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                lines.Add(recordLine);
                fields.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                atRecordStart = true;
                continue;
            }

            field.Append(c);
            i++;
        }

        if (!atRecordStart)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
            lines.Add(recordLine);
        }

        if (records.Count == 0)
        {
            throw new DataFormatException(file, 0, null, "the file is empty",
                "Write a header line with the column names, then one line per row.");
        }

        var header = records[0];
        records.RemoveAt(0);
        lines.RemoveAt(0);
        return new CsvTable(file, header, records, lines);
    }
}
