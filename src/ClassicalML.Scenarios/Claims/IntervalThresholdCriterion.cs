using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>Compares an estimate with its interval against one threshold, e.g. "the AUC is above 0.5".</summary>
/// <remarks>
/// For <see cref="Direction.Greater"/>: holds if <c>lower &gt; threshold</c> (the whole interval lies above);
/// partly holds if <c>value &gt; threshold</c> but the interval reaches the threshold; does not hold otherwise
/// (including NaN). <see cref="Direction.Less"/> mirrors it with <c>upper &lt; threshold</c>.
/// </remarks>
public sealed class IntervalThresholdCriterion : Criterion<Interval>
{
    private readonly string _quantity;
    private readonly Direction _direction;
    private readonly double _threshold;
    private readonly string _interval;

    /// <summary>Creates the criterion.</summary>
    /// <param name="quantity">What the estimate measures, e.g. "AUC".</param>
    /// <param name="direction">Whether the claim is that the quantity is above or below the threshold.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="interval">How the interval is named in the description, e.g. "95% interval".</param>
    /// <exception cref="ArgumentException">A name is empty or the threshold is NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not defined.</exception>
    public IntervalThresholdCriterion(string quantity, Direction direction, double threshold, string interval = "95% interval")
    {
        Preconditions.CheckNotBlank(quantity, nameof(quantity), CriterionChecks.Fix);
        Preconditions.CheckNotBlank(interval, nameof(interval), CriterionChecks.Fix);
        Preconditions.CheckDefined(direction, nameof(direction));
        if (double.IsNaN(threshold))
        {
            throw new ArgumentException("threshold is NaN; the threshold must be a number. Pass a finite threshold.", nameof(threshold));
        }

        _quantity = quantity;
        _direction = direction;
        _threshold = threshold;
        _interval = interval;
    }

    /// <inheritdoc/>
    public override string Description
    {
        get
        {
            string t = Numbers.Format(_threshold);
            string side = _direction == Direction.Greater ? "above" : "below";
            return $"holds if the whole {_interval} of {_quantity} lies {side} {t}; partly holds if the point estimate is {side} {t} but the interval reaches it; does not hold otherwise";
        }
    }

    /// <inheritdoc/>
    protected override (Verdict Verdict, string Evidence) Decide(Interval input)
    {
        string numbers = $"{_quantity} = {Numbers.Format(input)} vs {Numbers.Format(_threshold)}";
        if (input.IsUndefined)
        {
            return (Verdict.DoesNotHold, $"{numbers}: undefined (NaN)");
        }

        var (clear, point) = IntervalComparisonCriterion.Order(_direction, input, Interval.Exact(_threshold));
        string side = _direction == Direction.Greater ? "above" : "below";
        if (clear)
        {
            return (Verdict.Holds, $"{numbers}: the interval lies {side}");
        }

        return point
            ? (Verdict.PartlyHolds, $"{numbers}: the point estimate is {side} but the interval reaches the threshold")
            : (Verdict.DoesNotHold, $"{numbers}: the point estimate is not {side}");
    }
}
