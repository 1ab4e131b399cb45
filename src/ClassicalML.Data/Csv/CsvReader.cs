using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace ClassicalML.Data.Csv;

/// <summary>
/// The repository's one reader of delimited text (CSV, TSV, ML.NET's <c>SaveAsText</c> output), streaming record by
/// record. Field boundaries come from Sep, a span-based parser; this class adds what the tools need on top: delimiter
/// detection, the ML.NET schema block and sparse rows, RFC 4180 quote checks, and errors that name file, line, column,
/// value and fix (<see cref="DataFormatException"/>).
/// </summary>
/// <remarks>
/// Records are separated by LF, CRLF or CR; a field may be quoted, with the delimiter, line breaks and <c>""</c> (one
/// quote) literal inside. A UTF-8 byte order mark is skipped; other encodings are refused with the line of the first
/// invalid byte. Empty lines carry no record and are skipped. Every record must have one field per header column
/// (ML.NET files: one per schema slot, or ML.NET's sparse form). A file without data rows is an error.
/// Values are spans valid until the next <see cref="Read"/>.
/// </remarks>
internal sealed class CsvReader : IDisposable
{
    private readonly SepReader sep;
    private readonly TextReader text;
    private readonly MlNetTextSchema? schema;
    private readonly int lineOffset;
    private readonly bool trim;
    private readonly int[] slots;
    private readonly SparseRow sparse = new();
    private bool hasQuotes;
    private bool pending;
    private bool firstRow = true;
    private int? firstLine;
    private int emptyBefore;
    private long rows;

    private CsvReader(string file, TextReader text, char delimiter, MlNetTextSchema? schema, bool trim)
    {
        File = file;
        this.text = text;
        this.schema = schema;
        this.trim = trim;
        Delimiter = delimiter;
        lineOffset = schema?.LineCount ?? 0;
        sep = Guard(() => Sep.Reader(o => o with
        {
            Sep = new Sep(delimiter),
            HasHeader = false,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        }).From(text));
        string[]? header = null;
        if (schema is null || schema.HasHeader)
        {
            if (!NextNonEmpty())
            {
                throw schema is null
                    ? new DataFormatException(file, 0, null, "the file is empty", "Write a header line with the column names, then one line per row.")
                    : NoDataRows();
            }

            HeaderLine = Line;
            header = ReadHeader();
        }

        Columns = schema is null ? header! : [.. schema.Columns.Select(c => c.Name)];
        slots = schema is null ? [.. Enumerable.Range(0, Columns.Count)] : [.. schema.Columns.Select(c => c.MinSlot)];
    }

    /// <summary>The file name used in messages.</summary>
    public string File { get; }

    /// <summary>The field delimiter in use.</summary>
    public char Delimiter { get; }

    /// <summary>The ML.NET schema block at the top of the file, or <see langword="null"/>.</summary>
    public MlNetTextSchema? MlNetSchema => schema;

    /// <summary>The column names: the header row's, or an ML.NET schema's (whose header row names slots, not columns).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The 1-based line of the header row, or 0 when there is none (ML.NET without <c>header+</c>).</summary>
    public int HeaderLine { get; }

    /// <summary>The 1-based line on which the current record starts (computed when asked: most records never need it).</summary>
    public int Line => firstLine ?? lineOffset + sep.Current.LineNumberFrom;

    /// <summary>Data records read so far.</summary>
    public long RowsRead => rows;

    /// <summary>The value of <paramref name="column"/> in the current record: unquoted, trimmed when the options say so.</summary>
    public ReadOnlySpan<char> this[int column]
    {
        get
        {
            var row = sep.Current;
            var slot = slots[column];
            var raw = sparse.IsActive && slot >= sparse.DenseCount
                ? sparse.Value(row, slot - sparse.DenseCount, schema!.Columns[column].DefaultText)
                : row[slot].Span;
            if (hasQuotes && raw.Length > 1 && raw[0] == '"')
            {
                raw = CsvQuotes.Unquote(raw);
            }

            return trim ? raw.Trim() : raw;
        }
    }

