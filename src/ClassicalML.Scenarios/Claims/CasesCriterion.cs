using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>
/// Judges one claim over several cases (data sets, models, cardinalities) with one per-case criterion, and combines
/// the case verdicts into one: the claim holds if it holds in every case, does not hold if it does not hold in any,
/// and partly holds when the cases disagree. Undecided (inconclusive) cases keep the claim inconclusive only while
/// they could still change the combined verdict.
/// </summary>
/// <typeparam name="TCase">What the per-case criterion reads, e.g. <see cref="MeasuredEffect"/>.</typeparam>
/// <remarks>
/// The rule is <see cref="EffectCasesCriterion"/>'s with <c>holdsShare = 1</c> and <c>partlyShare = 0</c> (one rule,
/// <c>CaseVerdicts</c>), for any per-case criterion: an undecided case could take any verdict. So with the decided
/// cases D (those not inconclusive): if every case is decided, holds when all hold, does not hold when none holds or
/// partly holds, partly holds otherwise. With undecided cases: partly holds when D already contains a partly-holds
/// case, or both a holding and a failing case (no resolution of the others can change that); inconclusive otherwise,
/// and the evidence shows each undecided case's own evidence (e.g. the replicates it needs).
/// </remarks>
public sealed class CasesCriterion<TCase> : Criterion<IReadOnlyList<(string Case, TCase Input)>>
{
    private readonly Criterion<TCase> _perCase;
    private readonly string _cases;

    /// <summary>Creates the criterion.</summary>
    /// <param name="perCase">The criterion each case is judged by.</param>
    /// <param name="cases">What a case is, plural, e.g. "data sets".</param>
    /// <exception cref="ArgumentNullException"><paramref name="perCase"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="cases"/> is empty.</exception>
    public CasesCriterion(Criterion<TCase> perCase, string cases)
    {
        ArgumentNullException.ThrowIfNull(perCase);
        Preconditions.CheckNotBlank(cases, nameof(cases), CriterionChecks.Fix);
        _perCase = perCase;
        _cases = cases;
    }

    /// <inheritdoc/>
    public override string Description =>
        $"in each of the {_cases}: {_perCase.Description}. Over the {_cases}: holds if it holds in every one; does not hold if it does not hold in every one; "
        + "partly holds if they disagree; inconclusive while undecided ones could still change that";

    /// <inheritdoc/>
    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<(string Case, TCase Input)> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Count == 0)
        {
            throw new ArgumentException($"input has no case; a claim over {_cases} needs at least one. Pass one (name, measurement) per case.", nameof(input));
        }

        var judged = input.Select(c => (c.Case, Judgement: _perCase.Evaluate(c.Input))).ToList();
        string evidence = string.Join("; ", judged.Select(j => $"{j.Case}: {j.Judgement.Verdict.ToText()} ({j.Judgement.Evidence})"));
        var (verdict, _, _) = CaseVerdicts.Combine([.. judged.Select(j => CaseVerdicts.Range(j.Judgement.Verdict))], holdsShare: 1, partlyShare: 0);
        return (verdict, evidence);
    }
}
