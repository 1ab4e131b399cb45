using System.Buffers.Binary;
using System.Text.Json;

namespace ClassicalML.Cli.Tests;

/// <summary><c>eval --plot DIR</c>: which PNG files are written, that they are real PNGs of the stated size, and the
/// errors; the figures' pixels are not compared (ScottPlot's rendering is its own concern).</summary>
public sealed class EvalPlotTests : IDisposable
{
    private static readonly string Files = Path.Combine(AppContext.BaseDirectory, "reference", "cli", "files");
    private readonly CliRunner runner = new();

    public void Dispose() => runner.Dispose();

    [Fact]
    public void Plot_Binary_WritesRocPrAndReliabilityAndListsThemInJson()
    {
        string dir = runner.PathOf("plots");

        var (exit, stdout, stderr) = CliRunner.Run("eval", Sample("pandas_two_models.csv"), "--plot", dir, "--format", "json");

        Assert.True(exit == 0, stderr);
        Assert.Equal([Path.Combine(dir, "roc.png"), Path.Combine(dir, "pr.png"), Path.Combine(dir, "reliability.png")], Listed(stdout));
        Assert.Empty(Notes(stdout));
        CheckPng(Path.Combine(dir, "roc.png"), 900, 600);
        CheckPng(Path.Combine(dir, "pr.png"), 900, 600);
        CheckPng(Path.Combine(dir, "reliability.png"), 900, 750);
    }

    [Fact]
    public void Plot_OperatingPointAndCompare_WritesTheThreeFiles()
    {
        string dir = runner.PathOf("compare");

        var (exit, stdout, stderr) = CliRunner.Run("eval", Sample("pandas_two_models.csv"), "--plot", dir, "--operating-point", "max-f1",
            "--compare-score-column", "score_b", "--calibration", "--bins", "8", "--strategy", "quantile", "--format", "json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.GetProperty("operating_point").GetProperty("threshold").GetDouble() > 0);
        Assert.Equal(3, Listed(stdout).Length);
        foreach (var (file, height) in new[] { ("roc.png", 600), ("pr.png", 600), ("reliability.png", 750) })
        {
            CheckPng(Path.Combine(dir, file), 900, height);
        }
    }

    [Fact]
    public void Plot_MissingNestedDirectory_IsCreatedAndTheTableListsTheFiles()
    {
        string dir = Path.Combine(runner.Directory, "a", "b");

        var (exit, stdout, stderr) = CliRunner.Run("eval", Sample("pandas_two_models.csv"), "--plot", dir);

        Assert.True(exit == 0, stderr);
        Assert.Contains($"Plots written: {Path.Combine(dir, "roc.png")}, {Path.Combine(dir, "pr.png")}, {Path.Combine(dir, "reliability.png")}", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "reliability.png")));
    }

    [Fact]
    public void Plot_DirectoryUnderAFile_IsAOneLineErrorNamingThePathAndTheFix()
    {
        string blocker = runner.File("not-a-directory", "x");
        string dir = Path.Combine(blocker, "plots");

        var (exit, stdout, stderr) = CliRunner.Run("eval", Sample("pandas_two_models.csv"), "--plot", dir);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith($"classicalml eval: --plot cannot write '{dir}' (", stderr, StringComparison.Ordinal);
        Assert.EndsWith("). Pass a directory you can write to (it is created if missing), e.g. --plot plots.", stderr.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_Margins_WritesRocAndPrAndSaysWhyNoReliabilityDiagram()
    {
        string dir = runner.PathOf("margins");

        var (exit, stdout, stderr) = CliRunner.Run("eval", Sample("pandas_margins.csv"), "--threshold", "0", "--plot", dir, "--format", "json");

        Assert.True(exit == 0, stderr);
        Assert.Equal([Path.Combine(dir, "roc.png"), Path.Combine(dir, "pr.png")], Listed(stdout));
        Assert.StartsWith("reliability.png not written: column 'Score' has ", Assert.Single(Notes(stdout)), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "reliability.png")));
    }

    [Fact]
    public void Plot_Weighted_WritesAllThreeFiguresWithTheWeightedReliabilityCurve()
    {
        string dir = runner.PathOf("weighted");

        var (exit, stdout, stderr) = CliRunner.Run("eval", Sample("pandas_weighted.csv"), "--weight-column", "w", "--plot", dir, "--format", "json");

        Assert.True(exit == 0, stderr);
        Assert.Equal([Path.Combine(dir, "roc.png"), Path.Combine(dir, "pr.png"), Path.Combine(dir, "reliability.png")], Listed(stdout));
        Assert.Empty(Notes(stdout));
    }

    [Fact]
    public void Plot_MulticlassScores_WritesOneVsRestRoc()
    {
        string dir = runner.PathOf("multiclass");

        var (exit, stdout, stderr) = CliRunner.Run("eval", Sample("pandas_multiclass_scores.csv"), "--score-prefix", "p_", "--plot", dir, "--format", "json");

        Assert.True(exit == 0, stderr);
        Assert.Equal([Path.Combine(dir, "roc.png")], Listed(stdout));
        CheckPng(Path.Combine(dir, "roc.png"), 900, 600);
    }

    [Fact]
    public void Plot_WithPredictedColumn_IsRefused()
    {
        var (exit, _, stderr) = CliRunner.Run("eval", Sample("pandas_multiclass.csv"), "--predicted-column", "predicted", "--plot", runner.PathOf("p"));

        Assert.Equal(2, exit);
        Assert.Equal("classicalml eval: --plot has no effect with --predicted-column (multiclass mode compares labels, not scores). Remove --plot, or drop --predicted-column for binary mode.", stderr.TrimEnd());
    }

    [Fact]
    public void Help_DocumentsPlotWithAnExample()
    {
        var (exit, stdout, _) = CliRunner.Run("eval", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--plot <DIR>", stdout, StringComparison.Ordinal);
        Assert.Contains("Example: --plot plots", stdout, StringComparison.Ordinal);
    }

    private static string Sample(string name) => Path.Combine(Files, name);

    private static string[] Listed(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("plots").GetProperty("files").EnumerateArray().Select(f => f.GetString()!)];
    }

    private static string[] Notes(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("plots").GetProperty("notes").EnumerateArray().Select(f => f.GetString()!)];
    }

    /// <summary>The PNG signature, an IHDR chunk of the expected size, and more than a blank image's bytes.</summary>
    internal static void CheckPng(string path, int width, int height)
    {
        byte[] png = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 15_000, $"{path} has {png.Length} bytes; a figure with curves, labels and a legend has far more than a blank image.");
    }
}
