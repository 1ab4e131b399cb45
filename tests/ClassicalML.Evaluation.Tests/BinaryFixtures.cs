using System.Text.Json;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// Reads tests/reference/binary/cases.json, written by tests/reference/make_binary_fixtures.py
/// with scikit-learn 1.2.1. inf/nan are stored as the strings "inf", "-inf", "nan".
/// </summary>
internal static class BinaryFixtures
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Cases = new(() => Load("cases.json"));

    /// <summary>tests/reference/binary/weighted_cases.json, written by tests/reference/make_weighted_binary_fixtures.py.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> WeightedCases = new(() => Load("weighted_cases.json"));

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string name in Cases.Value.Keys)
            {
                data.Add(name);
            }

            return data;
        }
    }

    public static TheoryData<string> WeightedNames => [.. WeightedCases.Value.Keys];

    public static JsonElement Case(string name) => Cases.Value[name];

    public static JsonElement WeightedCase(string name) => WeightedCases.Value[name];

    public static double[] Weights(JsonElement c) => Doubles(c.GetProperty("weights"));

    public static bool[] Labels(JsonElement c) => [.. c.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32() == 1)];

    public static double[] Scores(JsonElement c) => Doubles(c.GetProperty("scores"));

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(Double)];

    public static double Double(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "nan" => double.NaN,
            var s => throw new FormatException($"unexpected number string '{s}' in fixture"),
        },
        _ => throw new FormatException($"expected a number, got {e.ValueKind}"),
    };

    public static double? NullableDouble(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : Double(e);

    /// <summary>|actual − expected| ≤ 1e-12 · max(1, |expected|); NaN matches NaN only.</summary>
    public static void AssertClose(double expected, double actual, string what, double tolerance = 1e-12)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected:R}, got {actual:R}");
            return;
        }

        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            Assert.True(expected == actual, $"{what}: expected {expected:R}, got {actual:R}");
            return;
        }

        double scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static void AssertAllClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}");
        for (int i = 0; i < expected.Count; i++)
        {
            AssertClose(expected[i], actual[i], $"{what}[{i}]");
        }
    }

    public static IReadOnlyDictionary<string, JsonElement> LoadCases(string file) => Load(file);

    private static IReadOnlyDictionary<string, JsonElement> Load(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "reference", "binary", file);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonElement c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            cases.Add(c.GetProperty("name").GetString()!, c.Clone());
        }

        return cases;
    }
}
