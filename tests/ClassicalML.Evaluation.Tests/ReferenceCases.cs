using System.Text.Json;

namespace ClassicalML.Evaluation.Tests;

/// <summary>The reference fixtures written by tests/reference/make_*: a JSON object whose "cases" array names each case.</summary>
internal static class ReferenceCases
{
    /// <summary>The cases of tests/reference/{folder}/{file}, keyed by their "name".</summary>
    public static Dictionary<string, JsonElement> Load(string folder, string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "reference", folder, file);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
    }

    /// <summary>
    /// <c>c[key]</c> against <paramref name="actual"/>: a p-value (key <c>p_value</c> or <c>*_p</c>) below 1e-3 relatively (1e-96 must keep its digits),
    /// anything else as <see cref="BinaryFixtures.AssertClose"/> does.
    /// </summary>
    public static void AssertClose(JsonElement c, string key, double actual, string what, double tolerance)
    {
        var expected = BinaryFixtures.Double(c.GetProperty(key));
        if ((key.EndsWith("_p", StringComparison.Ordinal) || key == "p_value") && expected > 0 && expected < 1e-3)
        {
            Assert.True(Math.Abs(actual - expected) <= tolerance * expected, $"{what} {key}: expected {expected:R}, got {actual:R} (relative)");
            return;
        }

        BinaryFixtures.AssertClose(expected, actual, $"{what} {key}", tolerance);
    }
}
