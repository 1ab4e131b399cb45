using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>
/// Judges one effect measured in several cases: each case by <see cref="EffectCriterion"/> (holds beyond
/// <c>holdsAt</c>, partly between the thresholds, does not hold short of <c>partlyAt</c>, inconclusive when the
/// interval straddles a threshold), then the claim: holds if every case holds, does not hold if no case gets beyond
/// <c>partlyAt</c>, partly holds if the cases disagree or one partly holds; inconclusive when an undecided case
/// could still change that verdict.
/// </summary>
/// <remarks>The verdict is the host's <see cref="EffectCasesCriterion"/> with <c>holdsShare = 1</c> and
/// <c>partlyShare = 0</c> (every case at its lowest and at its highest reachable verdict; decided when both agree), so
/// one undecided case among clearly disagreeing ones still gives "partly holds". This class only keeps the scenario's
/// wording of the rule and of the evidence (each case with its verdict, then the counts), which its reports quote.</remarks>
internal sealed class CasesCriterion : Criterion<IReadOnlyList<EffectCase>>
{
    private readonly EffectCriterion _each;
    private readonly EffectCasesCriterion _rule;

    public CasesCriterion(string quantity, Direction direction, double holdsAt, double partlyAt, string interval, string replicates)
    {
        _each = new EffectCriterion(quantity, direction, holdsAt, partlyAt, interval, replicates);
        _rule = new EffectCasesCriterion(quantity, direction, holdsAt, partlyAt, "cases", holdsShare: 1, partlyShare: 0, interval, replicates);
    }

    public override string Description =>
        $"each case: {_each.Description}. The claim holds if every case holds; does not hold if every case does not hold; "
        + "partly holds if the cases disagree or a case partly holds; inconclusive if an undecided case could still change the verdict";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<EffectCase> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Count == 0)
        {
            throw new ArgumentException("input has no case; measure at least one case before judging.", nameof(input));
        }

        Verdict verdict = _rule.Evaluate(input).Verdict;
        var judged = input.Select(c => (Case: c.Label, Judgement: _each.Evaluate(c.Effect, c.Replicates))).ToList();
        string Count(Verdict v) => $"{judged.Count(j => j.Judgement.Verdict == v)} {v.ToText()}";
        string evidence = string.Join("; ", judged.Select(j => $"{j.Case}: {j.Judgement.Evidence} ({j.Judgement.Verdict.ToText()})"))
            + $" [{input.Count} cases: {Count(Verdict.Holds)}, {Count(Verdict.PartlyHolds)}, {Count(Verdict.DoesNotHold)}, {Count(Verdict.Inconclusive)}]";
        return (verdict, evidence);
    }
}
