using System.Globalization;
using System.Text.Json;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>One difference between a committed result and a rerun.</summary>
/// <param name="Scenario">The scenario's folder name (its id), or empty for files at the top of results/.</param>
/// <param name="Path">Where: a JSON path such as <c>$.claims[0].verdict</c>, or a file name.</param>
/// <param name="Committed">The committed value as JSON text, or <c>(missing)</c>.</param>
/// <param name="New">The rerun's value as JSON text, or <c>(missing)</c>.</param>
public sealed record ReportDifference(string Scenario, string Path, string Committed, string New)
{
    /// <summary>Formats as <c>scenario: path: committed X, new Y</c>.</summary>
    /// <returns>The line printed by <c>./run-all.sh --check</c>.</returns>
    public override string ToString() =>
        (Scenario.Length > 0 ? $"{Scenario}: " : string.Empty) + $"{Path}: committed {Committed}, new {New}";
}

/// <summary>Compares reports (report.json) and results folders structurally: numbers within a relative tolerance,
/// strings (verdicts included) exactly, same keys and array lengths.</summary>
/// <remarks>
/// Two numbers <c>a</c>, <c>b</c> are equal when <c>|a - b| &lt;= tolerance * max(|a|, |b|)</c> or
/// <c>|a - b| &lt;= 1e-12</c> (both tiny). PNG files are not compared byte by byte (only their names,
/// through each report's <c>figures</c>), because rendering may differ between machines. Wall-clock timings
/// (<c>timings.json</c>, <c>timings.md</c>) are never compared, and staging folders of runs in progress are skipped.
/// </remarks>
public static class ReportComparer
{
    /// <summary>The default relative tolerance.</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>The absolute difference below which two numbers are always equal.</summary>
    public const double AbsoluteFloor = 1e-12;

    /// <summary>Whether two numbers are equal under the tolerance.</summary>
    /// <param name="a">The first number.</param>
    /// <param name="b">The second number.</param>
    /// <param name="tolerance">The relative tolerance.</param>
    /// <returns>True when <c>|a - b| &lt;= tolerance * max(|a|, |b|)</c> or <c>|a - b| &lt;= 1e-12</c>.</returns>
    public static bool NumbersEqual(double a, double b, double tolerance)
    {
        double diff = Math.Abs(a - b);
        return diff <= AbsoluteFloor || diff <= tolerance * Math.Max(Math.Abs(a), Math.Abs(b));
    }

    /// <summary>Compares two JSON documents.</summary>
    /// <param name="committed">The committed report.</param>
    /// <param name="current">The rerun's report.</param>
    /// <param name="tolerance">The relative tolerance for numbers (0 or more).</param>
    /// <param name="scenario">The scenario name put in each difference.</param>
    /// <returns>The differences in document order; empty when equal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative or NaN.</exception>
    public static IReadOnlyList<ReportDifference> Compare(JsonElement committed, JsonElement current, double tolerance = DefaultTolerance, string scenario = "")
    {
        RequireTolerance(tolerance);
        var differences = new List<ReportDifference>();
        CompareElements(committed, current, "$", tolerance, scenario, differences);
        return differences;
    }

    /// <summary>Compares two JSON texts.</summary>
    /// <param name="committedJson">The committed report's text.</param>
    /// <param name="currentJson">The rerun's text.</param>
    /// <param name="tolerance">The relative tolerance for numbers.</param>
    /// <param name="scenario">The scenario name put in each difference.</param>
    /// <returns>The differences; empty when equal.</returns>
    /// <exception cref="JsonException">A text is not valid JSON.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative or NaN.</exception>
    public static IReadOnlyList<ReportDifference> Compare(string committedJson, string currentJson, double tolerance = DefaultTolerance, string scenario = "")
    {
        using var a = JsonDocument.Parse(committedJson);
        using var b = JsonDocument.Parse(currentJson);
        return Compare(a.RootElement, b.RootElement, tolerance, scenario);
    }

    /// <summary>Compares a committed results folder with a rerun: every scenario sub-folder's report.json,
    /// the presence of each listed figure, and the index README.md (line by line, exactly).</summary>
    /// <param name="committedDirectory">The committed results folder (e.g. <c>results/</c>).</param>
    /// <param name="newDirectory">The rerun's folder.</param>
    /// <param name="tolerance">The relative tolerance for numbers.</param>
    /// <returns>The differences; empty when the rerun matches.</returns>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative or NaN.</exception>
    public static IReadOnlyList<ReportDifference> CompareDirectories(string committedDirectory, string newDirectory, double tolerance = DefaultTolerance)
    {
        RequireTolerance(tolerance);
        foreach (var d in new[] { committedDirectory, newDirectory })
        {
            if (!Directory.Exists(d))
            {
                throw new DirectoryNotFoundException($"Folder '{d}' does not exist; pass an existing results folder.");
            }
        }

        var differences = new List<ReportDifference>();
        var names = ScenarioFolders(committedDirectory).Union(ScenarioFolders(newDirectory), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            string a = Path.Combine(committedDirectory, name, "report.json");
            string b = Path.Combine(newDirectory, name, "report.json");
            if (!File.Exists(a) || !File.Exists(b))
            {
                differences.Add(new ReportDifference(name, "report.json", Presence(a), Presence(b)));
                continue;
            }

            var found = Compare(File.ReadAllText(a), File.ReadAllText(b), tolerance, name);
            differences.AddRange(found);
            using var doc = JsonDocument.Parse(File.ReadAllText(b));
            if (doc.RootElement.TryGetProperty("figures", out var figures) && figures.ValueKind == JsonValueKind.Array)
            {
                foreach (var figure in figures.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!))
                {
                    string fa = Path.Combine(committedDirectory, name, figure);
                    string fb = Path.Combine(newDirectory, name, figure);
                    if (!File.Exists(fa) || !File.Exists(fb))
                    {
                        differences.Add(new ReportDifference(name, figure, Presence(fa), Presence(fb)));
                    }
                }
            }
        }

