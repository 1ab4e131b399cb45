using System.Text;

namespace ClassicalML.Cli.Tests;

public sealed class SplitCommandTests : IDisposable
{
    private readonly CliRunner files = new();

    public void Dispose() => files.Dispose();

    private static string[] Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>40 rows: 30 day, 10 night; 8 patients; ids "row-i".</summary>
    private string Data(string name = "d.csv", bool crlf = false)
    {
        var text = new StringBuilder("id,value,when,patient\n");
        for (var i = 0; i < 40; i++)
        {
            text.Append(FormattableString.Invariant($"row-{i},\"{i},5\",{(i % 4 == 0 ? "night" : "day")},p{i % 8}\n"));
        }

        return files.File(name, crlf ? text.ToString().Replace("\n", "\r\n", StringComparison.Ordinal) : text.ToString());
    }

    [Fact]
    public void Split_SameArguments_ByteIdenticalOutput()
    {
        var path = Data();
        string[] args = ["split", path, "--folds", "5", "--stratify", "when", "--shuffle", "--seed", "3"];
        var first = CliRunner.Run(args);
        var second = CliRunner.Run(args);
        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(string.Empty, first.Err);

        var output = files.PathOf("out.csv");
        Assert.Equal(0, CliRunner.Run([.. args, "--output", output]).Exit);
        Assert.Equal(Encoding.UTF8.GetBytes(first.Out), File.ReadAllBytes(output));
    }

    [Fact]
    public void Split_DifferentSeed_DifferentOutput()
    {
        var path = Data();
        var a = CliRunner.Run("split", path, "--test-fraction", "0.25", "--seed", "1").Out;
        var b = CliRunner.Run("split", path, "--test-fraction", "0.25", "--seed", "2").Out;
        var defaultSeed = CliRunner.Run("split", path, "--test-fraction", "0.25").Out;
        var seedZero = CliRunner.Run("split", path, "--test-fraction", "0.25", "--seed", "0").Out;
        Assert.NotEqual(a, b);
        Assert.Equal(seedZero, defaultSeed);
    }

    [Fact]
    public void Split_StratifiedFolds_EachFoldHasTwoNightAndSixDayRows()
    {
        var path = Data();
        var (exit, stdout, stderr) = CliRunner.Run("split", path, "--folds", "5", "--stratify", "when", "--shuffle");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var lines = Lines(stdout);
        Assert.Equal("row,fold", lines[0]);
        Assert.Equal(41, lines.Length);
        var fold = lines[1..].Select(l => int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines[1..].Select(l => l.Split(',')[0]));
        for (var f = 0; f < 5; f++)
        {
            Assert.Equal(2, Enumerable.Range(0, 40).Count(i => fold[i] == f && i % 4 == 0));
            Assert.Equal(6, Enumerable.Range(0, 40).Count(i => fold[i] == f && i % 4 != 0));
        }
    }

    [Fact]
    public void Split_PlainFoldsWithoutShuffle_AreContiguous()
    {
        var path = Data();
        var lines = Lines(CliRunner.Run("split", path, "--folds", "4").Out);
        Assert.Equal("0,0", lines[1]);
        Assert.Equal("9,0", lines[10]);
        Assert.Equal("10,1", lines[11]);
        Assert.Equal("39,3", lines[40]);
    }

    [Fact]
    public void Split_ThreeWayStratified_SetSizesAndLabels()
    {
        var path = Data(crlf: true);
        var (exit, stdout, _) = CliRunner.Run("split", path, "--test-fraction", "0.2", "--valid-fraction", "0.1", "--stratify", "when", "--seed", "4");
        Assert.Equal(0, exit);
        var lines = Lines(stdout);
        Assert.Equal("row,set", lines[0]);
        var sets = lines[1..].Select(l => l.Split(',')[1]).ToArray();
        Assert.Equal(8, sets.Count(s => s == "test"));
        Assert.Equal(4, sets.Count(s => s == "valid"));
        Assert.Equal(28, sets.Count(s => s == "train"));
        Assert.Equal(2, Enumerable.Range(0, 40).Count(i => sets[i] == "test" && i % 4 == 0));
    }

    [Fact]
    public void Split_GroupFolds_NeverSplitAPatient()
    {
        var path = Data();
        var lines = Lines(CliRunner.Run("split", path, "--folds", "4", "--group", "patient").Out);
        var fold = lines[1..].Select(l => l.Split(',')[1]).ToArray();
        for (var p = 0; p < 8; p++)
        {
            Assert.Single(Enumerable.Range(0, 40).Where(i => i % 8 == p).Select(i => fold[i]).Distinct());
        }

        Assert.Equal(4, fold.Distinct().Count());
    }

    [Fact]
    public void Split_HashId_SetOfARowSurvivesReorderingTheFile()
    {
        var path = Data();
        var rows = File.ReadAllLines(path);
        var reversed = files.File("reversed.csv", string.Join('\n', [rows[0], .. rows[1..].Reverse(), "row-new,1,day,p9"]) + "\n");
        var a = Lines(CliRunner.Run("split", path, "--test-fraction", "0.3", "--hash-id", "id").Out)[1..].Select(l => l.Split(',')[1]).ToArray();
        var b = Lines(CliRunner.Run("split", reversed, "--test-fraction", "0.3", "--hash-id", "id").Out)[1..].Select(l => l.Split(',')[1]).ToArray();
        Assert.Equal(41, b.Length);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(a[i], b[39 - i]);
        }
    }

    [Fact]
    public void Split_SmallClass_WarnsOnStderrButSucceeds()
    {
        var path = files.File("d.csv", "y\na\na\na\na\nb\n");
        var (exit, stdout, stderr) = CliRunner.Run("split", path, "--folds", "3", "--stratify", "y");
        Assert.Equal(0, exit);
        Assert.Equal("classicalml split: warning: the least populated class in column 'y' has only 1 rows, which is less than --folds 3." + Environment.NewLine, stderr);
        Assert.Equal("row,fold\n0,0\n1,1\n2,2\n3,0\n4,1\n", stdout);
    }

    [Fact]
    public void Split_QuotedFieldsWithCommasQuotesAndNewlines_CountAsOneRow()
    {
        var path = files.File("d.csv", "id,text\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\r\nlines\"\r\n4,plain");
        var (exit, stdout, _) = CliRunner.Run("split", path, "--folds", "2");
        Assert.Equal(0, exit);
        Assert.Equal("row,fold\n0,0\n1,0\n2,1\n3,1\n", stdout);
    }

    [Fact]
    public void Help_ListsTheSplitOptions()
    {
        var (exit, stdout, _) = CliRunner.Run("split", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--test-fraction", stdout, StringComparison.Ordinal);
        Assert.Contains("--hash-id", stdout, StringComparison.Ordinal);
    }
}
