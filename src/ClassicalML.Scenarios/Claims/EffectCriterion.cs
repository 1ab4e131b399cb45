using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>An effect measured with its interval over a number of independent replicates (repetitions, folds,
/// resamples of a test set), the input of <see cref="EffectCriterion"/>.</summary>
/// <param name="Effect">The effect, e.g. a paired difference of AUC, with its 95% interval.</param>
/// <param name="Replicates">How many replicates the interval rests on (1 or more); used to say how many would decide.</param>
public readonly record struct MeasuredEffect(Interval Effect, int Replicates)
{
    /// <summary>
    /// 0 (the default) when the replicates are independent, so an interval's half-width falls as one over the square root
    /// of their number; n_test / n_train of the design when the interval is a corrected resampled t interval over
    /// repeated train/test splits or folds (<see cref="CorrectedResampledT"/>), whose half-width
    /// t(J − 1) · sqrt((1/J + n_test/n_train) · s²) does not fall below z · sqrt(n_test/n_train) · s however many splits J.
    /// </summary>
    public double TestTrainRatio { get; init; }
}

/// <summary>
/// Judges an effect with its interval against the size the claim states (<c>holdsAt</c>) and a weaker size that
/// still points the claimed way (<c>partlyAt</c>, often 0: "some effect"). The interval decides; when it straddles a
/// boundary the verdict is <see cref="Verdict.Inconclusive"/>, and the evidence says how many replicates would
/// narrow the interval enough to decide, assuming its half-width shrinks as one over the square root of their number.
/// </summary>
/// <remarks>
/// For <see cref="Direction.Greater"/> with interval [L, U]: holds if <c>L &gt; holdsAt</c>; partly holds if
/// <c>partlyAt &lt; L</c> and <c>U &lt;= holdsAt</c>; does not hold if <c>U &lt;= partlyAt</c>; inconclusive otherwise
/// (the interval contains a boundary) or when the effect is undefined. <see cref="Direction.Less"/> mirrors it.
/// With <c>partlyAt == holdsAt</c> the claim has no weaker form and <see cref="Verdict.PartlyHolds"/> cannot occur;
/// the description says so.
/// </remarks>
public sealed class EffectCriterion : Criterion<MeasuredEffect>
{
    private readonly string _quantity;
    private readonly Direction _direction;
    private readonly double _holdsAt;
    private readonly double _partlyAt;
    private readonly string _interval;
    private readonly string _replicates;

    /// <summary>Creates the criterion.</summary>
    /// <param name="quantity">What the effect measures, e.g. "AUC gain of stratified over plain".</param>
    /// <param name="direction">The claimed direction: <see cref="Direction.Greater"/> for a positive effect.</param>
    /// <param name="holdsAt">The effect the claim states; the interval must lie wholly beyond it to hold.</param>
    /// <param name="partlyAt">The weaker effect (not beyond <paramref name="holdsAt"/>); the interval wholly between
    /// the two partly holds, wholly short of it does not hold.</param>
    /// <param name="interval">How the interval is named in the description, e.g. "95% bootstrap interval".</param>
    /// <param name="replicates">What a replicate is, plural, e.g. "repetitions" or "test rows".</param>
    /// <exception cref="ArgumentException">A name is empty, a threshold is not finite, or the thresholds are in the wrong order.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not defined.</exception>
    public EffectCriterion(string quantity, Direction direction, double holdsAt, double partlyAt,
        string interval = "95% interval", string replicates = "repetitions")
    {
        Preconditions.CheckNotBlank(quantity, nameof(quantity), CriterionChecks.Fix);
        Preconditions.CheckNotBlank(interval, nameof(interval), CriterionChecks.Fix);
        Preconditions.CheckNotBlank(replicates, nameof(replicates), CriterionChecks.Fix);
        Preconditions.CheckDefined(direction, nameof(direction));
        if (!double.IsFinite(holdsAt) || !double.IsFinite(partlyAt))
        {
            throw new ArgumentException(
                $"holdsAt is {Numbers.Format(holdsAt)} and partlyAt is {Numbers.Format(partlyAt)}; both must be finite. Pass finite thresholds.",
                nameof(holdsAt));
        }

        CriterionChecks.CheckThresholdOrder(direction, holdsAt, partlyAt);

        _quantity = quantity;
        _direction = direction;
        _holdsAt = holdsAt;
        _partlyAt = partlyAt;
        _interval = interval;
        _replicates = replicates;
    }

    /// <inheritdoc/>
    public override string Description
    {
        get
        {
            string beyond = _direction == Direction.Greater ? "above" : "below";
            string shortOf = _direction == Direction.Greater ? "at or below" : "at or above";
            string h = Numbers.Format(_holdsAt);
            string p = Numbers.Format(_partlyAt);
            string partly = _holdsAt == _partlyAt
                ? "partly holds cannot occur (the claim has no weaker form)"
                : $"partly holds if it lies wholly between {p} and {h}";
            return $"{_quantity}: holds if the whole {_interval} lies {beyond} {h}; {partly}; does not hold if it lies wholly {shortOf} {p}; "
                + "inconclusive if it straddles a boundary (the evidence says how many replicates would decide)";
        }
    }

    /// <summary>Applies the rule to an effect and the number of replicates behind its interval.</summary>
    /// <param name="effect">The effect with its interval.</param>
    /// <param name="replicates">The number of replicates (1 or more).</param>
    /// <returns>The judgement.</returns>
    public Judgement Evaluate(Interval effect, int replicates) => Evaluate(new MeasuredEffect(effect, replicates));

    /// <summary>Applies the rule to an effect whose interval is a corrected resampled t interval over <paramref name="replicates"/> splits.</summary>
    /// <param name="effect">The effect with its corrected resampled t interval.</param>
    /// <param name="replicates">The number of splits or folds (1 or more).</param>
    /// <param name="testTrainRatio">n_test / n_train of the design (above 0); sets how many splits would decide.</param>
    /// <returns>The judgement.</returns>
    public Judgement Evaluate(Interval effect, int replicates, double testTrainRatio) =>
        Evaluate(new MeasuredEffect(effect, replicates) { TestTrainRatio = testTrainRatio });

    /// <inheritdoc/>
    protected override (Verdict Verdict, string Evidence) Decide(MeasuredEffect input)
    {
        if (input.Replicates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Replicates,
                $"replicates is {input.Replicates}; an interval rests on at least 1 replicate. Pass the number of {_replicates} measured.");
        }

        var e = input.Effect;
        string n = input.Replicates.ToString(CultureInfo.InvariantCulture);
        string numbers = $"{_quantity} = {Numbers.Format(e)} over {n} {_replicates}";
        if (e.IsUndefined)
        {
            return (Verdict.Inconclusive, $"{numbers}: undefined, so the data cannot decide");
        }

        double Beyond(double x, double boundary) => _direction.Beyond(x, boundary);
        double near = _direction.Near(e);
        double far = _direction.Far(e);
        if (Beyond(near, _holdsAt) > 0)
        {
            return (Verdict.Holds, $"{numbers}: the interval lies beyond {Numbers.Format(_holdsAt)}");
        }

        if (Beyond(far, _partlyAt) <= 0)
        {
            return (Verdict.DoesNotHold, $"{numbers}: the interval lies short of {Numbers.Format(_partlyAt)}");
        }

        if (Beyond(near, _partlyAt) > 0 && Beyond(far, _holdsAt) <= 0)
        {
            return (Verdict.PartlyHolds, $"{numbers}: the interval lies between {Numbers.Format(_partlyAt)} and {Numbers.Format(_holdsAt)}");
        }

        // The interval spans two or three verdicts; to decide, it must exclude every boundary it contains, and the one
        // nearest the point estimate is the last to go.
        bool containsHolds = Beyond(near, _holdsAt) <= 0 && Beyond(far, _holdsAt) > 0;
        bool containsPartly = Beyond(near, _partlyAt) <= 0 && Beyond(far, _partlyAt) > 0;
        var spanned = new List<string>();
        if (containsHolds)
        {
            spanned.Add("holds");
        }

        if (_holdsAt != _partlyAt && (containsHolds || containsPartly))
        {
            spanned.Add("partly holds");
        }

        if (containsPartly)
        {
            spanned.Add("does not hold");
        }

        double boundary = containsHolds && containsPartly
            ? (Math.Abs(e.Estimate - _holdsAt) <= Math.Abs(e.Estimate - _partlyAt) ? _holdsAt : _partlyAt)
            : containsHolds ? _holdsAt : _partlyAt;
        string contains = containsHolds && containsPartly && _holdsAt != _partlyAt
            ? $"{Numbers.Format(_partlyAt)} and {Numbers.Format(_holdsAt)}"
            : Numbers.Format(boundary);
        string between = spanned.Count == 3
            ? $"{spanned[0]}, {spanned[1]} and {spanned[2]}"
            : string.Join(" and ", spanned);
        return (Verdict.Inconclusive,
            $"{numbers}: the interval contains {contains}, so the data cannot decide between {between}; {(input.TestTrainRatio > 0 ? NeededSplits(e, boundary, input.Replicates, input.TestTrainRatio) : Needed(e, boundary, input.Replicates))}");
    }

    /// <summary>The evidence of <see cref="Decide"/> without its leading "quantity = " (for a list of cases that names the quantity once).</summary>
    internal string WithoutQuantity(string evidence) => evidence[(_quantity.Length + 3)..];

    /// <summary>The lowest and highest verdict an effect's interval reaches (both the same when the interval decides it;
    /// does not hold to holds when the effect is undefined), read as <see cref="Decide"/> reads it.</summary>
    internal (Verdict Lowest, Verdict Highest) Reachable(Interval e)
    {
        if (e.IsUndefined)
        {
            return (Verdict.DoesNotHold, Verdict.Holds);
        }

        double near = _direction.Near(e);
        double far = _direction.Far(e);
        bool canHold = _direction.Beyond(far, _holdsAt) > 0;
        bool canFail = _direction.Beyond(near, _partlyAt) <= 0;
        bool canPartly = _holdsAt != _partlyAt && _direction.Beyond(far, _partlyAt) > 0 && _direction.Beyond(near, _holdsAt) <= 0;
        Verdict lowest = canFail ? Verdict.DoesNotHold : canPartly ? Verdict.PartlyHolds : Verdict.Holds;
        Verdict highest = canHold ? Verdict.Holds : canPartly ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (lowest, highest);
    }

    /// <summary>
    /// How many splits would shrink a corrected resampled t interval's half-width t(J − 1) · sqrt((1/J + ρ) · s²) below
    /// the point estimate's distance to the boundary, with s read back from the interval measured over J0 splits and
    /// assumed to stay; when even J → ∞ (half-width z · sqrt(ρ) · s) cannot, it says so.
    /// </summary>
    private string NeededSplits(Interval e, double boundary, int replicates, double ratio)
    {
        double half = (e.Upper - e.Lower) / 2;
        double distance = Math.Abs(e.Estimate - boundary);
        string r = ratio.ToString("0.###", CultureInfo.InvariantCulture);
        if (distance == 0 || half <= 0 || replicates < 2)
        {
            return $"the point estimate sits on {Numbers.Format(boundary)}: no feasible number of {_replicates} decides it";
        }

        double upper = 1 - ((1 - e.Confidence) / 2);
        double Factor(double j) => MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, j - 1, upper) * Math.Sqrt((1 / j) + ratio);
        double s = half / Factor(replicates);
        double floor = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, upper) * Math.Sqrt(ratio) * s;
        if (distance <= floor)
        {
            return $"no number of {_replicates} decides it at n_test/n_train = {r}: the corrected interval's half-width stays above {Numbers.Format(floor)} "
                + $"(the estimate is {Numbers.Format(distance)} from {Numbers.Format(boundary)}); more rows per split, or a smaller test share, would narrow it";
        }

        double lo = replicates, hi = replicates;
        while (Factor(hi) * s >= distance)
        {
            lo = hi;
            hi *= 2;
            if (hi > 1e7)
            {
                return $"deciding it would need more than 10 million {_replicates}";
            }
        }

        while (hi - lo > 1)
        {
            double mid = Math.Floor((lo + hi) / 2);
            if (Factor(mid) * s >= distance)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi <= replicates
            ? $"the interval is asymmetric around the estimate; more {_replicates} than the {replicates.ToString(CultureInfo.InvariantCulture)} measured would narrow it"
            : $"needs about {hi.ToString("0", CultureInfo.InvariantCulture)} {_replicates} to decide at n_test/n_train = {r} (now {replicates.ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>How many replicates would shrink the interval's half-width below the point estimate's distance to
    /// the boundary, assuming the half-width falls as one over the square root of their number.</summary>
    private string Needed(Interval e, double boundary, int replicates)
    {
        double half = (e.Upper - e.Lower) / 2;
        double distance = Math.Abs(e.Estimate - boundary);
        if (distance == 0 || half <= 0)
        {
            return $"the point estimate sits on {Numbers.Format(boundary)}: no feasible number of {_replicates} decides it";
        }

        double needed = Math.Ceiling(replicates * (half / distance) * (half / distance));
        if (needed <= replicates)
        {
            return $"the interval is asymmetric around the estimate; more {_replicates} than the {replicates.ToString(CultureInfo.InvariantCulture)} measured would narrow it";
        }

        return needed > 1e7
            ? $"deciding it would need more than 10 million {_replicates}"
            : $"needs about {needed.ToString("0", CultureInfo.InvariantCulture)} {_replicates} to decide (now {replicates.ToString(CultureInfo.InvariantCulture)})";
    }
}
