namespace ClassicalML.Cli.Tests;

/// <summary>Multiclass-from-scores mode (--score-columns, --score-prefix): option checks, errors, table and markdown.</summary>
public sealed class EvalScoresTests : IDisposable
{
    private const string Csv = "label,p_cat,p_dog,p_eel\ncat,0.7,0.2,0.1\ndog,0.3,0.5,0.2\neel,0.2,0.2,0.6\ncat,0.4,0.4,0.2\n";

    private readonly CliRunner files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("--threshold", "0.5", "--threshold cannot be combined with --score-prefix")]
    [InlineData("--predicted-column", "label", "--predicted-column cannot be combined with --score-prefix")]
    [InlineData("--score-columns", "p_cat,p_dog", "--score-prefix cannot be combined with --score-columns")]
    public void Eval_ScoreModeWithBinaryOption_Refused(string option, string value, string message)
    {
        var path = files.File("p.csv", Csv);

        var (exit, _, stderr) = CliRunner.Run("eval", path, "--score-prefix", "p_", option, value);

        Assert.Equal(2, exit);
        Assert.StartsWith($"classicalml eval: {message} (multiclass-from-scores mode", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_PrefixMatchingOneColumn_NamesTheColumns()
    {
        var path = files.File("p.csv", Csv);

        var (exit, _, stderr) = CliRunner.Run("eval", path, "--score-prefix", "p_e");

        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: {path}, line 1: --score-prefix is 'p_e', but 1 column(s) start with it and name a class; multiclass scores need at least two. The columns are: label, p_cat, p_dog, p_eel. Pass the prefix the score columns share (compared exactly), or list them with --score-columns A,B,C.{Environment.NewLine}", stderr);
    }

    [Fact]
    public void Eval_LabelWithoutScoreColumn_NamesTheLine()
    {
        var path = files.File("p.csv", Csv + "fox,0.1,0.1,0.8\n");

        var (exit, _, stderr) = CliRunner.Run("eval", path, "--score-prefix", "p_");

        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: {path}, line 6, column 'label' (column 1): the label 'fox' is not one of the classes of the score columns (cat, dog, eel). Name a score column for every class (--score-columns or --score-prefix), or remove the row.{Environment.NewLine}", stderr);
    }

    [Fact]
    public void Eval_OneScoreColumnListed_Refused()
    {
        var path = files.File("p.csv", Csv);

        var (exit, _, stderr) = CliRunner.Run("eval", path, "--score-columns", "p_cat");

        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: --score-columns is 'p_cat'; it must name at least two columns, separated by commas, none empty. Pass e.g. --score-columns cat,dog,eel.{Environment.NewLine}", stderr);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public void Eval_ScoresTableAndMarkdown_ShowScoreMetricsAndPerClassAuc(string format)
    {
        var path = files.File("p.csv", Csv);

        var (exit, stdout, stderr) = CliRunner.Run("eval", path, "--score-prefix", "p_", "--format", format);

        Assert.Equal((0, string.Empty), (exit, stderr));
        foreach (var text in new[] { "ROC AUC one-vs-rest, macro", "ROC AUC one-vs-one, weighted", "Top-3 accuracy", "Log loss", "Brier score", "ROC AUC", "AP", "actual \\ predicted" })
        {
            Assert.Contains(text, stdout, StringComparison.Ordinal);
        }
    }
}
