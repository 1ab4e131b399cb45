using System.Globalization;
using ClassicalML.Data.Csv;
using ClassicalML.Evaluation;
using Microsoft.Data.Analysis;
using Microsoft.ML;

namespace ClassicalML.Data;

/// <summary>
/// A tabular data set held in memory column by column: numeric features as <see cref="double"/>, categorical
/// features as level codes, and a class label. Instances are immutable; every accessor returns a fresh copy,
/// so callers may change what they receive.
/// </summary>
/// <remarks>
/// Obtain one from the catalogue (<see cref="Datasets"/>), from a CSV file (<see cref="FromCsv"/>), or from a
/// generator (<see cref="SyntheticClassification.ToDataset"/>). For ML.NET, <see cref="ToDataView(MLContext, string?)"/>
/// and <see cref="ToDataView(MLContext, ReadOnlySpan{int}, string?)"/> wrap the columns without copying them.
/// </remarks>
public sealed class Dataset
{
    /// <summary>Field values that <see cref="FromCsv"/> reads as missing: the empty field and <c>?</c>.</summary>
    public static readonly IReadOnlyList<string> MissingTokens = Array.AsReadOnly(new[] { string.Empty, "?" });

    /// <summary>The smallest share of numbers among a column's present values at which <see cref="FromCsv"/> treats a non-number as an error rather than reading the column as categorical.</summary>
    public const double MostlyNumericShare = 0.9;

    private readonly double[][] numeric;
    private readonly int[][] categorical;
    private readonly int[] labelCodes;
    private float[][]? singles;

    internal Dataset(string name, string? filePath, DatasetSchema schema, double[][] numeric, int[][] categorical, int[] labelCodes)
    {
        Name = name;
        FilePath = filePath;
        Schema = schema;
        this.numeric = numeric;
        this.categorical = categorical;
        this.labelCodes = labelCodes;
    }

    /// <summary>The data set's name (the catalogue name, the CSV file name, or the generator's name).</summary>
    public string Name { get; }

    /// <summary>The full path of the file the data was read from, or <see langword="null"/> for generated data and for a
    /// catalogue data set read from the copy bundled in the assembly (see <see cref="Datasets"/>).</summary>
    public string? FilePath { get; }

    /// <summary>The columns, classes and positive class.</summary>
    public DatasetSchema Schema { get; }

    /// <summary>The number of rows (records, not counting the header).</summary>
    public int RowCount => labelCodes.Length;

    /// <summary>Reads a headed, comma-separated file and infers which columns are numeric.</summary>
    /// <param name="path">The CSV file: a header line, then one line per row; RFC 4180 quoting; numbers in invariant culture (<c>.</c> decimal point).</param>
    /// <param name="labelColumn">The name of the label column.</param>
    /// <param name="positiveClass">The class treated as positive in binary tasks, or <see langword="null"/> to choose later.</param>
    /// <param name="missingValues">What to do with a missing feature value (an empty field or <c>?</c>): an error (the default) or keep it explicitly; rows are never dropped.</param>
    /// <param name="categoricalColumns">Columns to read as categorical even when their values are numbers (codes, for example).</param>
    /// <returns>The data set, named after the file without its extension.</returns>
    /// <remarks>
    /// A feature column is numeric when every present value parses as a <see cref="double"/> in the invariant culture
    /// and at least one value is present; otherwise it is categorical, with its distinct values as levels sorted by
    /// ordinal string comparison. A column in which at least <see cref="MostlyNumericShare"/> of the present values are
    /// numbers but some are not is treated as a typo and reported, unless it is listed in
    /// <paramref name="categoricalColumns"/>. Class values are the distinct labels sorted the same way.
    /// Empty lines carry no record and are skipped; every other line is a row, and no row is ever dropped.
    /// Field values are not trimmed. A UTF-8 byte order mark is ignored.
    /// </remarks>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not UTF-8 text, is empty, has no data rows, lacks the label column, repeats a column name, has a malformed quote or a row with the wrong number of fields, an empty label, a missing value (under <see cref="MissingValuePolicy.Error"/>) or a non-number in a mostly numeric column.</exception>
    /// <exception cref="ArgumentException">An argument is empty, <paramref name="positiveClass"/> is not a class, or a name in <paramref name="categoricalColumns"/> is not a feature column.</exception>
    public static Dataset FromCsv(string path, string labelColumn, string? positiveClass = null, MissingValuePolicy missingValues = MissingValuePolicy.Error, IReadOnlyCollection<string>? categoricalColumns = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(labelColumn);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The CSV file '{Path.GetFullPath(path)}' does not exist. Check the path (relative paths start at '{Environment.CurrentDirectory}').", path);
        }

