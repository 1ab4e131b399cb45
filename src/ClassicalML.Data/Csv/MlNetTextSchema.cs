using System.Globalization;

namespace ClassicalML.Data.Csv;

/// <summary>
/// The schema comment that ML.NET's <c>mlContext.Data.SaveAsText</c> writes above the data by default:
/// <code>
/// #@ TextLoader{
/// #@   header+
/// #@   sep=tab
/// #@   col=Label:BL:0
/// #@   col=Features:R4:1-3
/// #@   col=Score:R4:4
/// #@ }
/// </code>
/// Column <c>Name:TYPE:SOURCE</c> gives the name, ML.NET's item kind (BL Boolean, R4/R8 floating point, I1–U8 integers,
/// TX text, …) and the slot range in each row; a vector's slots are spread over several fields, so the header row (slot
/// names) can repeat names and the schema is what names the columns.
/// </summary>
internal sealed class MlNetTextSchema
{
    /// <summary>The first line of the block.</summary>
    public const string StartLine = "#@ TextLoader{";

    private MlNetTextSchema(bool hasHeader, char? delimiter, IReadOnlyList<MlNetTextColumn> columns, int lineCount)
    {
        HasHeader = hasHeader;
        Delimiter = delimiter;
        Columns = columns;
        LineCount = lineCount;
        SlotCount = columns.All(c => c.MaxSlot is not null) && columns.Count > 0 ? columns.Max(c => c.MaxSlot!.Value) + 1 : null;
    }

    /// <summary>Whether a header row (column and slot names) follows the block (<c>header+</c>).</summary>
    public bool HasHeader { get; }

    /// <summary>The delimiter named by <c>sep=</c>, or <see langword="null"/> when absent.</summary>
    public char? Delimiter { get; }

    /// <summary>The columns in schema order.</summary>
    public IReadOnlyList<MlNetTextColumn> Columns { get; }

    /// <summary>Lines taken by the block, from <see cref="StartLine"/> to <c>#@ }</c>.</summary>
    public int LineCount { get; }

    /// <summary>Fields in a dense row, or <see langword="null"/> when a variable-length vector makes it vary.</summary>
    public int? SlotCount { get; }

    /// <summary>Reads the block from <paramref name="reader"/>, whose next line is <see cref="StartLine"/>.</summary>
    /// <exception cref="DataFormatException">The block is not closed or a column entry cannot be read.</exception>
    public static MlNetTextSchema Read(string file, TextReader reader)
    {
        var fix = "Save the predictions again with mlContext.Data.SaveAsText (or pass schema: false to write a plain header row).";
        reader.ReadLine();
        bool header = false;
        char? delimiter = null;
        var columns = new List<MlNetTextColumn>();
        for (var line = 2; ; line++)
        {
            var text = reader.ReadLine() ?? throw new DataFormatException(file, line, null, "the ML.NET schema block ('#@ TextLoader{') is not closed by a line '#@ }'", fix);
            if (!text.StartsWith("#@", StringComparison.Ordinal))
            {
                throw new DataFormatException(file, line, null, $"the ML.NET schema block ('#@ TextLoader{{') ends without its closing line '#@ }}' (found '{Clip(text)}')", fix);
            }

            var entry = text[2..].Trim();
            if (entry == "}")
            {
                return new MlNetTextSchema(header, delimiter, columns, line);
            }

            if (entry == "header+")
            {
                header = true;
            }
            else if (entry.StartsWith("sep=", StringComparison.Ordinal))
            {
                delimiter = SeparatorOf(entry[4..]) ?? throw new DataFormatException(file, line, null, $"the ML.NET schema names the separator '{Clip(entry[4..])}', which is not tab, comma, semicolon, bar, space or one character", fix);
            }
            else if (entry.StartsWith("col=", StringComparison.Ordinal))
            {
                columns.Add(MlNetTextColumn.Parse(entry[4..]) ?? throw new DataFormatException(file, line, null, $"cannot read the ML.NET schema entry '{Clip(entry)}' (expected col=Name:TYPE:first or col=Name:TYPE:first-last)", fix));
            }
        }
    }

    private static char? SeparatorOf(string value) => value switch
    {
        "tab" or "\\t" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "bar" => '|',
        "space" => ' ',
        _ => value.Length == 1 ? value[0] : null,
    };

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

/// <summary>One <c>col=Name:TYPE:SOURCE</c> entry of an <see cref="MlNetTextSchema"/>.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">ML.NET's item kind as written (BL, R4, R8, TX, U4, …, possibly with a key range).</param>
/// <param name="MinSlot">The first slot (0-based field index in a dense row).</param>
/// <param name="MaxSlot">The last slot, or <see langword="null"/> for a variable-length vector (<c>first-*</c>).</param>
internal sealed record MlNetTextColumn(string Name, string Kind, int MinSlot, int? MaxSlot)
{
    /// <summary>Whether the column holds one value per row (not a vector).</summary>
    public bool IsScalar => MaxSlot == MinSlot;

    /// <summary>Whether ML.NET's text loader reads <c>?</c> in this column as NaN (floating-point kinds).</summary>
    public bool IsFloatingPoint => Kind is "R4" or "R8";

    /// <summary>The text ML.NET omits from a sparse row for this column's default value: empty for text, otherwise 0.</summary>
    public string DefaultText => Kind == "TX" ? string.Empty : "0";

    /// <summary>Parses <c>Name:TYPE:first</c>, <c>Name:TYPE:first-last</c> or <c>Name:TYPE:first-*</c>; null when malformed.</summary>
    public static MlNetTextColumn? Parse(string entry)
    {
        var first = entry.IndexOf(':', StringComparison.Ordinal);
        var last = entry.LastIndexOf(':');
        if (first <= 0 || last == first)
        {
            return null;
        }

        var source = entry[(last + 1)..];
        var dash = source.IndexOf('-', StringComparison.Ordinal);
        var minText = dash < 0 ? source : source[..dash];
        if (!int.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out var min))
        {
            return null;
        }

        int? max = min;
        if (dash >= 0)
        {
            var maxText = source[(dash + 1)..];
            if (maxText == "*")
            {
                max = null;
            }
            else if (int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m >= min)
            {
                max = m;
            }
            else
            {
                return null;
            }
        }

        return new MlNetTextColumn(entry[..first], entry[(first + 1)..last], min, max);
    }
}
