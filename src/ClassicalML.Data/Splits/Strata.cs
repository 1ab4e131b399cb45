using System.Globalization;

namespace ClassicalML.Data.Splits;

/// <summary>Rows grouped by a key (a class label, a stratum such as day/night, or a group id).</summary>
internal sealed class Strata
{
    private Strata(List<int>[] members, string[] names)
    {
        Members = members;
        Names = names;
    }

    /// <summary>Row indices of each distinct key, keys in order of first occurrence, rows ascending.</summary>
    public List<int>[] Members { get; }

    /// <summary>The keys, formatted for messages.</summary>
    public string[] Names { get; }

    public int Count => Members.Length;

    /// <summary>Groups rows by key; keys compare with <see cref="EqualityComparer{T}.Default"/>.</summary>
    /// <exception cref="ArgumentException">A key is null.</exception>
    public static Strata Of<TKey>(ReadOnlySpan<TKey> keys, string paramName)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, int>();
        var members = new List<List<int>>();
        var names = new List<string>();
        for (var row = 0; row < keys.Length; row++)
        {
            var key = keys[row];
            if (key is null)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{paramName}[{row}] is null; every row needs a key. Fill in the missing value or drop the row."),
                    paramName);
            }

            if (!index.TryGetValue(key, out var c))
            {
                c = members.Count;
                index.Add(key, c);
                members.Add([]);
                names.Add(Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty);
            }

            members[c].Add(row);
        }

        return new Strata([.. members], [.. names]);
    }
}
