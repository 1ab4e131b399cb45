namespace ClassicalML.Data.Csv;

/// <summary>
/// RFC 4180 quoting of one raw field as the span-based reader delivers it: a field that contains a quote must be
/// enclosed in quotes, with <c>""</c> for a literal quote inside and nothing after the closing quote.
/// </summary>
/// <remarks>Sep finds the field boundaries (fast, quote-aware); this checks what it does not and removes the quotes.</remarks>
internal static class CsvQuotes
{
    /// <summary>Checks a raw field that contains a quote.</summary>
    /// <returns>Null when the field is well quoted, otherwise the problem and its fix.</returns>
    public static (string Problem, string Fix)? Check(ReadOnlySpan<char> raw, int fieldNumber)
    {
        if (raw.Length == 0 || raw[0] != '"')
        {
            return ($"field {fieldNumber} has a quote inside an unquoted value ({Show(raw)})",
                "Quote the whole field and double every quote inside it, e.g. \"5\"\" screen\".");
        }

        for (var i = 1; i < raw.Length; i++)
        {
            if (raw[i] != '"')
            {
                continue;
            }

            if (i + 1 < raw.Length && raw[i + 1] == '"')
            {
                i++;
                continue;
            }

            return i == raw.Length - 1
                ? null
                : ($"field {fieldNumber} has text after its closing quote ({Show(raw)})",
                    "Put the delimiter or a line break right after a closing quote, or quote the whole field and double every quote inside it.");
        }

        return ($"field {fieldNumber} opens a quote that is not closed before the end of the file",
            "Close the quote, and write a quote inside a quoted field as two quotes (\"\").");
    }

    /// <summary>The value of a well-quoted field (see <see cref="Check"/>): outer quotes removed, <c>""</c> read as one quote.</summary>
    public static string Unquote(ReadOnlySpan<char> raw) => raw[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal);

    /// <summary>The start of a raw value for a message, quoted, on one line.</summary>
    public static string Show(ReadOnlySpan<char> raw)
    {
        var text = raw.Length <= 40 ? raw.ToString() : raw[..37].ToString() + "...";
        return "'" + text.ReplaceLineEndings("\\n") + "'";
    }
}
