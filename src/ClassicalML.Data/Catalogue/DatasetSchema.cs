using ClassicalML.Evaluation;

namespace ClassicalML.Data;

/// <summary>The kind of a feature column.</summary>
public enum ColumnKind
{
    /// <summary>A real-valued column, stored as <see cref="double"/>.</summary>
    Numeric,

    /// <summary>A categorical column with a fixed list of levels, stored as level codes.</summary>
    Categorical,
}

/// <summary>
/// The columns of a <see cref="Dataset"/>: numeric and categorical features (in file order), the label column,
/// its class values and the positive class used for binary tasks.
/// </summary>
public sealed class DatasetSchema
{
    private readonly Dictionary<string, (ColumnKind Kind, int Index)> lookup;

    /// <summary>Creates a schema.</summary>
    /// <param name="featureColumns">Every feature column in file order: its name, and its levels when it is categorical (<see langword="null"/> for numeric).</param>
    /// <param name="labelColumn">The name of the label column.</param>
    /// <param name="classValues">The distinct class values in their documented order.</param>
    /// <param name="positiveClass">The class treated as positive in binary tasks, or <see langword="null"/> when none is chosen.</param>
    /// <exception cref="ArgumentException">A name repeats, the label column is also a feature, there are no classes, or the positive class is not a class value.</exception>
    internal DatasetSchema(IReadOnlyList<(string Name, CategoricalColumn? Categorical)> featureColumns, string labelColumn, IReadOnlyList<string> classValues, string? positiveClass)
    {
        lookup = new Dictionary<string, (ColumnKind, int)>(StringComparer.Ordinal);
        var numeric = new List<string>();
        var categorical = new List<CategoricalColumn>();
        foreach (var (name, cat) in featureColumns)
        {
            var entry = cat is null ? (ColumnKind.Numeric, numeric.Count) : (ColumnKind.Categorical, categorical.Count);
            Preconditions.CheckArgument(
                name != labelColumn && lookup.TryAdd(name, entry),
                nameof(featureColumns),
                $"featureColumns has the column name '{name}' twice (or as the label column); every column needs a distinct name. Rename one of them.");

            if (cat is null)
            {
                numeric.Add(name);
            }
            else
            {
                categorical.Add(cat);
            }
        }

        Preconditions.CheckNotEmpty(classValues.Count, nameof(classValues), "A data set needs at least one class value.");
        if (positiveClass is not null)
        {
            Preconditions.CheckOneOf(positiveClass, classValues, nameof(positiveClass), $"Name a class of column '{labelColumn}'.");
        }

        FeatureColumns = Array.AsReadOnly(featureColumns.Select(c => c.Name).ToArray());
        NumericColumns = numeric.AsReadOnly();
        CategoricalColumns = categorical.AsReadOnly();
        LabelColumn = labelColumn;
        ClassValues = Array.AsReadOnly(classValues.ToArray());
        PositiveClass = positiveClass;
    }

    /// <summary>Every feature column (numeric and categorical, not the label) in file order.</summary>
    public IReadOnlyList<string> FeatureColumns { get; }

    /// <summary>The numeric feature columns in file order.</summary>
    public IReadOnlyList<string> NumericColumns { get; }

    /// <summary>The categorical feature columns in file order, each with its levels in their documented order.</summary>
    public IReadOnlyList<CategoricalColumn> CategoricalColumns { get; }

    /// <summary>The name of the label (target) column.</summary>
    public string LabelColumn { get; }

    /// <summary>The distinct class values: in the source's order for catalogue data sets, sorted by ordinal string comparison for <see cref="Dataset.FromCsv"/>.</summary>
    public IReadOnlyList<string> ClassValues { get; }

    /// <summary>The class treated as positive (true) in binary tasks, or <see langword="null"/> when none was chosen.</summary>
    public string? PositiveClass { get; }

    /// <summary>The number of columns in the file: features plus the label.</summary>
    public int ColumnCount => FeatureColumns.Count + 1;

    /// <summary>The kind of a feature column.</summary>
    /// <param name="column">A feature column name.</param>
    /// <returns>Whether the column is numeric or categorical.</returns>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not a feature column.</exception>
    public ColumnKind KindOf(string column) => Find(column).Kind;

    /// <summary>The description of a categorical column.</summary>
    /// <param name="column">A categorical column name.</param>
    /// <returns>The column with its levels.</returns>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not a categorical feature column.</exception>
    public CategoricalColumn Categorical(string column) => CategoricalColumns[IndexOf(column, ColumnKind.Categorical)];

    internal (ColumnKind Kind, int Index) Find(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (lookup.TryGetValue(column, out var entry))
        {
            return entry;
        }

        var hint = column == LabelColumn ? " It is the label column; read it with GetLabels() or BinaryLabels()." : string.Empty;
        throw new ArgumentException($"column '{column}' is not a feature column of this data set.{hint} Feature columns: {string.Join(", ", FeatureColumns)}.", nameof(column));
    }

    internal int IndexOf(string column, ColumnKind kind)
    {
        var (k, index) = Find(column);
        if (k != kind)
        {
            throw new ArgumentException($"column '{column}' is {k.ToString().ToLowerInvariant()}, not {kind.ToString().ToLowerInvariant()}; use the {(k == ColumnKind.Numeric ? "GetNumeric" : "GetCategorical or GetCategoricalCodes")} accessor.", nameof(column));
        }

        return index;
    }

    internal string ResolvePositive(string? positiveClass, string datasetName)
    {
        var chosen = positiveClass ?? PositiveClass;
        if (chosen is null)
        {
            throw new InvalidOperationException($"Data set '{datasetName}' has no positive class; name one of its classes ({string.Join(", ", ClassValues)}) as positiveClass.");
        }

        Preconditions.CheckOneOf(chosen, ClassValues, nameof(positiveClass), $"Name a class of column '{LabelColumn}' in data set '{datasetName}'.");

        return chosen;
    }
}
