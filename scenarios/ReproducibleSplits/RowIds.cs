using System.Globalization;
using ClassicalML.Data;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Stable row ids for data sets without an id column.</summary>
internal static class RowIds
{
    /// <summary>
    /// Each row's raw CSV line (all field values and the label, exactly as in the file): an id that travels with the row
    /// when the file is reordered or extended. Identical rows get identical ids (see <see cref="DuplicateCount"/>).
    /// </summary>
    /// <remarks>The catalogue's files have no quoted fields and one record per line (data/README.md), so line = record.</remarks>
    public static string[] RawLines(Dataset data)
    {
        string path = data.FilePath ?? throw new ArgumentException($"data set '{data.Name}' has no file; raw-line ids need the CSV it was read from.", nameof(data));
        string[] lines = [.. File.ReadAllLines(path).Skip(1).Where(line => line.Length > 0)];
        if (lines.Length != data.RowCount)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{path} has {lines.Length} non-empty data lines but the data set has {data.RowCount} rows; raw-line ids need one record per line."));
        }

        return lines;
    }

    /// <summary>The number of rows whose id already occurred on an earlier row.</summary>
    public static int DuplicateCount(IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ids.Count(id => !seen.Add(id));
    }
}
