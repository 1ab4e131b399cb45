using System.Globalization;

namespace ClassicalML.Data.Csv;

/// <summary>Finding a column by name in a header (text or Parquet), refusing a name that two columns match.</summary>
internal static class ColumnLookup
{
    /// <summary>The position of the column named <paramref name="name"/>, or -1 when none is.</summary>
    /// <param name="names">The header's names.</param>
    /// <param name="name">The name looked for.</param>
    /// <param name="comparison">How names are compared.</param>
    /// <param name="ambiguous">Builds the error for two matching columns from its problem and fix.</param>
    /// <exception cref="DataFormatException">Two columns match (built by <paramref name="ambiguous"/>).</exception>
    public static int IndexOf(IReadOnlyList<string> names, string name, StringComparison comparison, Func<string, string, DataFormatException> ambiguous)
    {
        var found = -1;
        for (var i = 0; i < names.Count; i++)
        {
            if (!string.Equals(names[i], name, comparison))
            {
                continue;
            }

            if (found >= 0)
            {
                throw ambiguous(
                    string.Create(CultureInfo.InvariantCulture, $"columns {found + 1} ('{names[found]}') and {i + 1} ('{names[i]}') both match the name '{name}'{(comparison == StringComparison.Ordinal ? string.Empty : " (names are compared ignoring case)")}"),
                    "Rename one of the two columns so that the name is unique.");
            }

            found = i;
        }

        return found;
    }
}
