using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>Compares two estimates with intervals: the claim is that the first is larger (or smaller) than the second.</summary>
/// <remarks>
/// For <see cref="Direction.Greater"/>: holds if <c>first.Lower &gt; second.Upper</c> (the intervals do not overlap and
/// the first lies above); partly holds if <c>first.Estimate &gt; second.Estimate</c> but the intervals overlap; does not
/// hold otherwise (including when a number is NaN). <see cref="Direction.Less"/> mirrors it.
/// </remarks>
public sealed class IntervalComparisonCriterion : Criterion<(Interval First, Interval Second)>
{
    private readonly string _first;
    private readonly string _second;
    private readonly Direction _direction;
    private readonly string _intervals;

    /// <summary>Creates the criterion.</summary>
    /// <param name="first">What the first estimate measures, e.g. "stratified fold SD".</param>
    /// <param name="direction">The claimed order: first greater or first less than second.</param>
    /// <param name="second">What the second estimate measures.</param>
    /// <param name="intervals">How the intervals are named in the description, e.g. "95% bootstrap intervals".</param>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not defined.</exception>
    public IntervalComparisonCriterion(string first, Direction direction, string second, string intervals = "95% intervals")
    {
        Preconditions.CheckNotBlank(first, nameof(first), CriterionChecks.Fix);
        Preconditions.CheckNotBlank(second, nameof(second), CriterionChecks.Fix);
        Preconditions.CheckNotBlank(intervals, nameof(intervals), CriterionChecks.Fix);
        Preconditions.CheckDefined(direction, nameof(direction));
        _first = first;
        _second = second;
        _direction = direction;
        _intervals = intervals;
    }

    /// <inheritdoc/>
    public override string Description =>
        $"holds if the {_intervals} of {_first} and {_second} do not overlap with {_first} {_direction.Symbol()} {_second}; "
        + $"partly holds if the point estimates are in that order but the intervals overlap; does not hold otherwise";

    /// <summary>Applies the rule to two estimates.</summary>
    /// <param name="first">The first estimate.</param>
    /// <param name="second">The second estimate.</param>
    /// <returns>The judgement.</returns>
    public Judgement Evaluate(Interval first, Interval second) => Evaluate((first, second));

    /// <inheritdoc/>
    protected override (Verdict Verdict, string Evidence) Decide((Interval First, Interval Second) input)
    {
        var (a, b) = input;
        string numbers = $"{_first} = {Numbers.Format(a)} vs {_second} = {Numbers.Format(b)}";
        if (a.IsUndefined || b.IsUndefined)
        {
            return (Verdict.DoesNotHold, $"{numbers}: undefined (NaN)");
        }

        var (separated, ordered) = Order(_direction, a, b);
        if (separated)
        {
            return (Verdict.Holds, $"{numbers}: intervals do not overlap");
        }

        return ordered
            ? (Verdict.PartlyHolds, $"{numbers}: {_first} {_direction.Symbol()} {_second} but the intervals overlap")
            : (Verdict.DoesNotHold, $"{numbers}: the point estimates are not in the claimed order");
    }

    /// <summary>The rule shared with <see cref="IntervalThresholdCriterion"/> (a threshold is an exact estimate): whether
    /// <paramref name="a"/>'s interval lies wholly beyond <paramref name="b"/>'s in the direction, and whether the point
    /// estimates are in that order.</summary>
    internal static (bool Separated, bool Ordered) Order(Direction direction, Interval a, Interval b) =>
        (direction.Beyond(direction.Near(a), direction.Far(b)) > 0, direction.Beyond(a.Estimate, b.Estimate) > 0);
}
