using ClassicalML.Data.Csv;

namespace ClassicalML.Data.Tests.Csv;

public sealed class CsvReaderTests : IDisposable
{
    private static readonly CsvReadOptions Detect = new() { MlNetSchema = true, Trim = true };
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static List<string[]> ReadAll(CsvReader reader)
    {
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.Columns.Count).Select(c => reader[c].ToString())]);
        }

        return rows;
    }

    [Theory]
    [InlineData("label,score\n1,0.5\n", ',')]
    [InlineData("label;score\n1;0,5\n", ';')]
    [InlineData("label\tscore\n1\t0.5\n", '\t')]
    [InlineData("label|score\n1|0.5\n", '|')]
    [InlineData("\"a;b\",c\n1,2\n", ',')]
    [InlineData("label\n1\n", ',')]
    public void OpenText_Delimiter_DetectedFromHeaderLine(string text, char expected)
    {
        using var reader = CsvReader.OpenText("p.csv", text, Detect);

        Assert.Equal(expected, reader.Delimiter);
        Assert.True(reader.Read());
        Assert.Equal("1", reader[0].ToString());
    }

    [Fact]
    public void OpenFile_TsvExtension_MeansTab()
    {
        var path = temp.Write("p.tsv", "a,b\tc\n1,2\t3\n");

        using var reader = CsvReader.OpenFile(path, Detect);

        Assert.Equal('\t', reader.Delimiter);
        Assert.Equal(["a,b", "c"], reader.Columns);
    }

    [Fact]
    public void OpenText_ForcedDelimiter_WinsOverDetection()
    {
        using var reader = CsvReader.OpenText("p.csv", "a;b,c\n1;2,3\n", Detect with { Delimiter = ';' });

        Assert.Equal(["a", "b,c"], reader.Columns);
    }

    [Fact]
    public void Read_QuotedFields_UnquotedAndLineNumbersCountLinesInside()
    {
        using var reader = CsvReader.OpenText("q.csv", "id,note\nr1,\"a, \"\"b\"\"\nc\"\n\nr2,plain\n", CsvReadOptions.Comma);

        var rows = ReadAll(reader);

        Assert.Equal(["r1", "a, \"b\"\nc"], rows[0]);
        Assert.Equal(5, reader.Line);
    }

    [Theory]
    [InlineData("id,note\nr1,ok\nr2,5\" screen\n", "q.csv, line 3, column 'note' (column 2): field 2 has a quote inside an unquoted value ('5\" screen\\n'). Quote the whole field and double every quote inside it, e.g. \"5\"\" screen\".")]
    [InlineData("id,note\nr1,ok\nr2,\"never closed\nr3,x\n", "q.csv, line 3, column 'note' (column 2): field 2 opens a quote that is not closed before the end of the file. Close the quote, and write a quote inside a quoted field as two quotes (\"\").")]
    [InlineData("id,note\nr1,\"ab\"cd\n", "q.csv, line 2, column 'note' (column 2): field 2 has text after its closing quote ('\"ab\"cd'). Put the delimiter or a line break right after a closing quote, or quote the whole field and double every quote inside it.")]
    [InlineData("id,note\nr1\nr2,x\n", "q.csv, line 2: the row has 1 field but the header has 2. Give every row one field per header column, and quote fields that contain commas.")]
    [InlineData("id;note\nr1\n", "q.csv, line 2: the row has 1 field but the header has 2. Give every row one field per header column, and quote fields that contain semicolons.")]
    [InlineData("id,note\n\n", "q.csv: the file has a header but no data rows. Add at least one data row below the header line.")]
    public void Read_MalformedText_OneLineErrorWithLineColumnAndFix(string text, string message)
    {
        var ex = Assert.Throws<DataFormatException>(() =>
        {
            using var reader = CsvReader.OpenText("q.csv", text, Detect);
            ReadAll(reader);
        });

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Read_LeadingEmptyLinesAndCr_LinesCountedFromTheFileStart()
    {
        using var reader = CsvReader.OpenText("b.csv", "\n\r\nlabel,score\r1,0.5\r\n\n0,0.25\n", Detect);

        Assert.Equal(3, reader.HeaderLine);
        Assert.True(reader.Read());
        Assert.Equal(4, reader.Line);
        Assert.True(reader.Read());
        Assert.Equal((6, "0.25"), (reader.Line, reader[1].ToString()));
        Assert.False(reader.Read());
    }

    [Fact]
    public void OpenText_Empty_Refused()
    {
        var ex = Assert.Throws<DataFormatException>(() => CsvReader.OpenText("e.csv", "\n\n", Detect));

        Assert.Equal("e.csv: the file is empty. Write a header line with the column names, then one line per row.", ex.Message);
    }

    [Fact]
    public void IndexOf_TwoColumnsMatchIgnoringCase_ErrorNamesBothPositions()
    {
        using var reader = CsvReader.OpenText("d.csv", "id,label,Label\n1,0,1\n", Detect);

        var ex = Assert.Throws<DataFormatException>(() => reader.IndexOf("LABEL", StringComparison.OrdinalIgnoreCase));

        Assert.Equal("d.csv, line 1, column 'LABEL': columns 2 ('label') and 3 ('Label') both match the name 'LABEL' (names are compared ignoring case). Rename one of the two columns so that the name is unique.", ex.Message);
        Assert.Equal(2, reader.IndexOf("Label", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenFile_NulByte_RefusedAsBinary()
    {
        var path = Path.Combine(temp.Path, "model.bin");
        File.WriteAllBytes(path, [(byte)'a', (byte)'\n', (byte)'b', 0x00]);

        var ex = Assert.Throws<DataFormatException>(() => CsvReader.OpenFile(path, Detect));

        Assert.Equal($"{path}, line 2: byte 3 is NUL (0x00): this is a binary file, not text. Save the data as UTF-8 text (CSV or TSV) with a header line.", ex.Message);
    }

    [Fact]
    public void Read_InvalidUtf8_NamesTheLineOfTheBadByte()
    {
        var path = Path.Combine(temp.Path, "latin1.csv");
        var rows = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i % 2},0.{i}\n"));
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes("label,score\n" + rows), .. "1,caf"u8, 0xE9, (byte)'\n']);

        var ex = Assert.Throws<DataFormatException>(() =>
        {
            using var reader = CsvReader.OpenFile(path, Detect);
            ReadAll(reader);
        });

        Assert.Equal(20_002, ex.Line);
        Assert.EndsWith(": the file is in another encoding. Save the file as UTF-8 (for example, in pandas: to_csv(..., encoding=\"utf-8\")).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenText_MlNetSchema_ColumnsFromSchemaNotFromSlotNames()
    {
        const string text = "#@ TextLoader{\n#@   header+\n#@   sep=tab\n#@   col=Label:BL:0\n#@   col=Features:R4:1-2\n#@   col=Score:R4:3\n#@ }\n" +
            "Label\tF1\tF2\tScore\n1\t0.5\t0.25\t-1.5\n0\t0\t1\t?\n";

        using var reader = CsvReader.OpenText("m.tsv", text, Detect);
        var rows = ReadAll(reader);

        Assert.Equal(["Label", "Features", "Score"], reader.Columns);
        Assert.Equal(8, reader.HeaderLine);
        Assert.Equal(4, reader.ColumnNumber(2));
        Assert.Equal([["1", "0.5", "-1.5"], ["0", "0", "?"]], rows);
        Assert.Equal(10, reader.Line);
        Assert.True(reader.MlNetSchema!.Columns[2].IsFloatingPoint);
    }

    [Fact]
    public void Read_MlNetSparseRow_OmittedSlotsAreDefaults()
    {
        // ML.NET's sparse form: two dense slots, then 5 more slots of which only relative 1 and 4 are written.
        const string text = "#@ TextLoader{\n#@   header+\n#@   sep=tab\n#@   col=Label:BL:0\n#@   col=Cat:TX:1\n#@   col=V:R4:2-5\n#@   col=Score:R4:6\n#@ }\n" +
            "Label\tCat\ta\tb\tc\td\tScore\n1\tx\t5\t1:2\t4:0.75\n0\t\"a:b\"\t0\t0\t0\t0\t0.25\n";

        using var reader = CsvReader.OpenText("s.tsv", text, Detect);
        var rows = ReadAll(reader);

        Assert.Equal([["1", "x", "0", "0.75"], ["0", "a:b", "0", "0.25"]], rows);
    }

    [Fact]
    public void Read_MlNetRowOfWrongWidth_NamesSchemaCount()
    {
        const string text = "#@ TextLoader{\n#@   sep=tab\n#@   col=Label:BL:0\n#@   col=Score:R4:1\n#@ }\n1\t0.5\t7\n";

        var ex = Assert.Throws<DataFormatException>(() =>
        {
            using var reader = CsvReader.OpenText("w.tsv", text, Detect);
            ReadAll(reader);
        });

        Assert.Equal("w.tsv, line 6: the row has 3 fields but the ML.NET schema above the data describes 2. Save the predictions again with mlContext.Data.SaveAsText, or correct the row.", ex.Message);
    }

    [Fact]
    public void OpenText_MlNetSchemaNotClosed_Refused()
    {
        var ex = Assert.Throws<DataFormatException>(() => CsvReader.OpenText("u.tsv", "#@ TextLoader{\n#@   sep=tab\nLabel\tScore\n", Detect));

        Assert.Equal("u.tsv, line 3: the ML.NET schema block ('#@ TextLoader{') ends without its closing line '#@ }' (found 'Label\tScore'). Save the predictions again with mlContext.Data.SaveAsText (or pass schema: false to write a plain header row).", ex.Message);
    }

    [Fact]
    public void ReadPlain_MixedRecords_SameValuesAndLinesAsRead()
    {
        // Plain rows, a refused value, a quoted row, an empty line, a short row: ReadPlain hands over each of the last four.
        const string Text = "a,b,c\n1,x,2\n3,y,4\n5,refuse,6\n7,\"q\",8\n\n9, z ,10\n11,w\n";
        using var reader = CsvReader.OpenText("p.csv", Text, Detect);
        var sink = new Collect();
        var seen = new List<string>();
        DataFormatException? error = null;
        try
        {
            while (!reader.ReadPlain(0, 1, ref sink) && reader.Read())
            {
                seen.Add($"{reader[0]}|{reader[1]}@{reader.Line}");
            }
        }
        catch (DataFormatException e)
        {
            error = e;
        }

        Assert.Equal(["1|x", "3|y", "9|z"], sink.Pairs);
        Assert.Equal(["5|refuse@4", "7|q@5"], seen);
        Assert.Equal("p.csv, line 8: the row has 2 fields but the header has 3. Give every row one field per header column, and quote fields that contain commas.", error?.Message);
    }

    private struct Collect : ICsvPairSink
    {
        public Collect() => Pairs = [];

        public List<string> Pairs { get; }

        public readonly bool TryAdd(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
        {
            if (second is "refuse")
            {
                return false;
            }

            Pairs.Add($"{first}|{second}");
            return true;
        }
    }
}
