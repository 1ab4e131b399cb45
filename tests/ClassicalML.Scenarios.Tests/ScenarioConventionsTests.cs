namespace ClassicalML.Scenarios.Tests;

/// <summary>Repository-wide rules every scenario project follows, read from the source tree.</summary>
public class ScenarioConventionsTests
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
}
