using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>One measured effect for one case (data set, number of folds, slope, ...), with the number of replicates
/// its interval rests on.</summary>
/// <param name="Case">The case, e.g. "satellite-200, 10 folds".</param>
/// <param name="Value">The effect with its 95% interval.</param>
/// <param name="Replicates">How many replicates (repetitions, seeds, rows) the interval rests on.</param>
internal readonly record struct CaseEffect(string Case, Estimate Value, int Replicates);

/// <summary>
/// Judges one effect measured in several cases: each case by <see cref="EffectCriterion"/> (holds beyond
/// <c>holdsAt</c>, partly between the thresholds, does not hold short of <c>partlyAt</c>, inconclusive when the
/// interval straddles a threshold), then the claim: holds if every case holds, does not hold if no case gets beyond
/// <c>partlyAt</c>, partly holds if the cases disagree or one partly holds; inconclusive when an undecided case
/// could still change that verdict.
/// </summary>
/// <remarks>An inconclusive case is resolved every way its interval allows; the claim is decided only when every
/// resolution gives the same verdict. So one undecided case among clearly disagreeing ones still gives "partly holds".</remarks>
internal sealed class CasesCriterion : Criterion<IReadOnlyList<CaseEffect>>
{
    private readonly EffectCriterion _each;
    private readonly Direction _direction;
    private readonly double _holdsAt;
    private readonly double _partlyAt;

    public CasesCriterion(string quantity, Direction direction, double holdsAt, double partlyAt, string interval, string replicates)
    {
        _each = new EffectCriterion(quantity, direction, holdsAt, partlyAt, interval, replicates);
        _direction = direction;
        _holdsAt = holdsAt;
        _partlyAt = partlyAt;
    }

    public override string Description =>
        $"each case: {_each.Description}. The claim holds if every case holds; does not hold if every case does not hold; "
        + "partly holds if the cases disagree or a case partly holds; inconclusive if an undecided case could still change the verdict";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<CaseEffect> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Count == 0)
        {
            throw new ArgumentException("input has no case; measure at least one case before judging.", nameof(input));
        }

        var judged = input.Select(c => (c.Case, Judgement: _each.Evaluate(c.Value, c.Replicates), Possible: Possible(c.Value))).ToList();
        bool allHold = judged.All(j => j.Possible.Contains(Verdict.Holds));
        bool allFail = judged.All(j => j.Possible.Contains(Verdict.DoesNotHold));
        bool mixed = judged.Any(j => j.Possible.Contains(Verdict.PartlyHolds))
            || Enumerable.Range(0, judged.Count).Any(a => judged[a].Possible.Contains(Verdict.Holds)
                && Enumerable.Range(0, judged.Count).Any(b => b != a && judged[b].Possible.Contains(Verdict.DoesNotHold)));
        int possible = (allHold ? 1 : 0) + (allFail ? 1 : 0) + (mixed ? 1 : 0);
        Verdict verdict = possible > 1 ? Verdict.Inconclusive
            : allHold ? Verdict.Holds
            : allFail ? Verdict.DoesNotHold
            : Verdict.PartlyHolds;
        string Count(Verdict v) => $"{judged.Count(j => j.Judgement.Verdict == v)} {v.ToText()}";
        string evidence = string.Join("; ", judged.Select(j => $"{j.Case}: {j.Judgement.Evidence} ({j.Judgement.Verdict.ToText()})"))
            + $" [{input.Count} cases: {Count(Verdict.Holds)}, {Count(Verdict.PartlyHolds)}, {Count(Verdict.DoesNotHold)}, {Count(Verdict.Inconclusive)}]";
        return (verdict, evidence);
    }

    /// <summary>The verdicts an interval allows: those whose region (beyond holdsAt; between the thresholds; short of
    /// partlyAt) it reaches, by the same strict and non-strict bounds as <see cref="EffectCriterion"/>.</summary>
    private HashSet<Verdict> Possible(Estimate e)
    {
        if (e.IsUndefined)
        {
            return [Verdict.Holds, Verdict.PartlyHolds, Verdict.DoesNotHold];
        }

        double Beyond(double x, double boundary) => _direction == Direction.Greater ? x - boundary : boundary - x;
        double near = _direction == Direction.Greater ? e.Lower : e.Upper;
        double far = _direction == Direction.Greater ? e.Upper : e.Lower;
        var possible = new HashSet<Verdict>();
        if (Beyond(far, _holdsAt) > 0)
        {
            possible.Add(Verdict.Holds);
        }

        if (_holdsAt != _partlyAt && Beyond(far, _partlyAt) > 0 && Beyond(near, _holdsAt) <= 0)
        {
            possible.Add(Verdict.PartlyHolds);
        }

        if (Beyond(near, _partlyAt) <= 0)
        {
            possible.Add(Verdict.DoesNotHold);
        }

        return possible;
    }
}