    /// <summary>Opens a file: refuses binary content, reads an ML.NET schema block if asked to, detects the delimiter and reads the header.</summary>
    /// <exception cref="DataFormatException">The file is binary, empty, not UTF-8, or its header is malformed.</exception>
    public static CsvReader OpenFile(string path, CsvReadOptions options)
    {
        var sniff = CsvTextChecks.Sniff(path);
        var start = Encoding.UTF8.GetString(sniff.Span).TrimStart('\uFEFF');
        var reader = CsvTextChecks.OpenText(path);
        try
        {
            return Open(path, reader, start, options, path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Opens text held in memory (tests, small inputs) as if it were the file <paramref name="file"/>.</summary>
    public static CsvReader OpenText(string file, string content, CsvReadOptions options)
    {
        content = content.TrimStart('\uFEFF');
        return Open(file, new StringReader(content), content, options, file.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Moves to the next data record (skipping empty lines) and checks its quotes and its number of fields.</summary>
    /// <returns>False at the end of the file.</returns>
    /// <exception cref="DataFormatException">The record is malformed, the file is not UTF-8, or the file has no data rows at all.</exception>
    public bool Read()
    {
        if (pending)
        {
            pending = false;
        }
        else if (!NextNonEmpty())
        {
            return rows > 0 ? false : throw NoDataRows();
        }

        var row = sep.Current;
        var span = row.Span;
        hasQuotes = span.Contains('"');
        sparse.Clear();
        if (schema is not null && span.Contains(':'))
        {
            sparse.Parse(row, this);
        }

        if (hasQuotes)
        {
            CheckQuotes(row, sparse.IsActive ? sparse.DenseCount + 1 : row.ColCount, header: false);
        }

        CheckShape(row);
        rows++;
        return true;
    }

    /// <summary>
    /// Reads records while they are plain and hands the values of columns <paramref name="first"/> and
    /// <paramref name="second"/> (trimmed when the options say so) to <paramref name="sink"/>: the fast path for large
    /// files, with none of <see cref="Read"/>'s per-record work but the field count and a quote scan.
    /// </summary>
    /// <remarks>
    /// A record is plain when it has no quote and one field per header column (files without an ML.NET schema only).
    /// The loop stops at the first record that is not plain or whose values the sink refuses, without consuming it: the
    /// next <see cref="Read"/> returns that record with every check, so errors and their line numbers are the same as
    /// when reading with <see cref="Read"/> alone.
    /// </remarks>
    /// <returns>True at the end of the file; false when <see cref="Read"/> must take over.</returns>
    public bool ReadPlain<TSink>(int first, int second, ref TSink sink)
        where TSink : struct, ICsvPairSink
    {
        if (pending || firstRow || schema is not null)
        {
            return false;
        }

        var columns = Columns.Count;
        while (MoveNext())
        {
            var row = sep.Current;
            var span = row.Span;
            if (span.Length == 0)
            {
                continue;
            }

            if (row.ColCount != columns || span.Contains('"'))
            {
                return Pend();
            }

            var a = row[first].Span;
            var b = row[second].Span;
            if (!(trim ? sink.TryAdd(a.Trim(), b.Trim()) : sink.TryAdd(a, b)))
            {
                return Pend();
            }

            rows++;
        }

        return rows > 0 ? true : throw NoDataRows();
    }

    /// <summary>
    /// The position of the column named <paramref name="name"/>, compared with <paramref name="comparison"/>; -1 when none.
    /// </summary>
    /// <exception cref="DataFormatException">Two columns match the name.</exception>
    public int IndexOf(string name, StringComparison comparison) =>
        ColumnLookup.IndexOf(Columns, name, comparison, (problem, fix) => new DataFormatException(File, HeaderLine, name, problem, fix));

    /// <summary>The 1-based field position of <paramref name="column"/> in a dense record.</summary>
    public int ColumnNumber(int column) => slots[column] + 1;

    /// <summary>An error located at the current record and <paramref name="column"/>.</summary>
    public DataFormatException Error(int column, string problem, string fix) =>
        new(File, Line, Columns[column], ColumnNumber(column), problem, fix);

    /// <inheritdoc/>
    public void Dispose()
    {
        sep.Dispose();
        text.Dispose();
    }

    /// <summary>The most frequent of comma, semicolon, tab and pipe outside quotes in <paramref name="headerLine"/>; comma on a tie or when none occurs.</summary>
    /// <remarks>Used when neither the options, an ML.NET schema nor a .tsv name decide (see <see cref="CsvReadOptions.Delimiter"/>).</remarks>
    internal static char DetectDelimiter(ReadOnlySpan<char> headerLine)
    {
        ReadOnlySpan<char> candidates = [',', ';', '\t', '|'];
        Span<int> counts = stackalloc int[candidates.Length];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && candidates.IndexOf(c) is var k and >= 0)
            {
                counts[k]++;
            }
        }

        var best = 0;
        for (var k = 1; k < candidates.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return candidates[best];
    }

    private static CsvReader Open(string file, TextReader reader, string start, CsvReadOptions options, bool tsv)
    {
        MlNetTextSchema? schema = null;
        if (options.MlNetSchema && start.StartsWith(MlNetTextSchema.StartLine, StringComparison.Ordinal))
        {
            schema = Guard(file, () => MlNetTextSchema.Read(file, reader));
        }

        var delimiter = options.Delimiter ?? schema?.Delimiter ?? (tsv ? '\t' : DetectDelimiter(FirstLine(start)));
        return new CsvReader(file, reader, delimiter, schema, options.Trim);
    }

    private static ReadOnlySpan<char> FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\n', '\r');
        return end < 0 ? text : text.AsSpan(0, end);
    }

    private static T Guard<T>(string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException)
        {
            throw CsvTextChecks.NotUtf8(file);
        }
    }

    private T Guard<T>(Func<T> read) => Guard(File, read);

    private bool MoveNext()
    {
        try
        {
            return sep.MoveNext();
        }
        catch (DecoderFallbackException)
        {
            throw CsvTextChecks.NotUtf8(File);
        }
    }

    private bool Pend()
    {
        firstLine = null;
        pending = true;
        return false;
    }

    private bool NextNonEmpty()
    {
        while (MoveNext())
        {
            var row = sep.Current;
            if (row.Span.Length == 0)
            {
                emptyBefore += firstRow ? 1 : 0;
                continue;
            }

            // Sep numbers the first row's lines from 2; every later row is numbered correctly.
            firstLine = firstRow ? lineOffset + 1 + emptyBefore : null;
            firstRow = false;
            return true;
        }

        return false;
    }

    private string[] ReadHeader()
    {
        var row = sep.Current;
        hasQuotes = row.Span.Contains('"');
        if (hasQuotes)
        {
            CheckQuotes(row, row.ColCount, header: true);
        }

        var names = new string[row.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            var raw = row[i].Span;
            var name = hasQuotes && raw.Length > 1 && raw[0] == '"' ? CsvQuotes.Unquote(raw) : raw.ToString();
            names[i] = trim ? name.Trim() : name;
        }

        return names;
    }

    private void CheckQuotes(SepReader.Row row, int fields, bool header)
    {
        for (var i = 0; i < fields; i++)
        {
            var raw = row[i].Span;
            if (raw.Contains('"') && CsvQuotes.Check(raw, i + 1) is var (problem, fix))
            {
                var named = !header && schema is null && i < Columns.Count;
                throw new DataFormatException(File, Line, named ? Columns[i] : null, named ? i + 1 : 0, problem, fix);
            }
        }
    }

    private void CheckShape(SepReader.Row row)
    {
        if (schema is null)
        {
            if (row.ColCount != Columns.Count)
            {
                throw new DataFormatException(File, Line, null,
                    string.Create(CultureInfo.InvariantCulture, $"the row has {Fields(row.ColCount)} but the header has {Columns.Count}"),
                    $"Give every row one field per header column, and quote fields that contain {DelimiterName(Delimiter)}.");
            }
        }
        else if (!sparse.IsActive && schema.SlotCount is { } slotCount && row.ColCount != slotCount)
        {
            throw new DataFormatException(File, Line, null,
                string.Create(CultureInfo.InvariantCulture, $"the row has {Fields(row.ColCount)} but the ML.NET schema above the data describes {slotCount}"),
                "Save the predictions again with mlContext.Data.SaveAsText, or correct the row.");
        }
    }

    private static string Fields(int count) => string.Create(CultureInfo.InvariantCulture, $"{count} field{(count == 1 ? string.Empty : "s")}");

    private DataFormatException NoDataRows() =>
        new(File, 0, null, "the file has a header but no data rows", "Add at least one data row below the header line.");

    private static string DelimiterName(char delimiter)
    {
        return delimiter switch
        {
            ',' => "commas",
            ';' => "semicolons",
            '\t' => "tabs",
            '|' => "pipes",
            _ => $"'{delimiter}'",
        };
    }

    /// <summary>
    /// ML.NET's sparse row: the first <see cref="DenseCount"/> slots written out, then the number of remaining slots,
    /// then <c>index:value</c> for each non-default one (index relative to <see cref="DenseCount"/>).
    /// </summary>
    private sealed class SparseRow
    {
        private int[] indexes = new int[16];
        private int[] fields = new int[16];
        private int count;
        private int firstPair;

        public bool IsActive { get; private set; }

        public int DenseCount { get; private set; }

        public void Clear() => IsActive = false;

        /// <summary>Finds the sparse part of a row that has a colon; leaves the row dense when no unquoted field holds one.</summary>
        public void Parse(SepReader.Row row, CsvReader reader)
        {
            var start = -1;
            for (var i = 0; i < row.ColCount && start < 0; i++)
            {
                var f = row[i].Span;
                if (f.Length > 0 && f[0] != '"' && f.Contains(':'))
                {
                    start = i - 1;
                }
            }

            if (start < 0)
            {
                return;
            }

            const string Fix = "Save the predictions again with mlContext.Data.SaveAsText(..., forceDense: true), or correct the row.";
            var slotCount = reader.schema!.SlotCount;
            if (!int.TryParse(row[start].Span, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || (slotCount is { } slots && start + length != slots))
            {
                throw new DataFormatException(reader.File, reader.Line, null,
                    string.Create(CultureInfo.InvariantCulture, $"field {start + 1} ({CsvQuotes.Show(row[Math.Max(start, 0)].Span)}) should give the number of slots of ML.NET's sparse row that follows{(slotCount is { } n ? $", {n - start} here" : string.Empty)}"), Fix);
            }

            count = 0;
            firstPair = start + 1;
            for (var j = firstPair; j < row.ColCount; j++)
            {
                var f = row[j].Span;
                var colon = f.IndexOf(':');
                if (colon <= 0 || !int.TryParse(f[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= length)
                {
                    throw new DataFormatException(reader.File, reader.Line, null,
                        string.Create(CultureInfo.InvariantCulture, $"field {j + 1} ({CsvQuotes.Show(f)}) is not 'index:value' with an index below {length}, as ML.NET's sparse rows need"), Fix);
                }

                if (count == indexes.Length)
                {
                    Array.Resize(ref indexes, count * 2);
                    Array.Resize(ref fields, count * 2);
                }

                indexes[count] = index;
                fields[count++] = j;
            }

            DenseCount = start;
            IsActive = true;
        }

        /// <summary>The value of sparse slot <paramref name="index"/>: the text after the colon, or the column's default when omitted.</summary>
        public ReadOnlySpan<char> Value(SepReader.Row row, int index, string defaultText)
        {
            var k = indexes.AsSpan(0, count).BinarySearch(index);
            if (k < 0)
            {
                return defaultText;
            }

            var f = row[fields[k]].Span;
            return f[(f.IndexOf(':') + 1)..];
        }
    }
}
