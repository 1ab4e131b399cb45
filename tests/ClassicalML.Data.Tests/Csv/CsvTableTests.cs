using System.Globalization;
using ClassicalML.Data.Csv;
using FsCheck.Xunit;

namespace ClassicalML.Data.Tests.Csv;

public class CsvTableTests
{
    [Property(MaxTest = 200)]
    public bool Parse_QuotedFields_RoundTripAnyText(string[][] cells)
    {
        // Three columns of arbitrary text, every field quoted: commas, quotes and line breaks must survive.
        // A first fixed row: a file without data rows is an error of its own (tested in CsvReaderTests).
        var rows = new[] { new[] { "x", "y", "z" } }.Concat(cells.Where(r => r is not null).Select(r => Enumerable.Range(0, 3).Select(j => j < r.Length ? r[j] ?? string.Empty : string.Empty).ToArray())).ToArray();
        string[] header = ["a", "b,c", "d\"e"];
        var text = string.Join("\r\n", new[] { header }.Concat(rows).Select(r => string.Join(",", r.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")))) + "\n";
        if (text.Contains('\uFEFF', StringComparison.Ordinal))
        {
            return true;
        }

        var table = CsvTable.FromText("p.csv", text);

        return table.Header.SequenceEqual(header) && table.Records.Count == rows.Length && table.Records.Zip(rows).All(p => p.First.SequenceEqual(p.Second));
    }

    [Property(MaxTest = 200)]
    public bool FromCsv_RoundTripFormattedDoubles_BitIdentical(double[] values)
    {
        var finite = values.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"classicalml-roundtrip-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "x,y\n" + string.Concat(finite.Select((v, i) => v.ToString("R", CultureInfo.InvariantCulture) + (i % 2 == 0 ? ",a\n" : ",b\n"))));
            var data = Dataset.FromCsv(path, "y");
            return data.GetNumeric("x").Select(BitConverter.DoubleToInt64Bits).SequenceEqual(finite.Select(BitConverter.DoubleToInt64Bits));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_LineNumbers_CountLinesInsideQuotesAndSkipBlankLines()
    {
        var table = CsvTable.FromText("f.csv", "a,b\r\n\"x\ny\",1\r\n\r\nz,2\rw,3");

        Assert.Equal([2, 5, 6], table.Lines);
        Assert.Equal(["x\ny", "1"], table.Records[0]);
        Assert.Equal(["w", "3"], table.Records[2]);
    }

    [Fact]
    public void Read_ByteOrderMarkAndCrLf_Skipped()
    {
        using var temp = new TempFolder();
        var path = System.IO.Path.Combine(temp.Path, "bom.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "a,y\r\n1,p\r\n"u8]);

        var table = CsvTable.Read(path);

        Assert.Equal(["a", "y"], table.Header);
        Assert.Equal(["1", "p"], table.Records[0]);
    }
}
