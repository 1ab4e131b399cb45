using System.Reflection;

namespace ClassicalML.Scenarios.Testing;

/// <summary>Constructed evidence for one claim and the verdict its criterion must give on it.</summary>
/// <param name="Claim">The claim (one of the scenario's <c>Claims</c>).</param>
/// <param name="Expected">The verdict the criterion must reach on this evidence.</param>
/// <param name="Label">What the evidence is, e.g. "every interval below 1".</param>
/// <param name="Judge">Runs the scenario's judging step on the constructed measurements and returns every judged claim.</param>
public sealed record ReachabilityCase(Claim Claim, Verdict Expected, string Label, Func<IReadOnlyList<ClaimResult>> Judge)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Claim.Id} -> {Expected.ToText()} ({Label})";
}

/// <summary>A verdict a claim cannot reach by its nature (e.g. a correction of a factual error cannot "hold"), with
/// the words of the criterion that say so.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Verdict">The verdict that cannot occur.</param>
/// <param name="StatedAs">A phrase the claim's criterion text contains that says why, e.g. "cannot hold".</param>
public sealed record ImpossibleVerdict(Claim Claim, Verdict Verdict, string StatedAs);

/// <summary>
/// Every claim of a scenario reaches each of <c>holds</c>, <c>partly holds</c> and <c>does not hold</c> on
/// constructed evidence (or its criterion says why one is impossible). Derive one class per scenario in its test
/// project; <see cref="ScenarioCoverageTests"/> fails when a scenario has none.
/// </summary>
/// <typeparam name="TScenario">The scenario.</typeparam>
public abstract class ReachabilitySuite<TScenario>
    where TScenario : IScenario, new()
{
    private static readonly Verdict[] Required = [Verdict.Holds, Verdict.PartlyHolds, Verdict.DoesNotHold];

    /// <summary>The constructed evidence, at least one case per claim and required verdict.</summary>
    /// <returns>The cases.</returns>
    protected abstract IEnumerable<ReachabilityCase> Cases();

    /// <summary>Verdicts that cannot occur for a claim, with the criterion's words saying so.</summary>
    /// <returns>None unless overridden.</returns>
    protected virtual IEnumerable<ImpossibleVerdict> Impossible() => [];

    [Fact]
    public void EveryCase_GivesItsExpectedVerdict()
    {
        var failures = new List<string>();
        foreach (var c in Cases())
        {
            var result = c.Judge().SingleOrDefault(r => r.Claim == c.Claim);
            if (result is null)
            {
                failures.Add($"{c}: the judging step did not judge the claim");
            }
            else if (result.Verdict != c.Expected)
            {
                failures.Add($"{c}: got {result.Verdict.ToText()} ({result.Judgement.Evidence})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryClaim_ReachesEachVerdict()
    {
        var scenario = new TScenario();
        var cases = Cases().ToList();
        var impossible = Impossible().ToList();
        var missing = new List<string>();
        foreach (var claim in scenario.Claims)
        {
            foreach (var verdict in Required)
            {
                bool covered = cases.Any(c => c.Claim == claim && c.Expected == verdict);
                bool excused = impossible.Any(i => i.Claim == claim && i.Verdict == verdict);
                if (!covered && !excused)
                {
                    missing.Add($"{scenario.Id}/{claim.Id}: no case reaches '{verdict.ToText()}'");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void ImpossibleVerdicts_AreStatedInTheCriterion()
    {
        var cases = Cases().ToList();
        foreach (var i in Impossible())
        {
            var c = cases.FirstOrDefault(x => x.Claim == i.Claim);
            Assert.True(c is not null, $"{i.Claim.Id}: an impossible verdict needs at least one case that shows the criterion's text");
            string criterion = c!.Judge().Single(r => r.Claim == i.Claim).Judgement.Criterion;
            Assert.Contains(i.StatedAs, criterion, StringComparison.Ordinal);
            Assert.DoesNotContain(cases, x => x.Claim == i.Claim && x.Expected == i.Verdict);
        }
    }
}

/// <summary>Checks, for every scenario this test project references, that a reachability suite exists and that the
/// question and the quoted claims are the interview list's words.</summary>
public sealed class ScenarioCoverageTests
{
    private static IReadOnlyList<IScenario> Scenarios()
    {
        var test = typeof(ScenarioCoverageTests).Assembly;
        return [.. test.GetReferencedAssemblies()
            .Select(Assembly.Load)
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IScenario).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IScenario)Activator.CreateInstance(t)!)];
    }

    [Fact]
    public void TestProject_ReferencesAScenario() => Assert.NotEmpty(Scenarios());

    [Fact]
    public void EveryScenario_HasAReachabilitySuite()
    {
        var suites = typeof(ScenarioCoverageTests).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ReachabilitySuite<>))
            .Select(t => t.BaseType!.GetGenericArguments()[0])
            .ToHashSet();
        foreach (var scenario in Scenarios())
        {
            Assert.True(suites.Contains(scenario.GetType()),
                $"Scenario '{scenario.Id}' has no ReachabilitySuite<{scenario.GetType().Name}> in {typeof(ScenarioCoverageTests).Assembly.GetName().Name}; add one that reaches every verdict of every claim.");
        }
    }

    [Fact]
    public void EveryQuestion_IsTheListsWording()
    {
        foreach (var scenario in Scenarios())
        {
            foreach (var question in new[] { scenario.Question }.Concat(scenario.Question.Also))
            {
                InterviewList.AssertVerbatim(scenario.Id, question);
            }
        }
    }

    [Fact]
    public void EveryQuote_IsInTheList()
    {
        foreach (var scenario in Scenarios())
        {
            var quoted = scenario.Claims.Where(c => c.Quote is not null).ToList();
            Assert.True(quoted.Count > 0, $"Scenario '{scenario.Id}' quotes none of the answer's claims; give each claim from the answer its Quote.");
            foreach (var claim in quoted)
            {
                Assert.True(InterviewList.ContainsQuote(claim.Quote!),
                    $"Scenario '{scenario.Id}', claim '{claim.Id}': the quote is not verbatim in the interview list: \"{claim.Quote}\"");
            }
        }
    }
}

/// <summary>The committed copy of the interview list (<c>interview-list/questions.txt</c>) and the published wording
/// of its lost question lines (<c>interview-list/reconstructed.txt</c>).</summary>
internal static class InterviewList
{
    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "interview-list", "questions.txt")));

    private static readonly Lazy<string[]> Reconstructed = new(() =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "interview-list", "reconstructed.txt")).Where(l => !l.StartsWith('#'))]);

    /// <summary>The question text of list line "N) text [src]", without the number and the source mark.</summary>
    private static string? Find(IEnumerable<string> lines, int number)
    {
        string prefix = number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ") ";
        var line = lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        string text = line[prefix.Length..];
        return text.EndsWith(" [src]", StringComparison.Ordinal) ? text[..^" [src]".Length] : text;
    }

    public static void AssertVerbatim(string scenarioId, Question question)
    {
        string? listed = Find(Lines.Value, question.Number);
        if (question.Reconstructed)
        {
            Assert.True(listed is null, $"Scenario '{scenarioId}': question {question.Number} is marked reconstructed but the list has it: \"{listed}\"");
            Assert.Equal(Find(Reconstructed.Value, question.Number), question.Text);
        }
        else
        {
            Assert.True(listed is not null, $"Scenario '{scenarioId}': question {question.Number} is not in the list; mark it Reconstructed and add its published wording to reconstructed.txt.");
            Assert.Equal(listed, question.Text);
        }
    }

    public static bool ContainsQuote(string quote) => quote.Length > 0 && Lines.Value.Any(l => l.Contains(quote, StringComparison.Ordinal));
}
