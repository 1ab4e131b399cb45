using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>A rule that turns measured numbers into a <see cref="Verdict"/> with one line of evidence.</summary>
/// <typeparam name="TInput">The measurements the rule reads.</typeparam>
/// <remarks>Subclass it for a rule the built-in criteria lack; <see cref="Description"/> is written next to
/// the verdict in every report, so it must state the rule fully (what holds, what partly holds).</remarks>
public abstract class Criterion<TInput>
{
    /// <summary>The rule in one sentence, e.g. "holds if x &gt;= 0.9; partly holds if x &gt;= 0.8; does not hold otherwise".</summary>
    public abstract string Description { get; }

    /// <summary>Applies the rule to measurements.</summary>
    /// <param name="input">The measurements.</param>
    /// <returns>The verdict, this criterion's description and the evidence.</returns>
    public Judgement Evaluate(TInput input)
    {
        var (verdict, evidence) = Decide(input);
        return new Judgement(verdict, Description, evidence);
    }

    /// <summary>Computes the verdict and the one-line evidence (numbers formatted with <see cref="Numbers"/>).</summary>
    /// <param name="input">The measurements.</param>
    /// <returns>The verdict and the evidence.</returns>
    protected abstract (Verdict Verdict, string Evidence) Decide(TInput input);
}

/// <summary>The direction a claim expects.</summary>
public enum Direction
{
    /// <summary>The first quantity is larger (or the quantity is at least the threshold).</summary>
    Greater,

    /// <summary>The first quantity is smaller (or the quantity is at most the threshold).</summary>
    Less,
}

internal static class DirectionText
{
    public static string Symbol(this Direction direction) => direction == Direction.Greater ? ">" : "<";

    public static string OrEqual(this Direction direction) => direction == Direction.Greater ? ">=" : "<=";

    /// <summary>The signed position of <paramref name="x"/> beyond <paramref name="boundary"/> in the direction: positive = beyond it.</summary>
    public static double Beyond(this Direction direction, double x, double boundary) => direction == Direction.Greater ? x - boundary : boundary - x;

    /// <summary>The interval's bound nearer the boundaries a claim in this direction must pass (the lower for Greater).</summary>
    public static double Near(this Direction direction, Interval e) => direction == Direction.Greater ? e.Lower : e.Upper;

    /// <summary>The interval's bound farther in the claimed direction (the upper for Greater).</summary>
    public static double Far(this Direction direction, Interval e) => direction == Direction.Greater ? e.Upper : e.Lower;
}

/// <summary>What every criterion checks alike: the fix for a blank name and the order of the two thresholds.</summary>
internal static class CriterionChecks
{
    /// <summary>The fix when a criterion's name of what it measures is blank (checked by <c>Preconditions.CheckNotBlank</c>).</summary>
    public const string Fix = "A criterion names what it measures: pass e.g. \"mean accuracy\".";

    /// <summary>The weaker threshold must not lie beyond the claimed one in the claim's direction (shared by the
    /// criteria with a holds and a partly-holds threshold).</summary>
    /// <exception cref="ArgumentException"><paramref name="partlyAt"/> lies beyond <paramref name="holdsAt"/>.</exception>
    public static void CheckThresholdOrder(Direction direction, double holdsAt, double partlyAt)
    {
        bool wrongOrder = direction == Direction.Greater ? partlyAt > holdsAt : partlyAt < holdsAt;
        if (wrongOrder)
        {
            throw new ArgumentException(
                $"partlyAt is {Numbers.Format(partlyAt)} and holdsAt is {Numbers.Format(holdsAt)}; with Direction.{direction} partlyAt must be {(direction == Direction.Greater ? "<=" : ">=")} holdsAt. Swap them or pick a weaker partlyAt.",
                nameof(partlyAt));
        }
    }
}
