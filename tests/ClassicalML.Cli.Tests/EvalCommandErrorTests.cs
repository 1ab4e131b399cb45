namespace ClassicalML.Cli.Tests;

/// <summary>Every bad input gives exactly one line on stderr naming file, line and column, nothing on stdout, and exit code 2.</summary>
public sealed class EvalCommandErrorTests : IDisposable
{
    private readonly CliRunner files = new();

    public void Dispose() => files.Dispose();

    private static void AssertError(string expectedLine, params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(expectedLine + Environment.NewLine, stderr);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(2, exit);
    }

    [Fact]
    public void Eval_EmptyFile_ReportsEmpty()
    {
        var path = files.File("e.csv", string.Empty);
        AssertError($"classicalml eval: {path}: line 1: the file is empty; expected a header line (e.g. label,score) and data rows.", "eval", path);
    }

    [Fact]
    public void Eval_HeaderOnly_ReportsNoDataRows()
    {
        var path = files.File("h.csv", "label,score\n");
        AssertError($"classicalml eval: {path}: line 2: only a header line, no data rows; add one row per prediction below the header.", "eval", path);
    }

    [Fact]
    public void Eval_MissingFile_ReportsNotFound()
    {
        var path = files.PathOf("nope.csv");
        AssertError($"classicalml eval: {path}: file not found. Check the path.", "eval", path);
    }

    [Fact]
    public void Eval_MissingScoreColumn_ListsAvailableColumns()
    {
        var path = files.File("d.csv", "label,prob\n1,0.3\n");
        AssertError($"classicalml eval: {path}: line 1: no column 'score' in the header; available columns: label, prob. Name the right one with --score-column or --predicted-column.", "eval", path);
    }

    [Fact]
    public void Eval_MissingLabelColumn_ListsAvailableColumns()
    {
        var path = files.File("d.csv", "y,score\n1,0.3\n");
        AssertError($"classicalml eval: {path}: line 1: no column 'label' in the header; available columns: y, score. Name the right one with --label-column.", "eval", path);
    }

    [Fact]
    public void Eval_NonNumericScore_ReportsLineAndColumn()
    {
        var path = files.File("d.csv", "id,label,score\na,1,0.3\nb,0,high\n");
        AssertError($"classicalml eval: {path}: line 3, column 'score' (column 3): 'high' is not a number; scores must be finite numbers written with a dot, e.g. 0.73. Fix or remove the row.", "eval", path);
    }

    [Fact]
    public void Eval_DecimalComma_ReportsNotANumber()
    {
        var path = files.File("d.csv", "label,score\n1,\"0,3\"\n");
        AssertError($"classicalml eval: {path}: line 2, column 'score' (column 2): '0,3' is not a number; scores must be finite numbers written with a dot, e.g. 0.73. Fix or remove the row.", "eval", path);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Eval_NonFiniteScore_ReportsLineAndColumn(string score)
    {
        var path = files.File("d.csv", $"label,score\n1,0.3\n0,0.2\n1,{score}\n");
        AssertError($"classicalml eval: {path}: line 4, column 'score' (column 2): the score is {score}; scores must be finite numbers. Remove or impute the row.", "eval", path);
    }

    [Fact]
    public void Eval_RaggedRow_ReportsLineAndCounts()
    {
        var path = files.File("d.csv", "label,score\n1,0.3\n0\n");
        AssertError($"classicalml eval: {path}: line 3: 1 field(s) but the header has 2 columns; give every row one value per column (quote values that contain commas).", "eval", path);
    }

    [Fact]
    public void Eval_EmptyLabel_ReportsLineAndColumn()
    {
        var path = files.File("d.csv", "score,label\n0.3,1\n0.2, \n");
        AssertError($"classicalml eval: {path}: line 3, column 'label' (column 2): empty label; fill it in or drop the row.", "eval", path);
    }

    [Fact]
    public void Eval_ThirdLabelValue_ReportsItAndSuggestsMulticlass()
    {
        var path = files.File("d.csv", "label,score\n1,0.3\n0,0.2\n2,0.9\n");
        AssertError($"classicalml eval: {path}: line 4, column 'label' (column 1): a third label value '2' (after '1' and '0'); binary evaluation needs exactly two classes. For more classes use --predicted-column with a column of predicted labels.", "eval", path);
    }

    [Fact]
    public void Eval_StringLabelsWithoutPositive_AsksForPositive()
    {
        var path = files.File("d.csv", "label,score\nyes,0.3\nno,0.2\n");
        AssertError($"classicalml eval: {path}: line 2, column 'label' (column 1): label 'yes' is not 0/1 or true/false; name the positive class with --positive VALUE (e.g. --positive yes).", "eval", path);
    }

    [Fact]
    public void Eval_PositiveNotAmongLabels_ListsLabels()
    {
        var path = files.File("d.csv", "label,score\nyes,0.3\nno,0.2\n");
        AssertError($"classicalml eval: {path}: column 'label' (column 1): --positive 'Yes' matches no label; the labels are 'yes', 'no'. Pass one of them (values are case-sensitive).", "eval", path, "--positive", "Yes");
    }

    [Fact]
    public void Eval_BinaryFile_RefusedAsNotText()
    {
        var path = files.PathOf("model.bin");
        File.WriteAllBytes(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        AssertError($"classicalml eval: {path}: line 3: byte 8 is NUL (0x00); this is a binary file, not CSV text. Export the predictions as a UTF-8 CSV file with a header line.", "eval", path);
    }

    [Fact]
    public void Eval_InvalidUtf8_RefusedAsNotText()
    {
        var path = files.PathOf("latin1.csv");
        File.WriteAllBytes(path, [.. "label,score\n1,0.5\n0,0.4 caf"u8, 0xE9, (byte)'\n']);
        var (exit, stdout, stderr) = CliRunner.Run("eval", path);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Matches($"^classicalml eval: {System.Text.RegularExpressions.Regex.Escape(path)}: line \\d: the file is not UTF-8 text \\(invalid byte sequence\\); export the predictions as a UTF-8 CSV file\\.\\r?\\n$", stderr);
    }

    [Fact]
    public void Eval_MulticlassWithScoreOptions_Refused()
    {
        var path = files.File("m.csv", "label,pred\na,b\n");
        AssertError("classicalml eval: --threshold and --curves have no effect with --predicted-column (multiclass mode compares labels, not scores). Remove --threshold and --curves, or drop --predicted-column for binary mode.", "eval", path, "--predicted-column", "pred", "--threshold", "0.3", "--curves");
    }

    [Fact]
    public void Eval_MulticlassEmptyPrediction_ReportsLineAndColumn()
    {
        var path = files.File("m.csv", "label,pred\na,b\nb,\n");
        AssertError($"classicalml eval: {path}: line 3, column 'pred' (column 2): empty predicted label; fill it in or drop the row.", "eval", path, "--predicted-column", "pred");
    }

    [Fact]
    public void Eval_UnknownFormat_RefusedByParser()
    {
        var path = files.File("d.csv", "label,score\n1,0.3\n");
        var (exit, stdout, stderr) = CliRunner.Run("eval", path, "--format", "xml");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("classicalml eval: --format is 'xml'; it must be table, json or markdown. Run 'classicalml eval --help' for usage." + Environment.NewLine, stderr);
    }

    [Fact]
    public void Eval_NonNumericThreshold_RefusedByParser()
    {
        var path = files.File("d.csv", "label,score\n1,0.3\n");
        AssertError("classicalml eval: --threshold expects a number such as 0.5 (with a dot), got 'half'. Run 'classicalml eval --help' for usage.", "eval", path, "--threshold", "half");
    }
}
