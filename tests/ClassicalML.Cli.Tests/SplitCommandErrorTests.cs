namespace ClassicalML.Cli.Tests;

/// <summary>Every bad input gives exactly one line on stderr, nothing on stdout, and exit code 2.</summary>
public sealed class SplitCommandErrorTests : IDisposable
{
    private const string Good = "id,x,day,patient\nr1,1,day,p1\nr2,2,night,p1\nr3,3,day,p2\nr4,4,day,p3\nr5,5,night,p3\nr6,6,day,p4\n";
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
    public void Split_EmptyFile_ReportsEmpty()
    {
        var path = files.File("empty.csv", string.Empty);
        AssertError($"classicalml split: {path}: the file is empty. Write a header line with the column names, then one line per row.", "split", path, "--folds", "2");
    }

    [Fact]
    public void Split_HeaderOnly_ReportsNoDataRows()
    {
        var path = files.File("header.csv", "id,x,day\n");
        AssertError($"classicalml split: {path}: the file has a header but no data rows. Add at least one data row below the header line.", "split", path, "--folds", "2");
    }

    [Fact]
    public void Split_MissingFile_ReportsNotFound()
    {
        var path = files.PathOf("nope.csv");
        AssertError($"classicalml split: {path}: file not found. Check the path.", "split", path, "--folds", "2");
    }

    [Fact]
    public void Split_MissingColumn_ListsAvailableColumns()
    {
        var path = files.File("d.csv", Good);
        AssertError($"classicalml split: {path}, line 1, column 'dayy': --stratify names 'dayy', but there is no such column; the columns are: id, x, day, patient. Name an existing column with --stratify (names are case-sensitive).", "split", path, "--folds", "2", "--stratify", "dayy");
    }

    [Fact]
    public void Split_RaggedRow_ReportsLineAndCounts()
    {
        var path = files.File("d.csv", "id,x,day\nr1,1,day\nr2,2\nr3,3,day\n");
        AssertError($"classicalml split: {path}, line 3: the row has 2 fields but the header has 3. Give every row one field per header column, and quote fields that contain commas.", "split", path, "--folds", "2");
    }

    [Fact]
    public void Split_RaggedRowAfterMultilineQuotedField_ReportsPhysicalLine()
    {
        var path = files.File("d.csv", "id,note\nr1,\"two\nlines\"\nr2,ok,extra\n");
        AssertError($"classicalml split: {path}, line 4: the row has 3 fields but the header has 2. Give every row one field per header column, and quote fields that contain commas.", "split", path, "--folds", "2");
    }

    [Fact]
    public void Split_UnclosedQuote_ReportsLine()
    {
        var path = files.File("d.csv", "id,note\nr1,ok\nr2,\"never closed\nr3,x\n");
        AssertError($"classicalml split: {path}, line 3, column 'note' (column 2): field 2 opens a quote that is not closed before the end of the file. Close the quote, and write a quote inside a quoted field as two quotes (\"\").", "split", path, "--folds", "2");
    }

    [Fact]
    public void Split_StrayQuote_ReportsLineAndField()
    {
        var path = files.File("d.csv", "id,note\nr1,ok\nr2,5\" screen\n");
        AssertError($"classicalml split: {path}, line 3, column 'note' (column 2): field 2 has a quote inside an unquoted value ('5\" screen\\n'). Quote the whole field and double every quote inside it, e.g. \"5\"\" screen\".", "split", path, "--folds", "2");
    }

    [Theory]
    [InlineData("--stratify", "day", "r3,3,,p2", "day", 3)]
    [InlineData("--group", "patient", "r3,3,day, ", "patient", 4)]
    [InlineData("--hash-id", "id", ",3,day,p2", "id", 1)]
    public void Split_EmptyKeyValue_ReportsLineAndColumn(string option, string column, string badRow, string name, int columnNumber)
    {
        var path = files.File("d.csv", Good.Replace("r3,3,day,p2", badRow, StringComparison.Ordinal));
        AssertError($"classicalml split: {path}, line 4, column '{name}' (column {columnNumber}): the {option} column is empty. Fill it in or remove the row.", "split", path, "--folds", "2", option, column);
    }

