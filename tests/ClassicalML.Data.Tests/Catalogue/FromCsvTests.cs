namespace ClassicalML.Data.Tests;

public sealed class FromCsvTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void FromCsv_QuotedFields_KeepCommasQuotesAndLineBreaks()
    {
        var path = temp.Write("q.csv", "x,\"name, full\",y\r\n1.5,\"a, \"\"b\"\"\",yes\r\n2,\"two\nlines\",no\r\n");

        var data = Dataset.FromCsv(path, "y", positiveClass: "yes");

        Assert.Equal(["x", "name, full"], data.Schema.FeatureColumns);
        Assert.Equal([1.5, 2.0], data.GetNumeric("x"));
        Assert.Equal(["a, \"b\"", "two\nlines"], data.GetCategorical("name, full"));
        Assert.Equal([true, false], data.BinaryLabels());
        Assert.Equal("q", data.Name);
    }

    [Fact]
    public void FromCsv_Inference_NumericOnlyWhenEveryValueParses()
    {
        var path = temp.Write("i.csv", "a,b,c,label\n1,x,1e3,p\n-2.5,3,NaN,n\n");

        var data = Dataset.FromCsv(path, "label");

        Assert.Equal(["a", "c"], data.Schema.NumericColumns);
        Assert.Equal(["b"], data.Schema.CategoricalColumns.Select(c => c.Name));
        Assert.Equal(["3", "x"], data.Schema.Categorical("b").Levels);
        Assert.Equal(["n", "p"], data.Schema.ClassValues);
        Assert.Null(data.Schema.PositiveClass);
        Assert.Equal(1000.0, data.GetNumeric("c")[0]);
    }

    [Fact]
    public void FromCsv_CategoricalColumnsOption_ReadsNumbersAsLevels()
    {
        var path = temp.Write("c.csv", "zip,label\n10,p\n9,n\n");

        var data = Dataset.FromCsv(path, "label", categoricalColumns: ["zip"]);

        Assert.Equal(["10", "9"], data.Schema.Categorical("zip").Levels);
    }

    [Fact]
    public void FromCsv_InvariantCulture_CommaIsNotADecimalPoint()
    {
        var path = temp.Write("d.csv", "a,label\n\"1,5\",p\n2,n\n");

        var data = Dataset.FromCsv(path, "label");

        Assert.Equal(ColumnKind.Categorical, data.Schema.KindOf("a"));
    }

    [Fact]
    public void FromCsv_MissingFile_Throws()
    {
        var path = Path.Combine(temp.Path, "none.csv");

        var ex = Assert.Throws<FileNotFoundException>(() => Dataset.FromCsv(path, "y"));

        Assert.Equal($"The CSV file '{path}' does not exist. Check the path (relative paths start at '{Environment.CurrentDirectory}').", ex.Message);
    }

    [Fact]
    public void FromCsv_EmptyFile_OneLineError()
    {
        var path = temp.Write("e.csv", string.Empty);

        var ex = Assert.Throws<DataFormatException>(() => Dataset.FromCsv(path, "y"));

        Assert.Equal($"{path}: the file is empty. Write a header line with the column names, then one line per row.", ex.Message);
        Assert.Equal((path, 0, (string?)null), (ex.File, ex.Line, ex.Column));
    }

    [Fact]
    public void FromCsv_HeaderOnly_OneLineError()
    {
        var path = temp.Write("h.csv", "a,y\n");

        var ex = Assert.Throws<DataFormatException>(() => Dataset.FromCsv(path, "y"));

        Assert.Equal($"{path}: the file has a header but no data rows. Add at least one data row below the header line.", ex.Message);
    }

    [Fact]
    public void FromCsv_MissingLabelColumn_ListsAvailableColumns()
    {
        var path = temp.Write("l.csv", "a,b,class\n1,2,x\n");

        var ex = Assert.Throws<DataFormatException>(() => Dataset.FromCsv(path, "label"));

        Assert.Equal($"{path}, line 1, column 'label': there is no such label column; the header has: a, b, class. Pass one of these names as the label column.", ex.Message);
        Assert.Equal((1, "label"), (ex.Line, ex.Column));
    }

    [Fact]
    public void FromCsv_RaggedRow_NamesLineAndCounts()
    {
        var path = temp.Write("r.csv", "a,b,y\n1,2,p\n\n3,p\n");

        var ex = Assert.Throws<DataFormatException>(() => Dataset.FromCsv(path, "y"));

        Assert.Equal($"{path}, line 4: the row has 2 fields but the header has 3. Give every row one field per header column, and quote fields that contain commas.", ex.Message);
        Assert.Equal(4, ex.Line);
    }

    [Fact]
    public void FromCsv_EmptyLabel_NamesLineAndColumn()
    {
        var path = temp.Write("el.csv", "a,y\n1,p\n2,\n");

        var ex = Assert.Throws<DataFormatException>(() => Dataset.FromCsv(path, "y"));

        Assert.Equal($"{path}, line 3, column 'y': the label is missing (''). Give every row a class value, or remove the row from the file.", ex.Message);
    }

    [Fact]
    public void FromCsv_MissingFeatureValue_ErrorByDefault()
    {
        var path = temp.Write("m.csv", "a,b,y\n1,u,p\n?,v,n\n");

        var ex = Assert.Throws<DataFormatException>(() => Dataset.FromCsv(path, "y"));

        Assert.Equal($"{path}, line 3, column 'a': missing value ('?'). Fill it in, or pass missingValues: MissingValuePolicy.Keep to read it as NaN (numeric) or the level \"\" (categorical).", ex.Message);
        Assert.Equal((3, "a"), (ex.Line, ex.Column));
    }

    [Fact]
    public void FromCsv_MissingValuesKept_NaNAndEmptyLevel()
    {
        var path = temp.Write("k.csv", "a,b,y\n1,u,p\n?,,n\n,v,n\n");

        var data = Dataset.FromCsv(path, "y", missingValues: MissingValuePolicy.Keep);

        Assert.Equal(3, data.RowCount);
        Assert.Equal([1.0, double.NaN, double.NaN], data.GetNumeric("a"));
        Assert.Equal(["", "u", "v"], data.Schema.Categorical("b").Levels);
        Assert.Equal(["u", "", "v"], data.GetCategorical("b"));
    }

    [Fact]
    public void FromCsv_NonNumberInMostlyNumericColumn_NamesValueLineAndFix()
    {
        var rows = string.Concat(Enumerable.Range(0, 10).Select(i => i == 7 ? "1.2.3,p\n" : $"{i}.5,n\n"));
        var path = temp.Write("n.csv", "a,y\n" + rows);

        var ex = Assert.Throws<DataFormatException>(() => Dataset.FromCsv(path, "y"));

        Assert.Equal($"{path}, line 9, column 'a': '1.2.3' is not a number, but 9 of the column's 10 values are. Correct the value (numbers use '.' as the decimal point), write a missing value as an empty field or '?', or list the column in categoricalColumns to read it as categorical.", ex.Message);
    }

    [Fact]
    public void FromCsv_UnclosedQuote_NamesLine()
    {
        var path = temp.Write("u.csv", "a,y\n1,p\n\"2,n\n");

        var ex = Assert.Throws<DataFormatException>(() => Dataset.FromCsv(path, "y"));

        Assert.Equal($"{path}, line 3, column 'a' (column 1): field 1 opens a quote that is not closed before the end of the file. Close the quote, and write a quote inside a quoted field as two quotes (\"\").", ex.Message);
    }

    [Fact]
    public void FromCsv_TextAfterClosingQuote_NamesLineAndField()
    {
        var path = temp.Write("aq.csv", "a,y\n\"1\"x,p\n");

        var ex = Assert.Throws<DataFormatException>(() => Dataset.FromCsv(path, "y"));

        Assert.Equal($"{path}, line 2, column 'a' (column 1): field 1 has text after its closing quote ('\"1\"x'). Put the delimiter or a line break right after a closing quote, or quote the whole field and double every quote inside it.", ex.Message);
    }

    [Fact]
    public void FromCsv_HalfNumbersHalfWords_IsCategorical()
    {
        var path = temp.Write("hw.csv", "a,y\n1,p\nlow,n\n2,p\nhigh,n\n");

        var data = Dataset.FromCsv(path, "y");

        Assert.Equal(["1", "2", "high", "low"], data.Schema.Categorical("a").Levels);
    }

    [Fact]
    public void FromCsv_DuplicateColumn_Throws()
    {
        var path = temp.Write("dup.csv", "a,a,y\n1,2,p\n");

        var ex = Assert.Throws<DataFormatException>(() => Dataset.FromCsv(path, "y"));

        Assert.Equal($"{path}, line 1, column 'a': the column name appears more than once in the header. Give every column a distinct name.", ex.Message);
    }

    [Fact]
    public void FromCsv_UnknownPositiveClass_ListsClasses()
    {
        var path = temp.Write("pc.csv", "a,y\n1,p\n2,n\n");

        var ex = Assert.Throws<ArgumentException>(() => Dataset.FromCsv(path, "y", positiveClass: "yes"));

        Assert.Equal($"positiveClass is 'yes'; it must be one of n, p. Name a class of column 'y' of {path}. (Parameter 'positiveClass')", ex.Message);
    }

    [Fact]
    public void FromCsv_CatalogueFile_MatchesCatalogue()
    {
        var catalogue = Datasets.GermanCredit();

        var data = Dataset.FromCsv(catalogue.FilePath!, "class", positiveClass: "bad");

        Assert.Equal(catalogue.Schema.NumericColumns, data.Schema.NumericColumns);
        Assert.Equal(catalogue.BinaryLabels(), data.BinaryLabels());
        Assert.Equal(catalogue.GetCategorical("purpose"), data.GetCategorical("purpose"));
        Assert.Equal(catalogue.GetNumeric("credit_amount"), data.GetNumeric("credit_amount"));
    }

    [Fact]
    public void ToDataView_NoPositiveClass_SaysHowToFix()
    {
        var path = temp.Write("np.csv", "a,y\n1,p\n2,n\n");
        var data = Dataset.FromCsv(path, "y");

        var ex = Assert.Throws<InvalidOperationException>(() => data.ToDataView(new Microsoft.ML.MLContext(seed: 0)));

        Assert.Equal("Data set 'np' has no positive class; name one of its classes (n, p) as positiveClass.", ex.Message);
    }
}
