using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>One case of a claim judged over several cases (data set × model × metric): a named effect with its interval.</summary>
/// <param name="Label">The case, e.g. "letter, LR + class weights, Δ AP".</param>
/// <param name="Effect">The effect with its 95% interval.</param>
/// <param name="Replicates">How many replicates the interval rests on (1 or more).</param>
public sealed record EffectCase(string Label, Interval Effect, int Replicates)
{
    /// <summary>Why the case is left out of the verdict (listed in the evidence), or null when it is judged.</summary>
    public string? ExcludedBecause { get; init; }

    /// <summary>0 (the default) for independent replicates; n_test / n_train when <see cref="Effect"/> is a corrected
    /// resampled t interval over repeated splits (see <see cref="MeasuredEffect.TestTrainRatio"/>).</summary>
    public double TestTrainRatio { get; init; }
}

/// <summary>
/// Judges a claim over several cases ("each remedy gives a better classifier"): every case is judged by an
/// <see cref="EffectCriterion"/> with the same thresholds, and the claim holds when enough cases hold, partly holds when
/// enough at least partly hold, and does not hold otherwise. It is <see cref="Verdict.Inconclusive"/> only when the cases
/// the data cannot decide could move the claim across one of these lines; the evidence then names them and says how
/// many replicates would decide each.
/// </summary>
/// <remarks>
/// A case whose interval straddles a boundary could take any verdict its interval reaches; the claim's verdict is
/// computed with every such case at its lowest and at its highest reachable verdict, and is decided when both agree.
/// With <c>holdsShare = 1</c> and <c>partlyShare = 0</c> the rule is "holds if every case holds; partly holds if at
/// least one case at least partly holds". Cases with <see cref="EffectCase.ExcludedBecause"/> are listed, not judged.
/// </remarks>
public sealed class EffectCasesCriterion : Criterion<IReadOnlyList<EffectCase>>
{
    private readonly EffectCriterion _perCase;
    private readonly string _cases;
    private readonly double _holdsShare;
    private readonly double _partlyShare;

    /// <summary>Creates the criterion.</summary>
    /// <param name="quantity">What each case's effect measures, e.g. "AP gain of the remedy over the plain model".</param>
    /// <param name="direction">The claimed direction of every case's effect.</param>
    /// <param name="holdsAt">A case holds if its whole interval lies beyond this (see <see cref="EffectCriterion"/>).</param>
    /// <param name="partlyAt">A case partly holds if its interval lies wholly between this and <paramref name="holdsAt"/>.</param>
    /// <param name="cases">What a case is, plural, e.g. "remedies (data set × model × metric)".</param>
    /// <param name="holdsShare">The share of judged cases that must hold for the claim to hold, in (0, 1]; 1 = every case.</param>
    /// <param name="partlyShare">The share that must at least partly hold for the claim to partly hold, in [0, holdsShare];
    /// 0 = at least one case.</param>
    /// <param name="interval">How the intervals are named, e.g. "paired 95% bootstrap interval".</param>
    /// <param name="replicates">What a replicate is, plural, e.g. "test rows".</param>
    /// <exception cref="ArgumentException">A name is empty or the thresholds are invalid (as for <see cref="EffectCriterion"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A share is outside its range, or <paramref name="direction"/> is not defined.</exception>
    public EffectCasesCriterion(string quantity, Direction direction, double holdsAt, double partlyAt, string cases,
        double holdsShare = 1, double partlyShare = 0, string interval = "95% interval", string replicates = "repetitions")
    {
        _perCase = new EffectCriterion(quantity, direction, holdsAt, partlyAt, interval, replicates);
        Preconditions.CheckNotBlank(cases, nameof(cases), CriterionChecks.Fix);
        Preconditions.CheckShare(holdsShare, nameof(holdsShare), "Pass 1 for \"every case\".");

        if (!(partlyShare >= 0 && partlyShare <= holdsShare))
        {
            throw new ArgumentOutOfRangeException(nameof(partlyShare), partlyShare,
                $"partlyShare is {Numbers.Format(partlyShare)}; it must be in [0, holdsShare = {Numbers.Format(holdsShare)}]. Pass 0 for \"at least one case\".");
        }

        _cases = cases;
        _holdsShare = holdsShare;
        _partlyShare = partlyShare;
    }

    /// <inheritdoc/>
    public override string Description
    {
        get
        {
            string holds = _holdsShare == 1 ? "every case holds" : $"at least {Numbers.Percent(_holdsShare)} of the cases hold";
            string partly = _partlyShare == 0 ? "at least one case at least partly holds" : $"at least {Numbers.Percent(_partlyShare)} of the cases at least partly hold";
            return $"for each of the {_cases}, {_perCase.Description}; the claim holds if {holds}, partly holds if {partly}, and does not hold otherwise; "
                + "it is inconclusive if the cases the data cannot decide could change that";
        }
    }

    /// <inheritdoc/>
    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<EffectCase> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var judged = input.Where(c => c.ExcludedBecause is null).ToList();
        string excluded = string.Join("; ", input.Where(c => c.ExcludedBecause is not null).Select(c => $"{c.Label} ({c.ExcludedBecause})"));
        excluded = excluded.Length == 0 ? string.Empty : $"; excluded, not judged: {excluded}";
        if (judged.Count == 0)
        {
            return (Verdict.Inconclusive, $"no case left to judge{excluded}");
        }

        var verdicts = judged.Select(c => (Case: c, Judgement: _perCase.Evaluate(new MeasuredEffect(c.Effect, c.Replicates) { TestTrainRatio = c.TestTrainRatio }))).ToList();
        var (verdict, worst, best) = CaseVerdicts.Combine([.. judged.Select(c => _perCase.Reachable(c.Effect))], _holdsShare, _partlyShare);
        var groups = new List<string>();
        foreach (var group in new[] { Verdict.Holds, Verdict.PartlyHolds, Verdict.DoesNotHold, Verdict.Inconclusive })
        {
            var members = verdicts.Where(v => v.Judgement.Verdict == group).ToList();
            if (members.Count > 0)
            {
                // Undecided cases keep EffectCriterion's reasoning (what it would take to decide), without the repeated quantity name.
                var items = members.Select(v => group == Verdict.Inconclusive
                    ? $"{v.Case.Label} {_perCase.WithoutQuantity(v.Judgement.Evidence)}"
                    : $"{v.Case.Label} {Numbers.Format(v.Case.Effect)}");
                groups.Add($"{group.ToText()} ({members.Count.ToString(CultureInfo.InvariantCulture)}): {string.Join("; ", items)}");
            }
        }

        string summary = $"{judged.Count.ToString(CultureInfo.InvariantCulture)} cases judged — {string.Join(" | ", groups)}{excluded}";
        return verdict != Verdict.Inconclusive
            ? (verdict, summary)
            : (Verdict.Inconclusive, $"the undecided cases leave the claim between {worst.ToText()} and {best.ToText()}; {summary}");
    }
}
