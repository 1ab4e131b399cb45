namespace ClassicalML.Data.Tests;

/// <summary>A trivial reader for the shipped files (no quotes in them), independent of the library's parser.</summary>
internal static class RawCsv
{
    public static string DataFolder => Datasets.ResolveRoot();

    public static (string[] Header, string[][] Rows) Read(string fileName)
    {
        var lines = File.ReadAllLines(Path.Combine(DataFolder, fileName));
        return (lines[0].Split(','), lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray());
    }

    public static Dictionary<string, int> ClassCounts(string fileName, string labelColumn)
    {
        var (header, rows) = Read(fileName);
        var index = Array.IndexOf(header, labelColumn);
        return rows.GroupBy(r => r[index]).ToDictionary(g => g.Key, g => g.Count());
    }
}