        CompareText(Path.Combine(committedDirectory, "README.md"), Path.Combine(newDirectory, "README.md"), "README.md", differences);
        return differences;
    }

    private static IEnumerable<string> ScenarioFolders(string directory) =>
        Directory.EnumerateDirectories(directory)
            .Where(d => File.Exists(Path.Combine(d, "report.json")) && !StagedFolder.IsTransient(Path.GetFileName(d)))
            .Select(d => Path.GetFileName(d));

    private static string Presence(string path) => File.Exists(path) ? "(present)" : "(missing)";

    private static void CompareText(string a, string b, string name, List<ReportDifference> differences)
    {
        if (!File.Exists(a) || !File.Exists(b))
        {
            if (File.Exists(a) != File.Exists(b))
            {
                differences.Add(new ReportDifference(string.Empty, name, Presence(a), Presence(b)));
            }

            return;
        }

        string[] la = File.ReadAllText(a).Split('\n');
        string[] lb = File.ReadAllText(b).Split('\n');
        for (int i = 0; i < Math.Max(la.Length, lb.Length); i++)
        {
            string? x = i < la.Length ? la[i] : null;
            string? y = i < lb.Length ? lb[i] : null;
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                differences.Add(new ReportDifference(string.Empty, $"{name} line {(i + 1).ToString(CultureInfo.InvariantCulture)}", Quote(x), Quote(y)));
                return; // the first differing line is enough to locate an index change
            }
        }
    }

    private static string Quote(string? line) => line is null ? "(missing)" : JsonSerializer.Serialize(line);

    private static void RequireTolerance(double tolerance)
    {
        Preconditions.CheckNonNegative(tolerance, nameof(tolerance), "Pass a relative tolerance such as 1e-6.");
    }

    private static void CompareElements(JsonElement a, JsonElement b, string path, double tolerance, string scenario, List<ReportDifference> differences)
    {
        if (a.ValueKind != b.ValueKind && !(IsBool(a) && IsBool(b)))
        {
            differences.Add(new ReportDifference(scenario, path, Raw(a), Raw(b)));
            return;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var keysB = b.EnumerateObject().Select(p => p.Name).ToList();
                foreach (var property in a.EnumerateObject())
                {
                    string child = Child(path, property.Name);
                    if (b.TryGetProperty(property.Name, out var other))
                    {
                        CompareElements(property.Value, other, child, tolerance, scenario, differences);
                    }
                    else
                    {
                        differences.Add(new ReportDifference(scenario, child, Raw(property.Value), "(missing)"));
                    }
                }

                foreach (var extra in keysB.Where(k => !a.TryGetProperty(k, out _)))
                {
                    differences.Add(new ReportDifference(scenario, Child(path, extra), "(missing)", Raw(b.GetProperty(extra))));
                }

                break;
            case JsonValueKind.Array:
                int na = a.GetArrayLength();
                int nb = b.GetArrayLength();
                if (na != nb)
                {
                    differences.Add(new ReportDifference(scenario, path + ".length",
                        na.ToString(CultureInfo.InvariantCulture), nb.ToString(CultureInfo.InvariantCulture)));
                }

                for (int i = 0; i < Math.Min(na, nb); i++)
                {
                    CompareElements(a[i], b[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", tolerance, scenario, differences);
                }

                break;
            case JsonValueKind.Number:
                if (!NumbersEqual(a.GetDouble(), b.GetDouble(), tolerance))
                {
                    differences.Add(new ReportDifference(scenario, path, Raw(a), Raw(b)));
                }

                break;
            default:
                // Strings, booleans and null compare exactly.
                if (!string.Equals(Raw(a), Raw(b), StringComparison.Ordinal))
                {
                    differences.Add(new ReportDifference(scenario, path, Raw(a), Raw(b)));
                }

                break;
        }
    }

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Raw(JsonElement e)
    {
        string text = e.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? JsonSerializer.Serialize(e)
            : e.GetRawText();
        return text.Length > 200 ? text[..197] + "..." : text;
    }

    private static string Child(string path, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && !char.IsAsciiDigit(key[0])
            ? $"{path}.{key}"
            : $"{path}[{JsonSerializer.Serialize(key)}]";
}
