using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>Judges how often something happened out of a number of trials, e.g. "in how many of 20 repetitions
/// stratified folds had the lower spread".</summary>
/// <remarks>With <c>f = count / total</c>: holds if <c>f &gt;= holdsAt</c>; partly holds if <c>f &gt;= partlyAt</c>;
/// does not hold otherwise.</remarks>
public sealed class FractionCriterion : Criterion<(int Count, int Total)>
{
    private readonly string _what;
    private readonly double _holdsAt;
    private readonly double _partlyAt;

    /// <summary>Creates the criterion.</summary>
    /// <param name="what">What is counted, as a plural noun phrase, e.g. "repetitions where stratified is lower".</param>
    /// <param name="holdsAt">The fraction (0 to 1) needed to hold.</param>
    /// <param name="partlyAt">The fraction (0 to <paramref name="holdsAt"/>) needed to partly hold.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The fractions are outside [0, 1] or <paramref name="partlyAt"/> exceeds <paramref name="holdsAt"/>.</exception>
    public FractionCriterion(string what, double holdsAt, double partlyAt)
    {
        Preconditions.CheckNotBlank(what, nameof(what), CriterionChecks.Fix);
        Preconditions.CheckProbability(holdsAt, nameof(holdsAt), "Pass e.g. 0.9 for 90%.");

        Preconditions.CheckBetween(partlyAt, 0, holdsAt, nameof(holdsAt), nameof(partlyAt), "Pass a weaker fraction than holdsAt.");

        _what = what;
        _holdsAt = holdsAt;
        _partlyAt = partlyAt;
    }

    /// <inheritdoc/>
    public override string Description =>
        $"holds if at least {Numbers.Percent(_holdsAt)} of {_what}; partly holds if at least {Numbers.Percent(_partlyAt)}; does not hold otherwise";

    /// <summary>Applies the rule to a count out of a total.</summary>
    /// <param name="count">How many times it happened.</param>
    /// <param name="total">Out of how many trials.</param>
    /// <returns>The judgement.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is not positive or <paramref name="count"/> is outside [0, total].</exception>
    public Judgement Evaluate(int count, int total) => Evaluate((count, total));

    /// <inheritdoc/>
    protected override (Verdict Verdict, string Evidence) Decide((int Count, int Total) input)
    {
        var (count, total) = input;
        if (total <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), total, $"total is {total}; it must be at least 1. Count at least one trial.");
        }

        if (count < 0 || count > total)
        {
            throw new ArgumentOutOfRangeException(nameof(input), count, $"count is {count}; it must be in [0, total = {total}]. Check the counting.");
        }

        double fraction = (double)count / total;
        string evidence = $"{count} of {total} {_what} ({Numbers.Percent(fraction)}; holds at {Numbers.Percent(_holdsAt)}, partly at {Numbers.Percent(_partlyAt)})";
        Verdict verdict = fraction >= _holdsAt ? Verdict.Holds : fraction >= _partlyAt ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}
