using System.Text.RegularExpressions;

namespace ClassicalML.Scenarios.Tests;

/// <summary>Repository-wide rules every scenario project follows, read from the source tree.</summary>
public partial class ScenarioConventionsTests
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

    public static TheoryData<string> ScenarioNames()
    {
        var data = new TheoryData<string>();
        foreach (var d in Directory.GetDirectories(Path.Combine(Root(), "scenarios")).Order(StringComparer.Ordinal))
        {
            if (Directory.GetFiles(d, "*.csproj").Length > 0)
            {
                data.Add(Path.GetFileName(d));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void EveryScenario_HasTestsWithAReachabilitySuite(string name)
    {
        string tests = Path.Combine(Root(), "tests", "Scenarios", name + ".Tests");
        Assert.True(Directory.Exists(tests), $"scenarios/{name} has no test project tests/Scenarios/{name}.Tests; add one.");
        bool suite = Directory.GetFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Any(f => File.ReadAllText(f).Contains($": ReachabilitySuite<", StringComparison.Ordinal));
        Assert.True(suite, $"tests/Scenarios/{name}.Tests has no ReachabilitySuite<TScenario>; add one that reaches every verdict of every claim.");
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void EveryScenario_HasAReadmeAndASecondImplementation(string name)
    {
        string dir = Path.Combine(Root(), "scenarios", name);
        Assert.True(File.Exists(Path.Combine(dir, "README.md")), $"scenarios/{name} has no README.md.");
        Assert.True(File.Exists(Path.Combine(dir, "replicate.py")), $"scenarios/{name} has no replicate.py (the scikit-learn replication of its main effects).");
        Assert.True(File.Exists(Path.Combine(dir, "replication.json")), $"scenarios/{name} has no replication.json; run its replicate.py and commit the output.");
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void EveryScenario_UsesOneNamespaceScheme(string name)
    {
        string ns = $"ClassicalML.Scenarios.{name}";
        string dir = Path.Combine(Root(), "scenarios", name);
        Assert.Contains($"<RootNamespace>{ns}</RootNamespace>", File.ReadAllText(Path.Combine(dir, name + ".csproj")), StringComparison.Ordinal);
        Assert.Equal($"return ClassicalML.Scenarios.ScenarioHost.Run(new {ns}.{name}Scenario(), args);", File.ReadAllText(Path.Combine(dir, "Program.cs")).Trim());
        foreach (var file in Sources(dir).Where(f => Path.GetFileName(f) != "Program.cs"))
        {
            Assert.True(Namespaces(file).SequenceEqual([ns]), $"{Relative(file)} declares namespace {string.Join(", ", Namespaces(file))}; every file of scenarios/{name} declares 'namespace {ns};'.");
        }

        foreach (var file in Sources(Path.Combine(Root(), "tests", "Scenarios", name + ".Tests")))
        {
            Assert.True(Namespaces(file).SequenceEqual([ns + ".Tests"]), $"{Relative(file)} declares namespace {string.Join(", ", Namespaces(file))}; the tests of scenarios/{name} declare 'namespace {ns}.Tests;'.");
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void EveryScenario_IsPublicOnlyWhereTheHostNeedsIt(string name)
    {
        var files = Sources(Path.Combine(Root(), "scenarios", name)).ToList();
        // The host sees the scenario, its settings and the types of the settings' properties; the tests see the rest
        // through InternalsVisibleTo.
        string settings = string.Join("\n", files.Select(File.ReadAllText).Where(t => t.Contains(": ScenarioSettings", StringComparison.Ordinal))
            .SelectMany(t => t.Split('\n')).Where(l => l.TrimStart().StartsWith("public ", StringComparison.Ordinal) && l.Contains("{ get; init; }", StringComparison.Ordinal)));
        foreach (var file in files)
        {
            foreach (Match m in PublicType().Matches(File.ReadAllText(file)))
            {
                string type = m.Groups["name"].Value;
                bool needed = m.Value.Contains(": Scenario<", StringComparison.Ordinal) || m.Value.Contains(": ScenarioSettings", StringComparison.Ordinal)
                    || Regex.IsMatch(settings, $@"\b{type}\b");
                Assert.True(needed, $"{Relative(file)} declares public {type}, which the host does not need; make it internal (the tests see it through InternalsVisibleTo).");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void EveryScenario_NamesPrivateInstanceFieldsWithAnUnderscore(string name)
    {
        foreach (var file in Sources(Path.Combine(Root(), "scenarios", name)))
        {
            foreach (Match m in PrivateInstanceField().Matches(File.ReadAllText(file)))
            {
                string field = m.Groups["name"].Value;
                Assert.True(field.StartsWith('_'), $"{Relative(file)} has the private field '{field}'; private instance fields are named _camelCase (static ones and constants PascalCase).");
            }

            foreach (Match m in PrivateStaticField().Matches(File.ReadAllText(file)))
            {
                string field = m.Groups["name"].Value;
                Assert.True(char.IsUpper(field[0]), $"{Relative(file)} has the private static field '{field}'; static fields and constants are named PascalCase.");
            }
        }
    }

    private static IEnumerable<string> Sources(string dir) =>
        Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static List<string> Namespaces(string file) =>
        [.. Regex.Matches(File.ReadAllText(file), @"^namespace\s+([\w.]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value)];

    private static string Relative(string file) => Path.GetRelativePath(Root(), file).Replace('\\', '/');

    [GeneratedRegex(@"^public (?:(?:sealed|static|abstract|readonly|partial) )*(?:class|record struct|record|struct|enum|interface) (?<name>\w+)[^\n]*", RegexOptions.Multiline)]
    private static partial Regex PublicType();

    [GeneratedRegex(@"^\s+private (?:readonly )?(?!static|const)[\w<>\[\],?. ]+? (?<name>[A-Za-z_]\w*)\s*(?:=[^>][^;]*)?;", RegexOptions.Multiline)]
    private static partial Regex PrivateInstanceField();

    [GeneratedRegex(@"^\s+private (?:static readonly|const) [\w<>\[\],?. ]+? (?<name>[A-Za-z_]\w*)\s*=", RegexOptions.Multiline)]
    private static partial Regex PrivateStaticField();
}
