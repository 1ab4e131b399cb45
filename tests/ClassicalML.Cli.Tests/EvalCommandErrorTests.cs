namespace ClassicalML.Cli.Tests;

/// <summary>Every bad input gives exactly one line on stderr naming file, line and column, nothing on stdout, and exit code 2.</summary>
public sealed class EvalCommandErrorTests : IDisposable
{
    private const string MissingFix = "Fill it in or remove the row, or pass --missing skip to drop (and count) rows with a missing label or score.";
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
        AssertError($"classicalml eval: {path}: the file is empty. Write a header line with the column names, then one line per row.", "eval", path);
    }

    [Fact]
    public void Eval_HeaderOnly_ReportsNoDataRows()
    {
        var path = files.File("h.csv", "label,score\n");
        AssertError($"classicalml eval: {path}: the file has a header but no data rows. Add at least one data row below the header line.", "eval", path);
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
        AssertError($"classicalml eval: {path}, line 1: no score column: none is named 'score', 'Probability' or 'Score' (ignoring case); the columns are: label, prob. Name the score column with --score-column COLUMN, or compare predicted labels with --predicted-column COLUMN.", "eval", path);
    }

    [Fact]
    public void Eval_MissingLabelColumn_ListsAvailableColumns()
    {
        var path = files.File("d.csv", "y,score\n1,0.3\n");
        AssertError($"classicalml eval: {path}, line 1, column 'label': no column 'label' (names are compared ignoring case); the columns are: y, score. Name the label column with --label-column COLUMN.", "eval", path);
    }

    [Fact]
    public void Eval_NonNumericScore_ReportsLineAndColumn()
    {
        var path = files.File("d.csv", "id,label,score\na,1,0.3\nb,0,high\n");
        AssertError($"classicalml eval: {path}, line 3, column 'score' (column 3): 'high' is not a number. Write scores as numbers with a dot for the decimal point, e.g. 0.73 (pandas: to_csv(..., decimal=\".\")).", "eval", path);
    }

    [Fact]
    public void Eval_DecimalComma_ReportsNotANumber()
    {
        var path = files.File("d.csv", "label,score\n1,\"0,3\"\n");
        AssertError($"classicalml eval: {path}, line 2, column 'score' (column 2): '0,3' is not a number. Write scores as numbers with a dot for the decimal point, e.g. 0.73 (pandas: to_csv(..., decimal=\".\")).", "eval", path);
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Eval_InfiniteScore_ReportsLineAndColumn(string score)
    {
        var path = files.File("d.csv", $"label,score\n1,0.3\n0,0.2\n1,{score}\n");
        AssertError($"classicalml eval: {path}, line 4, column 'score' (column 2): the score is {score}: scores must be finite numbers. Correct or remove the row.", "eval", path);
    }

    [Theory]
    [InlineData("NaN", "the score is NaN")]
    [InlineData("nan", "the score is nan")]
    [InlineData("", "the score is empty")]
    public void Eval_MissingScore_ErrorByDefaultNamesTheSkipOption(string score, string problem)
    {
        var path = files.File("d.csv", $"label,score\n1,0.3\n0,0.2\n1,{score}\n");
        AssertError($"classicalml eval: {path}, line 4, column 'score' (column 2): {problem}. {MissingFix}", "eval", path);
    }

    [Fact]
    public void Eval_RaggedRow_ReportsLineAndCounts()
    {
        var path = files.File("d.csv", "label,score\n1,0.3\n0\n");
        AssertError($"classicalml eval: {path}, line 3: the row has 1 field but the header has 2. Give every row one field per header column, and quote fields that contain commas.", "eval", path);
    }

    [Fact]
    public void Eval_EmptyLabel_ReportsLineAndColumn()
    {
        var path = files.File("d.csv", "score,label\n0.3,1\n0.2, \n");
        AssertError($"classicalml eval: {path}, line 3, column 'label' (column 2): the label is empty. {MissingFix}", "eval", path);
    }

    [Fact]
    public void Eval_ThirdLabelValue_ReportsItAndSuggestsMulticlass()
    {
        var path = files.File("d.csv", "label,score\n1,0.3\n0,0.2\n2,0.9\n");
        AssertError($"classicalml eval: {path}, line 4, column 'label' (column 1): a third label value '2' (after '1' and '0'): binary evaluation needs exactly two classes. For more classes, compare predicted labels with --predicted-column COLUMN.", "eval", path);
    }

    [Fact]
    public void Eval_StringLabelsWithoutPositive_AsksForPositive()
    {
        var path = files.File("d.csv", "label,score\nyes,0.3\nno,0.2\n");
        AssertError($"classicalml eval: {path}, line 2, column 'label' (column 1): label 'yes' is not 0/1 or true/false. Name the positive class with --positive VALUE (e.g. --positive yes).", "eval", path);
    }

    [Fact]
    public void Eval_ThresholdNaN_RefusedWithTheCheckersRule()
    {
        var path = files.File("d.csv", "label,score\n1,0.3\n0,0.2\n");
        AssertError("classicalml eval: --threshold is NaN; it must be a number. Use e.g. --threshold 0.5 (a row is positive when score >= threshold).", "eval", path, "--threshold", "NaN");
    }

    [Fact]
    public void Eval_PositiveNotAmongLabels_ListsLabels()
    {
        var path = files.File("d.csv", "label,score\nyes,0.3\nno,0.2\n");
        AssertError($"classicalml eval: {path}, column 'label' (column 1): --positive 'Yes' matches no label; the labels are 'yes', 'no'. Pass one of them (text is compared case-sensitively, numbers as numbers).", "eval", path, "--positive", "Yes");
    }

    [Fact]
    public void Eval_BinaryFile_RefusedAsNotText()
    {
        var path = files.PathOf("model.bin");
        File.WriteAllBytes(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        AssertError($"classicalml eval: {path}, line 3: byte 8 is NUL (0x00): this is a binary file, not text. Save the data as UTF-8 text (CSV or TSV) with a header line.", "eval", path);
    }

    [Fact]
    public void Eval_InvalidUtf8_RefusedWithTheLineOfTheBadByte()
    {
        var path = files.PathOf("latin1.csv");
        File.WriteAllBytes(path, [.. "label,score\n1,0.5\n0,0.4 caf"u8, 0xE9, (byte)'\n']);
        AssertError($"classicalml eval: {path}, line 3: byte 27 is not valid UTF-8: the file is in another encoding. Save the file as UTF-8 (for example, in pandas: to_csv(..., encoding=\"utf-8\")).", "eval", path);
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
        AssertError($"classicalml eval: {path}, line 3, column 'pred' (column 2): the predicted label is empty. Fill it in or remove the row, or pass --missing skip to drop (and count) rows with a missing label.", "eval", path, "--predicted-column", "pred");
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

    [Theory]
    [InlineData("0,high", "'high' is not a number. Write scores as numbers with a dot for the decimal point, e.g. 0.73 (pandas: to_csv(..., decimal=\".\")).")]
    [InlineData("2,0.5", "a third label value '2' (after '0' and '1'): binary evaluation needs exactly two classes. For more classes, compare predicted labels with --predicted-column COLUMN.")]
    [InlineData("1,inf", "the score is inf: scores must be finite numbers. Correct or remove the row.")]
    public void Eval_ErrorAfterManyPlainRows_NamesTheExactLine(string badRow, string message)
    {
        // The fast path reads the plain rows; the bad one goes through every check, with its line counted over empty lines.
        var rows = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i % 2},0.{i % 10}\n"));
        var path = files.File("many.csv", $"label,score\n{rows}\n\n{rows}{badRow}\n1,0.5\n");
        var column = message.StartsWith("a third", StringComparison.Ordinal) ? "'label' (column 1)" : "'score' (column 2)";

        AssertError($"classicalml eval: {path}, line 10004, column {column}: {message}", "eval", path);
    }
}
