using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ClassicalML.Scenarios.Tests;

/// <summary>Every project reference in the repository is one ARCHITECTURE.md allows.</summary>
public partial class ArchitectureTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClassicalML.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ClassicalML.sln not found above the test folder.");
    }

    /// <summary>The rows of ARCHITECTURE.md's reference table: a folder pattern and the projects it may reference.</summary>
    internal static List<(string Pattern, string[] Allowed)> Rules(string markdown)
    {
        int begin = markdown.IndexOf("<!-- references:begin -->", StringComparison.Ordinal);
        int end = markdown.IndexOf("<!-- references:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "ARCHITECTURE.md has no <!-- references:begin --> ... <!-- references:end --> table.");
        var rules = new List<(string, string[])>();
        foreach (Match row in TableRow().Matches(markdown[begin..end]))
        {
            string[] allowed = row.Groups[2].Value.Trim() == "nothing"
                ? []
                : [.. row.Groups[2].Value.Split(',').Select(a => a.Trim().Trim('`'))];
            rules.Add((row.Groups[1].Value, allowed));
        }

        return rules;
    }

    /// <summary>The most specific rule whose pattern matches the folder (<c>*</c> is one folder name), or null.</summary>
    internal static (string Pattern, string[] Allowed)? RuleFor(string folder, List<(string Pattern, string[] Allowed)> rules) =>
        rules.Where(r => Regex.IsMatch(folder, "^" + Regex.Escape(r.Pattern).Replace("\\*", "[^/]+", StringComparison.Ordinal) + "$"))
            .OrderByDescending(r => r.Pattern.Count(c => c != '*'))
            .Cast<(string, string[])?>()
            .FirstOrDefault();

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Root(), "*.csproj", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(Root(), f).Replace('\\', '/'))
                     .Where(f => !f.Split('/').Any(p => p is "bin" or "obj" || p.StartsWith('.')))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectReferences_AreAllowedByArchitectureMd(string project)
    {
        var rules = Rules(File.ReadAllText(Path.Combine(Root(), "ARCHITECTURE.md")));
        string folder = Path.GetDirectoryName(project)!.Replace('\\', '/');
        var rule = RuleFor(folder, rules);
        Assert.True(rule is not null, $"{project} is not in ARCHITECTURE.md's table of allowed references; add a row for {folder}.");

        string tested = Path.GetFileName(folder).EndsWith(".Tests", StringComparison.Ordinal) ? Path.GetFileName(folder)[..^".Tests".Length] : "";
        var allowed = rule.Value.Allowed.Select(a => a == "{tested}" ? tested : a).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in References(Path.Combine(Root(), project)))
        {
            Assert.True(
                allowed.Contains(reference),
                $"{project} references {reference}, which ARCHITECTURE.md does not allow for {rule.Value.Pattern} (allowed: {(allowed.Count == 0 ? "nothing" : string.Join(", ", allowed))}). Remove the reference, or change the architecture and its document together.");
        }
    }

    [Fact]
    public void RuleFor_ForbiddenEdge_IsRejected()
    {
        // The check can fail: Evaluation may reference nothing, so Evaluation -> Data is refused.
        var rules = Rules(File.ReadAllText(Path.Combine(Root(), "ARCHITECTURE.md")));

        var evaluation = RuleFor("src/ClassicalML.Evaluation", rules);
        Assert.NotNull(evaluation);
        Assert.DoesNotContain("ClassicalML.Data", evaluation.Value.Allowed);
        Assert.Null(RuleFor("src/ClassicalML.Unknown", rules));
        Assert.Equal("tests/Scenarios/*", RuleFor("tests/Scenarios/L1VsL2.Tests", rules)!.Value.Pattern);
    }

    private static IEnumerable<string> References(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')));

    [GeneratedRegex(@"^\| `([^`]+)` \| (.+?) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
