namespace ClassicalML.Scenarios.Tests;

public class ReportComparerTests
{
    private const string Report = """
        {"id": "x", "claims": [{"id": "c", "verdict": "holds"}], "tables": {"t": [{"auc": 0.9, "n": 10}]}, "figures": ["a.png"]}
        """;

    private static IEnumerable<string> Lines(string committed, string current, double tolerance = 1e-6) =>
        ReportComparer.Compare(committed, current, tolerance, "x").Select(d => d.ToString());

    [Fact]
    public void Compare_EqualReports_NoDifference()
    {
        Assert.Empty(Lines(Report, Report));
    }

    [Fact]
    public void Compare_NumberWithinTolerance_NoDifference()
    {
        Assert.Empty(Lines(Report, Report.Replace("0.9", "0.9000000001", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compare_NumberOutsideTolerance_ReportsPathAndValues()
    {
        Assert.Equal(["x: $.tables.t[0].auc: committed 0.9, new 0.9001"], Lines(Report, Report.Replace("0.9", "0.9001", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compare_VerdictChanged_ReportsBothStrings()
    {
        Assert.Equal(["x: $.claims[0].verdict: committed \"holds\", new \"partly holds\""],
            Lines(Report, Report.Replace("\"holds\"", "\"partly holds\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compare_MissingAndExtraKey_ReportsEach()
    {
        string renamed = Report.Replace("\"n\": 10", "\"count\": 10", StringComparison.Ordinal);
        Assert.Equal(["x: $.tables.t[0].n: committed 10, new (missing)", "x: $.tables.t[0].count: committed (missing), new 10"], Lines(Report, renamed));
    }

    [Fact]
    public void Compare_ArrayLengthChanged_ReportsLengths()
    {
        string more = Report.Replace("[\"a.png\"]", "[\"a.png\", \"b.png\"]", StringComparison.Ordinal);
        Assert.Equal(["x: $.figures.length: committed 1, new 2"], Lines(Report, more));
    }

    [Fact]
    public void CompareDirectories_TimingsFilesDifferOrMissing_NoDifference()
    {
        using var dir = new TempDirectory();
        foreach (var side in new[] { "old", "new" })
        {
            Directory.CreateDirectory(dir.Combine(side, "x"));
            File.WriteAllText(dir.Combine(side, "x", "report.json"), Report);
            File.WriteAllText(dir.Combine(side, "x", "a.png"), "png");
        }

        File.WriteAllText(dir.Combine("new", "x", "timings.json"), """{"id": "x", "timings": {"train": [{"seconds": 7.5}]}}""");
        File.WriteAllText(dir.Combine("new", "x", "timings.md"), "# x: timings\n");

        Assert.Empty(ReportComparer.CompareDirectories(dir.Combine("old"), dir.Combine("new")));
    }

    [Fact]
    public void CompareDirectories_StagingFolderOfARunInProgress_Skipped()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("old", "x"));
        Directory.CreateDirectory(dir.Combine("new", "x"));
        Directory.CreateDirectory(dir.Combine("new", "x.staging-4242"));
        File.WriteAllText(dir.Combine("old", "x", "report.json"), Report.Replace("[\"a.png\"]", "[]", StringComparison.Ordinal));
        File.WriteAllText(dir.Combine("new", "x", "report.json"), Report.Replace("[\"a.png\"]", "[]", StringComparison.Ordinal));
        File.WriteAllText(dir.Combine("new", "x.staging-4242", "report.json"), Report);

        Assert.Empty(ReportComparer.CompareDirectories(dir.Combine("old"), dir.Combine("new")));
    }

    [Fact]
    public void Compare_TypeChanged_ReportsValues()
    {
        Assert.Equal(["x: $.tables.t[0].auc: committed 0.9, new \"NaN\""], Lines(Report, Report.Replace("0.9", "\"NaN\"", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1.0, 1.0000009, true)]
    [InlineData(1.0, 1.0000011, false)]
    [InlineData(0.0, 1e-13, true)]
    [InlineData(0.0, 1e-11, false)]
    [InlineData(-5.0, 5.0, false)]
    public void NumbersEqual_RelativeToleranceOrTinyAbsolute(double a, double b, bool expected)
    {
        Assert.Equal(expected, ReportComparer.NumbersEqual(a, b, 1e-6));
    }

    [Fact]
    public void CompareDirectories_MissingScenarioAndIndexLine_Reported()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("old", "x"));
        Directory.CreateDirectory(dir.Combine("new", "x"));
        Directory.CreateDirectory(dir.Combine("new", "y"));
        File.WriteAllText(dir.Combine("old", "x", "report.json"), Report);
        File.WriteAllText(dir.Combine("old", "x", "a.png"), "png");
        File.WriteAllText(dir.Combine("new", "x", "report.json"), Report);
        File.WriteAllText(dir.Combine("new", "y", "report.json"), Report);
        File.WriteAllText(dir.Combine("old", "README.md"), "# index\n| x | holds |\n");
        File.WriteAllText(dir.Combine("new", "README.md"), "# index\n| x | partly holds |\n");

        var lines = ReportComparer.CompareDirectories(dir.Combine("old"), dir.Combine("new")).Select(d => d.ToString());
        Assert.Equal(
        [
            "x: a.png: committed (present), new (missing)",
            "y: report.json: committed (missing), new (present)",
            "README.md line 2: committed \"| x | holds |\", new \"| x | partly holds |\"",
        ], lines);
    }

    [Fact]
    public void Compare_NegativeTolerance_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ReportComparer.Compare(Report, Report, -1));
        Assert.StartsWith("tolerance is -1; it must be a finite number of at least 0. Pass a relative tolerance such as 1e-6.", e.Message);
    }
}

public class ReportComparerPropertyTests
{
    [FsCheck.Xunit.Property]
    public bool NumbersEqual_IsSymmetric(double a, double b) =>
        ReportComparer.NumbersEqual(a, b, 1e-6) == ReportComparer.NumbersEqual(b, a, 1e-6);

    [FsCheck.Xunit.Property]
    public bool Compare_NumberAgainstItselfTimesOnePlusHalfTolerance_NoDifference(FsCheck.NormalFloat x)
    {
        double a = x.Item;
        double b = a * (1 + 5e-7);
        string json(double v) => "{\"v\": " + v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "}";
        return ReportComparer.Compare(json(a), json(b), 1e-6).Count == 0;
    }
}
