using System.Text.Json;

namespace ClassicalML.Data.Tests.Splits;

/// <summary>Loads the fixtures written by tests/reference/data-splits/generate.py.</summary>
internal static class Reference
{
    public static JsonElement Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "reference", "data-splits", name);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    public static int[] Ints(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt32())];
}
