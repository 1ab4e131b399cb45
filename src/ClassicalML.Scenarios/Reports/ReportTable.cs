namespace ClassicalML.Scenarios;

/// <summary>A named table of the key numbers of a scenario: columns and rows of <see cref="Cell"/>s.</summary>
/// <remarks>In report.json a table is a list of rows, each an object keyed by column name in column order:
/// <c>"tables": {"folds": [{"fold": 1, "accuracy": {"value": 0.91, "lower": 0.88, "upper": 0.94}}]}</c>.
/// A scenario fills the table while it runs and hands it over in its <see cref="ScenarioResult"/>.</remarks>
public sealed class ReportTable
{
    private readonly List<IReadOnlyList<Cell>> _rows = [];

    /// <summary>Creates an empty table.</summary>
    /// <param name="name">The table's kebab-case name, unique within a scenario, e.g. <c>fold-scores</c>.</param>
    /// <param name="columns">The column names, unique and non-empty.</param>
    /// <exception cref="ArgumentException">The name is not kebab-case, or there are no columns, or a column name is empty or repeated.</exception>
    public ReportTable(string name, IEnumerable<string> columns)
    {
        Identifiers.RequireKebabCase(name, nameof(name));
        ArgumentNullException.ThrowIfNull(columns);
        var list = columns.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException($"columns of table '{name}' is empty; a table needs at least one column. Pass the column names.", nameof(columns));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i]) || !seen.Add(list[i]))
            {
                throw new ArgumentException(
                    $"columns[{i}] of table '{name}' is '{list[i]}'; column names must be non-empty and unique. Rename the column.", nameof(columns));
            }
        }

        Name = name;
        Columns = list.AsReadOnly();
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The column names in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows added so far, each with one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<Cell>> Rows => _rows;

    /// <summary>Appends a row.</summary>
    /// <param name="cells">One cell per column, in column order.</param>
    /// <returns>This table, for chaining.</returns>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public ReportTable AddRow(params ReadOnlySpan<Cell> cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException(
                $"cells has {cells.Length} values but table '{Name}' has {Columns.Count} columns ({string.Join(", ", Columns)}); pass one cell per column.",
                nameof(cells));
        }

        _rows.Add(cells.ToArray());
        return this;
    }
}
