using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>
/// Judges a claim of no important difference ("about the same", "tracks") by an effect's interval against an
/// equivalence margin ±m: holds if the whole interval lies inside (−m, m), does not hold if it lies wholly at or beyond
/// one of ±m, inconclusive when it contains a boundary (the evidence says how many replicates would decide).
/// </summary>
/// <remarks>
/// The two one-sided questions (is the effect above −m? below m?) are each an <see cref="EffectCriterion"/>, so the
/// replicates needed come from the same rule. Equivalence has no weaker form: partly holds cannot occur for one case
/// (over several cases, <see cref="CasesCriterion{TCase}"/> gives it when the cases disagree).
/// </remarks>
public sealed class EquivalenceCriterion : Criterion<MeasuredEffect>
{
    private readonly EffectCriterion _above;
    private readonly EffectCriterion _below;
    private readonly string _quantity;
    private readonly double _margin;
    private readonly string _interval;
    private readonly string _replicates;

    /// <summary>Creates the criterion.</summary>
    /// <param name="quantity">The difference judged, e.g. "out-of-bag error − test error".</param>
    /// <param name="margin">The equivalence margin m (positive and finite).</param>
    /// <param name="interval">How the interval is named in the description, e.g. "95% Newcombe interval".</param>
    /// <param name="replicates">What a replicate is, plural, e.g. "test rows".</param>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="margin"/> is not a positive finite number.</exception>
    public EquivalenceCriterion(string quantity, double margin, string interval = "95% interval", string replicates = "repetitions")
    {
        Preconditions.CheckPositive(margin, nameof(margin), "Pass the largest difference that still counts as the same, e.g. 0.02.");

        _above = new EffectCriterion(quantity, Direction.Greater, -margin, -margin, interval, replicates);
        _below = new EffectCriterion(quantity, Direction.Less, margin, margin, interval, replicates);
        _quantity = quantity;
        _margin = margin;
        _interval = interval;
        _replicates = replicates;
    }

    /// <inheritdoc/>
    public override string Description
    {
        get
        {
            string m = Numbers.Format(_margin);
            return $"{_quantity}: holds if the whole {_interval} lies inside ±{m}; does not hold if it lies wholly at or beyond {m} or −{m}; "
                + "partly holds cannot occur (equivalence has no weaker form); inconclusive if it contains ±" + m + " (the evidence says how many replicates would decide)";
        }
    }

    /// <summary>Applies the rule to an effect and the number of replicates behind its interval.</summary>
    /// <param name="effect">The effect with its interval.</param>
    /// <param name="replicates">The number of replicates (1 or more).</param>
    /// <returns>The judgement.</returns>
    public Judgement Evaluate(Interval effect, int replicates) => Evaluate(new MeasuredEffect(effect, replicates));

    /// <inheritdoc/>
    protected override (Verdict Verdict, string Evidence) Decide(MeasuredEffect input)
    {
        var above = _above.Evaluate(input);
        var below = _below.Evaluate(input);
        string m = Numbers.Format(_margin);
        if (input.Effect.IsUndefined)
        {
            return (Verdict.Inconclusive, above.Evidence);
        }

        if (above.Verdict == Verdict.Holds && below.Verdict == Verdict.Holds)
        {
            return (Verdict.Holds, $"{Prefix(input)}: the interval lies inside ±{m}");
        }

        if (above.Verdict == Verdict.DoesNotHold || below.Verdict == Verdict.DoesNotHold)
        {
            return (Verdict.DoesNotHold, $"{Prefix(input)}: the interval lies beyond ±{m}");
        }

        // Undecided: the boundary nearest the point estimate is the last one the interval can leave.
        bool upperNearer = Math.Abs(input.Effect.Estimate - _margin) <= Math.Abs(input.Effect.Estimate + _margin);
        var undecided = above.Verdict == Verdict.Inconclusive && below.Verdict == Verdict.Inconclusive
            ? (upperNearer ? below : above)
            : above.Verdict == Verdict.Inconclusive ? above : below;
        return (Verdict.Inconclusive, undecided.Evidence);
    }

    private string Prefix(MeasuredEffect input) =>
        $"{_quantity} = {Numbers.Format(input.Effect)} over {input.Replicates.ToString(System.Globalization.CultureInfo.InvariantCulture)} {_replicates}";
}
