using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>Compares one measured number with two thresholds: one to hold, a weaker one to partly hold.</summary>
/// <remarks>
/// For <see cref="Direction.Greater"/>: holds if <c>x &gt;= holdsAt</c>; partly holds if <c>x &gt;= partlyAt</c>;
/// does not hold otherwise (including NaN). For <see cref="Direction.Less"/>: holds if <c>x &lt;= holdsAt</c>;
/// partly holds if <c>x &lt;= partlyAt</c>.
/// </remarks>
public sealed class ThresholdCriterion : Criterion<double>
{
    private readonly string _quantity;
    private readonly double _holdsAt;
    private readonly double _partlyAt;
    private readonly Direction _direction;

    /// <summary>Creates the criterion.</summary>
    /// <param name="quantity">What the number measures, e.g. "AUC gain".</param>
    /// <param name="direction"><see cref="Direction.Greater"/>: larger is in the claim's favour; <see cref="Direction.Less"/>: smaller is.</param>
    /// <param name="holdsAt">The threshold to hold.</param>
    /// <param name="partlyAt">The weaker threshold to partly hold (not beyond <paramref name="holdsAt"/> in the claim's direction).</param>
    /// <exception cref="ArgumentException">The name is empty, a threshold is NaN, or the thresholds are in the wrong order.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not defined.</exception>
    public ThresholdCriterion(string quantity, Direction direction, double holdsAt, double partlyAt)
    {
        Preconditions.CheckNotBlank(quantity, nameof(quantity), CriterionChecks.Fix);
        Preconditions.CheckDefined(direction, nameof(direction));
        if (double.IsNaN(holdsAt) || double.IsNaN(partlyAt))
        {
            throw new ArgumentException("holdsAt or partlyAt is NaN; thresholds must be numbers. Pass finite thresholds.", nameof(holdsAt));
        }

        CriterionChecks.CheckThresholdOrder(direction, holdsAt, partlyAt);

        _quantity = quantity;
        _direction = direction;
        _holdsAt = holdsAt;
        _partlyAt = partlyAt;
    }

    /// <inheritdoc/>
    public override string Description
    {
        get
        {
            string op = _direction.OrEqual();
            return $"holds if {_quantity} {op} {Numbers.Format(_holdsAt)}; partly holds if {_quantity} {op} {Numbers.Format(_partlyAt)}; does not hold otherwise";
        }
    }

    /// <inheritdoc/>
    protected override (Verdict Verdict, string Evidence) Decide(double input)
    {
        string op = _direction.OrEqual();
        string evidence = $"{_quantity} = {Numbers.Format(input)} (holds at {op} {Numbers.Format(_holdsAt)}, partly at {op} {Numbers.Format(_partlyAt)})";
        if (double.IsNaN(input))
        {
            return (Verdict.DoesNotHold, evidence);
        }

        bool Beyond(double threshold) => _direction == Direction.Greater ? input >= threshold : input <= threshold;
        Verdict verdict = Beyond(_holdsAt) ? Verdict.Holds : Beyond(_partlyAt) ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}
