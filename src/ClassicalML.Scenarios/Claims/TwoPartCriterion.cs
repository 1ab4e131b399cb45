namespace ClassicalML.Scenarios;

/// <summary>
/// Judges a claim with a main part and a qualifier ("bagging cuts the variance, <em>leaving the bias about the
/// same</em>"; "label encoding hurts a linear model, <em>much less a tree</em>"), each an effect judged by its own
/// criterion. The claim holds if both parts hold, partly holds if the main part holds but the qualifier does not (or
/// the main part only partly holds), and does not hold if the main part does not.
/// </summary>
/// <remarks>Inconclusive when the main part is undecided, or when it holds and the qualifier is undecided (holds or
/// partly holds then depends on it); the evidence gives both parts' evidence, with the replicates each would need.</remarks>
public sealed class TwoPartCriterion : Criterion<(MeasuredEffect Main, MeasuredEffect Qualifier)>
{
    private readonly Criterion<MeasuredEffect> _main;
    private readonly Criterion<MeasuredEffect> _qualifier;

    /// <summary>Creates the criterion.</summary>
    /// <param name="main">The criterion of the main part.</param>
    /// <param name="qualifier">The criterion of the qualifier.</param>
    /// <exception cref="ArgumentNullException">A criterion is null.</exception>
    public TwoPartCriterion(Criterion<MeasuredEffect> main, Criterion<MeasuredEffect> qualifier)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(qualifier);
        _main = main;
        _qualifier = qualifier;
    }

    /// <inheritdoc/>
    public override string Description =>
        $"main part: {_main.Description}; qualifier: {_qualifier.Description}; holds if both hold; partly holds if the main part partly holds, or holds while the qualifier does not; "
        + "does not hold if the main part does not; inconclusive otherwise";

    /// <summary>Applies the rule to the two parts' effects.</summary>
    /// <param name="main">The main part's effect.</param>
    /// <param name="qualifier">The qualifier's effect.</param>
    /// <returns>The judgement.</returns>
    public Judgement Evaluate(MeasuredEffect main, MeasuredEffect qualifier) => Evaluate((main, qualifier));

    /// <inheritdoc/>
    protected override (Verdict Verdict, string Evidence) Decide((MeasuredEffect Main, MeasuredEffect Qualifier) input)
    {
        var m = _main.Evaluate(input.Main);
        var q = _qualifier.Evaluate(input.Qualifier);
        return (Combine(m.Verdict, q.Verdict), $"main part {m.Verdict.ToText()}: {m.Evidence}; qualifier {q.Verdict.ToText()}: {q.Evidence}");
    }

    /// <summary>The rule on the two parts' verdicts, for criteria whose parts are not single effects (e.g. cases).</summary>
    /// <param name="main">The main part's verdict.</param>
    /// <param name="qualifier">The qualifier's verdict.</param>
    /// <returns>Does not hold if the main part does not; holds if both hold; partly holds if the main part partly holds,
    /// or holds while the qualifier does not or partly holds; inconclusive otherwise.</returns>
    public static Verdict Combine(Verdict main, Verdict qualifier) => (main, qualifier) switch
    {
        (Verdict.DoesNotHold, _) => Verdict.DoesNotHold,
        (Verdict.Holds, Verdict.Holds) => Verdict.Holds,
        (Verdict.PartlyHolds, _) or (Verdict.Holds, Verdict.DoesNotHold or Verdict.PartlyHolds) => Verdict.PartlyHolds,
        _ => Verdict.Inconclusive,
    };
}
