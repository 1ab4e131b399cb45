using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>
/// Judges a claim whose parts must all be true ("L1 keeps the informative features <em>and</em> drops the noise"),
/// each part an effect with its interval judged by its own <see cref="EffectCriterion"/> (its own thresholds). The
/// claim takes its weakest part's verdict: holds if every part holds, partly holds if every part at least partly
/// holds, does not hold if some part does not hold.
/// </summary>
/// <remarks>A part whose interval straddles a boundary can take only the verdicts its interval reaches (e.g. holds or
/// partly holds); the claim is computed with every part at its lowest and at its highest reachable verdict and is
/// <see cref="Verdict.Inconclusive"/> unless both agree, so an undecided part that cannot move the weakest verdict does
/// not make the claim undecided. The evidence gives every part's evidence, with the replicates an undecided one needs.
/// Unlike <see cref="CasesCriterion{TCase}"/> (cases that disagree: partly holds) one failing part fails the claim.</remarks>
public sealed class AllPartsCriterion : Criterion<IReadOnlyList<MeasuredEffect>>
{
    private readonly IReadOnlyList<(string Part, EffectCriterion Criterion)> _parts;

    /// <summary>Creates the criterion.</summary>
    /// <param name="parts">The parts in order, each named (e.g. "keeps the informative features") with its criterion.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or a part's criterion is null.</exception>
    /// <exception cref="ArgumentException">There is no part, or a part's name is empty.</exception>
    public AllPartsCriterion(IReadOnlyList<(string Part, EffectCriterion Criterion)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Preconditions.CheckNotEmpty(parts.Count, nameof(parts), "Pass at least one (name, criterion) part.");
        foreach (var (part, criterion) in parts)
        {
            Preconditions.CheckNotBlank(part, nameof(parts), CriterionChecks.Fix);
            ArgumentNullException.ThrowIfNull(criterion, nameof(parts));
        }

        _parts = [.. parts];
    }

    /// <inheritdoc/>
    public override string Description =>
        "every part must hold: " + string.Join("; ", _parts.Select(p => $"{p.Part}: {p.Criterion.Description}"))
        + ". The claim takes its weakest part's verdict: holds if every part holds; partly holds if every part at least partly holds; "
        + "does not hold if some part does not hold; inconclusive while an undecided part could still change that";

    /// <inheritdoc/>
    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<MeasuredEffect> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Count != _parts.Count)
        {
            throw new ArgumentException(
                $"input has {input.Count} effects but the criterion has {_parts.Count} parts; pass one effect per part, in the parts' order.", nameof(input));
        }

        var judged = _parts.Select((p, i) => (p.Part, Judgement: p.Criterion.Evaluate(input[i]), Range: p.Criterion.Reachable(input[i].Effect))).ToList();
        var (verdict, _, _) = CaseVerdicts.Combine([.. judged.Select(j => j.Range)], holdsShare: 1, partlyShare: 1);
        return (verdict, string.Join("; ", judged.Select(j => $"{j.Part}: {j.Judgement.Verdict.ToText()} ({j.Judgement.Evidence})")));
    }
}