    [Fact]
    public void Split_FoldsWithTestFraction_Conflict()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --folds and --test-fraction cannot be combined; use --folds K for k-fold test folds, or --test-fraction F [--valid-fraction V] for one train/valid/test split.", "split", path, "--folds", "2", "--test-fraction", "0.2");
    }

    [Fact]
    public void Split_NoSplitOption_SaysWhatToAdd()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: no split asked for; add --folds K for k-fold test folds, or --test-fraction F for a train/test split.", "split", path);
    }

    [Fact]
    public void Split_ValidFractionWithoutTestFraction_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --valid-fraction needs --test-fraction; add --test-fraction F, or remove --valid-fraction.", "split", path, "--folds", "2", "--valid-fraction", "0.1");
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("0")]
    [InlineData("-0.2")]
    public void Split_InvalidTestFraction_Refused(string value)
    {
        var path = files.File("d.csv", Good);
        AssertError($"classicalml split: --test-fraction is {value}; it must be greater than 0 and less than 1. Use e.g. --test-fraction 0.2.", "split", path, "--test-fraction", value);
    }

    [Fact]
    public void Split_InvalidValidFraction_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --valid-fraction is 1; it must be greater than 0 and less than 1. Use e.g. --valid-fraction 0.1.", "split", path, "--test-fraction", "0.2", "--valid-fraction", "1");
    }

    [Fact]
    public void Split_FractionsSumToOne_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --test-fraction + --valid-fraction is 0.6 + 0.4 = 1; it must be less than 1 to leave training rows. Lower one of them.", "split", path, "--test-fraction", "0.6", "--valid-fraction", "0.4");
    }

    [Fact]
    public void Split_FractionNotANumber_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --test-fraction expects a number such as 0.2 (with a dot), got '0,2'. Run 'classicalml split --help' for usage.", "split", path, "--test-fraction", "0,2");
    }

    [Fact]
    public void Split_FoldsNotAnInteger_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --folds expects a whole number, got 'five'. Run 'classicalml split --help' for usage.", "split", path, "--folds", "five");
    }

    [Fact]
    public void Split_SeedWithoutShuffleForFolds_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --seed has no effect since --shuffle is not set. Add --shuffle, or remove --seed.", "split", path, "--folds", "2", "--seed", "7");
    }

    [Fact]
    public void Split_FoldsBelowTwo_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --folds is 1; it must be at least 2. Use e.g. --folds 5.", "split", path, "--folds", "1");
    }

    [Fact]
    public void Split_MoreFoldsThanRows_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError($"classicalml split: --folds is 7 but {path} has only 6 data rows; use --folds 6 or fewer.", "split", path, "--folds", "7");
    }

    [Fact]
    public void Split_EveryClassSmallerThanFolds_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --folds is 5 but every class of column 'day' has fewer rows (the largest has 4); use --folds 4 or fewer, or stratify on a coarser column.", "split", path, "--folds", "5", "--stratify", "day");
    }

    [Fact]
    public void Split_FewerGroupsThanFolds_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --folds is 5 but column 'patient' has only 4 distinct groups; use --folds 4 or fewer.", "split", path, "--folds", "5", "--group", "patient");
    }

    [Fact]
    public void Split_StratifyWithGroup_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --stratify and --group cannot be combined (stratified group k-fold is not implemented); choose one.", "split", path, "--folds", "2", "--stratify", "day", "--group", "patient");
    }

    [Fact]
    public void Split_GroupWithTestFraction_SuggestsHashId()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --group works with --folds only; for a train/test split that keeps groups together use --hash-id patient.", "split", path, "--test-fraction", "0.3", "--group", "patient");
    }

    [Fact]
    public void Split_HashIdWithSeed_Refused()
    {
        var path = files.File("d.csv", Good);
        AssertError("classicalml split: --hash-id does not use --seed or --shuffle: a hashed row's fold or set depends only on its id. Remove --seed and --shuffle.", "split", path, "--test-fraction", "0.3", "--hash-id", "id", "--seed", "1");
    }

    [Fact]
    public void Split_TooFewRowsForFractions_Refused()
    {
        var path = files.File("d.csv", "id\na\nb\n");
        AssertError($"classicalml split: {path} has only 2 data rows: 1 test and 1 valid rows leave none to train on. Lower the fractions or add rows.", "split", path, "--test-fraction", "0.1", "--valid-fraction", "0.1");
    }

    [Fact]
    public void Split_UnwritableOutput_Refused()
    {
        var path = files.File("d.csv", Good);
        var output = Path.Combine(files.Directory, "missing-dir", "out.csv");
        var (exit, stdout, stderr) = CliRunner.Run("split", path, "--folds", "2", "--output", output);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"classicalml split: cannot write --output {output}: ", stderr, StringComparison.Ordinal);
        Assert.EndsWith(" Check that the directory exists and is writable." + Environment.NewLine, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_NoCommand_OneLineAndExitTwo()
    {
        AssertError("classicalml: Required command was not provided. Run 'classicalml --help' for usage.");
    }
}
