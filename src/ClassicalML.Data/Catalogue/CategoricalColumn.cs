namespace ClassicalML.Data;

/// <summary>A categorical (nominal or ordinal) feature column and its levels in a documented order.</summary>
/// <remarks>
/// For the catalogue data sets the levels are in the source's order (the ARFF or R factor order listed in the
/// <c>*.schema.txt</c> files), which for ordinal columns is their true order. For <see cref="Dataset.FromCsv"/>
/// the levels are sorted by ordinal (culture-free, code-point) string comparison. Integer codes
/// (<see cref="Dataset.GetCategoricalCodes"/>) are 0-based indexes into <see cref="Levels"/>.
/// </remarks>
public sealed class CategoricalColumn
{
    private readonly Dictionary<string, int> codes;

    /// <summary>Creates a categorical column description.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="levels">The distinct levels, in their documented order.</param>
    /// <param name="isOrdinal">Whether the order of <paramref name="levels"/> is meaningful.</param>
    /// <exception cref="ArgumentException">The name is empty, there are no levels, or a level repeats.</exception>
    public CategoricalColumn(string name, IEnumerable<string> levels, bool isOrdinal = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(levels);
        var list = levels.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException($"Column '{name}' has no levels; a categorical column needs at least one level. Pass its distinct values.", nameof(levels));
        }

        codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            if (!codes.TryAdd(list[i], i))
            {
                throw new ArgumentException($"Column '{name}' lists the level '{list[i]}' twice; levels must be distinct. Remove the duplicate.", nameof(levels));
            }
        }

        Name = name;
        Levels = Array.AsReadOnly(list);
        IsOrdinal = isOrdinal;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The levels in their documented order; a level's index is its integer code.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>
    /// Whether the order of <see cref="Levels"/> is meaningful (an ordinal scale). A level outside the scale, such
    /// as German credit's "no known savings", is kept last and is named in the data set's documentation.
    /// </summary>
    public bool IsOrdinal { get; }

    /// <summary>The 0-based code of <paramref name="level"/>, or -1 when it is not a level of this column.</summary>
    /// <param name="level">A value of the column.</param>
    /// <returns>The index of the level in <see cref="Levels"/>, or -1.</returns>
    public int CodeOf(string level) => codes.TryGetValue(level, out var code) ? code : -1;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Levels.Count} levels{(IsOrdinal ? ", ordinal" : string.Empty)})";
}
