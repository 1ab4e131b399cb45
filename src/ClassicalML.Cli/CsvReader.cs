using System.Globalization;
using System.Text;

namespace ClassicalML.Cli;

/// <summary>
/// A small streaming CSV reader (RFC 4180: comma separator, fields optionally in double quotes,
/// "" for a literal quote, line breaks allowed inside quotes; LF, CRLF or CR line ends).
/// Hand-written because the CLI must report exact line numbers and read without holding the file.
/// </summary>
internal sealed class CsvReader(TextReader reader)
{
    private int line = 1;

    /// <summary>The 1-based line on which the last record returned by <see cref="ReadRecord"/> started.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next record, or null at the end of the input.</summary>
    /// <exception cref="CsvFormatException">A quote is misplaced or not closed.</exception>
    public List<string>? ReadRecord()
    {
        var c = reader.Read();
        if (c == -1)
        {
            return null;
        }

        RecordLine = line;
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, closedQuote = false;
        while (true)
        {
            if (c == -1)
            {
                if (quoted)
                {
                    throw new CsvFormatException(RecordLine, "a quoted field is not closed before the end of the file; close the quote (write a literal quote as \"\")");
                }

                fields.Add(field.ToString());
                return fields;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        closedQuote = true;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
                    {
                        line++;
                    }

                    field.Append((char)c);
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                closedQuote = false;
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                line++;
                fields.Add(field.ToString());
                return fields;
            }
            else if (c == '"' && field.Length == 0 && !closedQuote)
            {
                quoted = true;
            }
            else if (c == '"' || closedQuote)
            {
                throw new CsvFormatException(line, string.Create(CultureInfo.InvariantCulture, $"field {fields.Count + 1} has a quote inside an unquoted value or text after a closing quote; quote the whole field and double any quote inside it"));
            }
            else
            {
                field.Append((char)c);
            }

            c = reader.Read();
        }
    }
}

/// <summary>A malformed CSV record.</summary>
internal sealed class CsvFormatException(int line, string problem) : Exception(problem)
{
    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; } = line;
}