        var table = CsvTable.Read(path);
        var file = table.File;
        var labelIndex = CheckShape(table, labelColumn, "Pass one of these names as the label column.");
        var header = table.Header;
        var forced = ForcedCategorical(categoricalColumns, header, labelColumn, file);
        var rows = table.Records;
        if (missingValues == MissingValuePolicy.Error)
        {
            RequireNoMissing(table, labelIndex);
        }

        var features = new List<(string Name, CategoricalColumn? Categorical)>();
        var numericColumns = new List<double[]>();
        var categoricalCodes = new List<int[]>();
        for (var c = 0; c < header.Length; c++)
        {
            if (c == labelIndex)
            {
                continue;
            }

            var (values, present, numbers, firstBad) = ParseNumbers(rows, c);

            if (!forced.Contains(header[c]) && present > 0 && numbers == present)
            {
                features.Add((header[c], null));
                numericColumns.Add(values);
                continue;
            }

            if (!forced.Contains(header[c]) && numbers > 0 && numbers >= MostlyNumericShare * present)
            {
                throw new DataFormatException(file, table.Lines[firstBad], header[c],
                    string.Create(CultureInfo.InvariantCulture, $"'{rows[firstBad][c]}' is not a number, but {numbers} of the column's {present} values are"),
                    "Correct the value (numbers use '.' as the decimal point), write a missing value as an empty field or '?', or list the column in categoricalColumns to read it as categorical.");
            }

            var levels = rows.Select(row => IsMissing(row[c]) ? string.Empty : row[c]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var column = new CategoricalColumn(header[c], levels);
            features.Add((header[c], column));
            categoricalCodes.Add(rows.Select(row => column.CodeOf(IsMissing(row[c]) ? string.Empty : row[c])).ToArray());
        }

        var classes = rows.Select(row => row[labelIndex]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (positiveClass is not null)
        {
            Preconditions.CheckOneOf(positiveClass, classes, nameof(positiveClass), $"Name a class of column '{labelColumn}' of {file}.");
        }

        var schema = new DatasetSchema(features, labelColumn, classes, positiveClass);
        var labels = rows.Select(row => Array.IndexOf(classes, row[labelIndex])).ToArray();
        return new Dataset(Path.GetFileNameWithoutExtension(path), Path.GetFullPath(path), schema, [.. numericColumns], [.. categoricalCodes], labels);
    }

    /// <summary>The columns the caller wants read as categorical, each checked to be a feature column.</summary>
    private static HashSet<string> ForcedCategorical(IReadOnlyCollection<string>? categoricalColumns, string[] header, string labelColumn, string file)
    {
        var forced = new HashSet<string>(categoricalColumns ?? [], StringComparer.Ordinal);
        foreach (var name in forced)
        {
            Preconditions.CheckArgument(
                Array.IndexOf(header, name) >= 0 && name != labelColumn,
                nameof(categoricalColumns),
                $"categoricalColumns names '{name}', which is not a feature column of {file}; every name must be a feature column. Use one of: {string.Join(", ", header.Where(h => h != labelColumn))}.");
        }

        return forced;
    }

    /// <summary>Refuses the first missing feature value (under <see cref="MissingValuePolicy.Error"/>), naming its line and column.</summary>
    private static void RequireNoMissing(CsvTable table, int labelIndex)
    {
        var (rows, header) = (table.Records, table.Header);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < header.Length; c++)
            {
                if (c != labelIndex && IsMissing(rows[r][c]))
                {
                    throw new DataFormatException(table.File, table.Lines[r], header[c], $"missing value ('{rows[r][c]}')",
                        "Fill it in, or pass missingValues: MissingValuePolicy.Keep to read it as NaN (numeric) or the level \"\" (categorical).");
                }
            }
        }
    }

    /// <summary>Column <paramref name="c"/> parsed as numbers (NaN where missing or not a number), with the count of
    /// present values, of numbers among them, and the first row that is present but not a number (-1 if none).</summary>
    private static (double[] Values, int Present, int Numbers, int FirstBad) ParseNumbers(IReadOnlyList<string[]> rows, int c)
    {
        var values = new double[rows.Count];
        int present = 0, numbers = 0, firstBad = -1;
        for (var r = 0; r < rows.Count; r++)
        {
            var text = rows[r][c];
            if (IsMissing(text))
            {
                values[r] = double.NaN;
                continue;
            }

            present++;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                values[r] = v;
                numbers++;
            }
            else if (firstBad < 0)
            {
                firstBad = r;
            }
        }

        return (values, present, numbers, firstBad);
    }

    /// <summary>
    /// A binary data set from a numeric feature matrix and labels, e.g. the output of a resampler, so that it can be
    /// turned into a data view like any other. The label column is <c>y</c> with classes "0" and "1"; the positive class is "1".
    /// </summary>
    /// <param name="name">The data set name.</param>
    /// <param name="features">A row-major <c>rows × features</c> matrix.</param>
    /// <param name="labels">One label per row; true is the positive class "1".</param>
    /// <param name="featureNames">The feature names, or <see langword="null"/> for <c>x0</c>, <c>x1</c>, ….</param>
    /// <returns>A data set holding copies of the values.</returns>
    /// <exception cref="ArgumentException">The row counts differ, there are no rows, or the number of names differs from the number of features.</exception>
    public static Dataset FromNumeric(string name, double[,] features, ReadOnlySpan<bool> labels, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(features);
        int rows = features.GetLength(0), width = features.GetLength(1);
        Preconditions.CheckSameLength(rows, labels.Length, "features", nameof(labels));
        Preconditions.CheckNotEmpty(rows, nameof(labels), "Pass one label per feature row, for one or more rows.");
        var names = featureNames ?? [.. Enumerable.Range(0, width).Select(j => FormattableString.Invariant($"x{j}"))];
        Preconditions.CheckArgument(
            names.Count == width,
            nameof(featureNames),
            string.Create(CultureInfo.InvariantCulture, $"featureNames has {names.Count} names but features has {width} columns; they must match. Pass one name per column, or null."));

        var columns = new double[width][];
        for (var j = 0; j < width; j++)
        {
            columns[j] = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                columns[j][i] = features[i, j];
            }
        }

        var codes = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            codes[i] = labels[i] ? 1 : 0;
        }

        var schema = new DatasetSchema([.. names.Select(n => (n, (CategoricalColumn?)null))], "y", ["0", "1"], "1");
        return new Dataset(name, null, schema, columns, [], codes);
    }

    /// <summary>Builds a catalogue data set from a table whose columns must match <paramref name="expectedHeader"/> and <paramref name="schema"/>;
    /// <paramref name="filePath"/> is the file the table was read from (<see cref="FilePath"/>), or null for the copy bundled in the assembly.</summary>
    internal static Dataset FromTable(CsvTable table, string? filePath, string name, string[] expectedHeader, DatasetSchema schema)
    {
        var file = table.File;
        const string restore = "The file differs from the one the catalogue describes; restore it from the repository (git checkout -- data/).";
        if (!table.Header.SequenceEqual(expectedHeader, StringComparer.Ordinal))
        {
            throw new DataFormatException(file, 1, null, $"the header is '{string.Join(",", table.Header)}' but the catalogue expects '{string.Join(",", expectedHeader)}'", restore);
        }

        var labelIndex = CheckShape(table, schema.LabelColumn, restore);
        var rows = table.Records;
        var numeric = schema.NumericColumns.Select(_ => new double[rows.Count]).ToArray();
        var categorical = schema.CategoricalColumns.Select(_ => new int[rows.Count]).ToArray();
        var labels = new int[rows.Count];
        var columns = expectedHeader.Select(h => h == schema.LabelColumn ? ((ColumnKind?)null, -1) : ((ColumnKind?)schema.Find(h).Kind, schema.Find(h).Index)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < expectedHeader.Length; c++)
            {
                var text = rows[r][c];
                var (kind, index) = columns[c];
                if (kind is null)
                {
                    labels[r] = IndexOfOrdinal(schema.ClassValues, text);
                    if (labels[r] < 0)
                    {
                        throw new DataFormatException(file, table.Lines[r], expectedHeader[c], $"'{text}' is not one of the classes {string.Join(", ", schema.ClassValues)}", restore);
                    }
                }
                else if (kind == ColumnKind.Numeric)
                {
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out numeric[index][r]))
                    {
                        throw new DataFormatException(file, table.Lines[r], expectedHeader[c], $"'{text}' is not a number, but the column is numeric", restore);
                    }
                }
                else
                {
                    var column = schema.CategoricalColumns[index];
                    categorical[index][r] = column.CodeOf(text);
                    if (categorical[index][r] < 0)
                    {
                        throw new DataFormatException(file, table.Lines[r], expectedHeader[c], $"'{text}' is not one of the levels {string.Join(" | ", column.Levels)}", restore);
                    }
                }
            }
        }

        return new Dataset(name, filePath, schema, numeric, categorical, labels);
    }

    /// <summary>The values of a numeric feature column.</summary>
    /// <param name="column">A numeric column name.</param>
    /// <returns>A new array with one value per row (<see cref="double.NaN"/> for a missing value kept by <see cref="MissingValuePolicy.Keep"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not a numeric feature column.</exception>
    public double[] GetNumeric(string column) => (double[])numeric[Schema.IndexOf(column, ColumnKind.Numeric)].Clone();

    /// <summary>The values of a categorical feature column as text.</summary>
    /// <param name="column">A categorical column name.</param>
    /// <returns>A new array with one level per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not a categorical feature column.</exception>
    public string[] GetCategorical(string column)
    {
        var index = Schema.IndexOf(column, ColumnKind.Categorical);
        var levels = Schema.CategoricalColumns[index].Levels;
        return Array.ConvertAll(categorical[index], code => levels[code]);
    }

    /// <summary>The values of a categorical feature column as 0-based codes into <see cref="CategoricalColumn.Levels"/>.</summary>
    /// <param name="column">A categorical column name.</param>
    /// <returns>A new array with one code per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not a categorical feature column.</exception>
    public int[] GetCategoricalCodes(string column) => (int[])categorical[Schema.IndexOf(column, ColumnKind.Categorical)].Clone();

    /// <summary>The numeric feature columns as a row-major matrix, columns in <see cref="DatasetSchema.NumericColumns"/> order.</summary>
    /// <returns>A new <c>RowCount × NumericColumns.Count</c> array.</returns>
    public double[,] GetNumericMatrix()
    {
        var matrix = new double[RowCount, numeric.Length];
        for (var j = 0; j < numeric.Length; j++)
        {
            for (var i = 0; i < RowCount; i++)
            {
                matrix[i, j] = numeric[j][i];
            }
        }

        return matrix;
    }

    /// <summary>The class value of every row.</summary>
    /// <returns>A new array with one class value per row.</returns>
    public string[] GetLabels() => Array.ConvertAll(labelCodes, code => Schema.ClassValues[code]);

    /// <summary>The class of every row as a 0-based code into <see cref="DatasetSchema.ClassValues"/>.</summary>
    /// <returns>A new array with one code per row.</returns>
    public int[] GetLabelCodes() => (int[])labelCodes.Clone();

    /// <summary>The binary view of the label: true where the row's class is the positive class.</summary>
    /// <param name="positiveClass">The positive class, or <see langword="null"/> for <see cref="DatasetSchema.PositiveClass"/>. Any class can be named, making a one-versus-rest task.</param>
    /// <returns>A new array with one flag per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="positiveClass"/> is not a class value.</exception>
    /// <exception cref="InvalidOperationException">No positive class was given and the schema has none.</exception>
    public bool[] BinaryLabels(string? positiveClass = null)
    {
        var positive = IndexOfOrdinal(Schema.ClassValues, Schema.ResolvePositive(positiveClass, Name));
        return Array.ConvertAll(labelCodes, code => code == positive);
    }

    /// <summary>The number of rows of each class, in <see cref="DatasetSchema.ClassValues"/> order.</summary>
    /// <returns>A new array of counts that sums to <see cref="RowCount"/>.</returns>
    public int[] ClassCounts()
    {
        var counts = new int[Schema.ClassValues.Count];
        foreach (var code in labelCodes)
        {
            counts[code]++;
        }

        return counts;
    }

    /// <summary>A new data set holding the given rows, in the given order (repeats allowed).</summary>
    /// <param name="rows">0-based row indexes.</param>
    /// <returns>A data set with <c>rows.Length</c> rows and the same schema and name.</returns>
    /// <remarks>Copies the selected values: O(rows × columns) time and memory. For ML.NET, <see cref="ToDataView(MLContext, ReadOnlySpan{int}, string?)"/> selects rows without copying values.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A row index is negative or not less than <see cref="RowCount"/>.</exception>
    public Dataset Select(ReadOnlySpan<int> rows)
    {
        var index = CheckRows(rows, nameof(rows));
        return new Dataset(Name, FilePath, Schema,
            Array.ConvertAll(numeric, column => Array.ConvertAll(index, i => column[i])),
            Array.ConvertAll(categorical, column => Array.ConvertAll(index, i => column[i])),
            Array.ConvertAll(index, i => labelCodes[i]));
    }

    /// <summary>The data as a Microsoft.Data.Analysis data frame: feature columns in file order, then the label column.</summary>
    /// <returns>A new data frame: numeric columns as <see cref="DoubleDataFrameColumn"/>, categorical columns and the label (under its own name) as <see cref="StringDataFrameColumn"/>.</returns>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>();
        foreach (var name in Schema.FeatureColumns)
        {
            columns.Add(Schema.KindOf(name) == ColumnKind.Numeric
                ? new DoubleDataFrameColumn(name, GetNumeric(name))
                : new StringDataFrameColumn(name, GetCategorical(name)));
        }

        columns.Add(new StringDataFrameColumn(Schema.LabelColumn, GetLabels()));
        return new DataFrame(columns);
    }

    /// <summary>
    /// The data as an ML.NET <see cref="IDataView"/> for a binary task, without copying the columns.
    /// </summary>
    /// <param name="mlContext">The ML.NET context the view will be used with.</param>
    /// <param name="positiveClass">The positive class, or <see langword="null"/> for <see cref="DatasetSchema.PositiveClass"/>.</param>
    /// <returns>A view with the columns listed in the remarks, one row per data set row.</returns>
    /// <remarks>
    /// Columns, in this order: <c>Label</c> (<see cref="bool"/>, true for the positive class); <c>LabelText</c>
    /// (text, the original class, for multiclass use with <c>MapValueToKey</c>); every numeric feature under its
    /// own name as <see cref="float"/>; every categorical feature under its own name as text; and, when there is
    /// at least one numeric feature, <c>Features</c>, a known-size vector of <see cref="float"/> holding the numeric
    /// features in <see cref="DatasetSchema.NumericColumns"/> order (categorical features are not in it; encode them
    /// and concatenate). Values are converted to <see cref="float"/> once per data set and cached.
    /// The view is not shufflable (<see cref="IDataView.CanShuffle"/> is false); shuffle with <c>mlContext.Data.ShuffleRows</c>.
    /// For multiclass training, note that ML.NET's <c>MapValueToKey("Label", "LabelText")</c> numbers keys in order of
    /// first occurrence; pass <c>keyOrdinality: KeyOrdinality.ByValue</c> for sorted keys, or map with
    /// <see cref="GetLabelCodes"/> to follow <see cref="DatasetSchema.ClassValues"/>.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="positiveClass"/> is not a class value.</exception>
    /// <exception cref="InvalidOperationException">No positive class is known, or a feature column is named <c>Label</c>, <c>LabelText</c> or <c>Features</c>.</exception>
    public IDataView ToDataView(MLContext mlContext, string? positiveClass = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return DatasetColumns.View(this, null, BinaryLabels(positiveClass));
    }

    /// <summary>
    /// The given rows as an ML.NET <see cref="IDataView"/>, in the given order (repeats allowed), without copying
    /// values: only the index array is copied, and each cursor reads the shared columns through it.
    /// </summary>
    /// <param name="mlContext">The ML.NET context the view will be used with.</param>
    /// <param name="rows">0-based row indexes, e.g. a training fold.</param>
    /// <param name="positiveClass">The positive class, or <see langword="null"/> for <see cref="DatasetSchema.PositiveClass"/>.</param>
    /// <returns>A view with the schema of <see cref="ToDataView(MLContext, string?)"/> and <c>rows.Length</c> rows.</returns>
    /// <remarks>Cost: O(rows) to copy and check the indexes, plus one O(n) label pass; reading a row costs O(columns read).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A row index is negative or not less than <see cref="RowCount"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="positiveClass"/> is not a class value.</exception>
    /// <exception cref="InvalidOperationException">No positive class is known, or a feature column is named <c>Label</c>, <c>LabelText</c> or <c>Features</c>.</exception>
    public IDataView ToDataView(MLContext mlContext, ReadOnlySpan<int> rows, string? positiveClass = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        var index = CheckRows(rows, nameof(rows));
        return DatasetColumns.View(this, index, BinaryLabels(positiveClass));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {RowCount} rows, {Schema.NumericColumns.Count} numeric + {Schema.CategoricalColumns.Count} categorical features, label '{Schema.LabelColumn}'");

    internal double NumericValue(int column, int row) => numeric[column][row];

    internal float[] SingleColumn(int column)
    {
        var cached = singles;
        if (cached is null)
        {
            cached = Array.ConvertAll(numeric, c => Array.ConvertAll(c, v => (float)v));
            cached = Interlocked.CompareExchange(ref singles, cached, null) ?? cached;
        }

        return cached[column];
    }

    internal int CategoricalCode(int column, int row) => categorical[column][row];

    internal int LabelCode(int row) => labelCodes[row];

    internal int[] CheckRows(ReadOnlySpan<int> rows, string parameterName)
    {
        for (var k = 0; k < rows.Length; k++)
        {
            if ((uint)rows[k] >= (uint)RowCount)
            {
                throw Preconditions.RowIndexOutOfRange(parameterName, k, rows[k], RowCount, $"data set '{Name}'");
            }
        }

        return rows.ToArray();
    }

    private static int CheckShape(CsvTable table, string labelColumn, string labelFix)
    {
        // The reader has already refused empty files, files without data rows and rows of the wrong width.
        var file = table.File;
        var header = table.Header;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in header)
        {
            if (!seen.Add(name))
            {
                throw new DataFormatException(file, 1, name, "the column name appears more than once in the header", "Give every column a distinct name.");
            }
        }

        var labelIndex = Array.IndexOf(header, labelColumn);
        if (labelIndex < 0)
        {
            throw new DataFormatException(file, 1, labelColumn, $"there is no such label column; the header has: {string.Join(", ", header)}", labelFix);
        }

        for (var r = 0; r < table.Records.Count; r++)
        {
            var row = table.Records[r];
            if (IsMissing(row[labelIndex]))
            {
                throw new DataFormatException(file, table.Lines[r], labelColumn, $"the label is missing ('{row[labelIndex]}')",
                    "Give every row a class value, or remove the row from the file.");
            }
        }

        return labelIndex;
    }

    private static bool IsMissing(string value) => value.Length == 0 || value == "?";

    private static int IndexOfOrdinal(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
