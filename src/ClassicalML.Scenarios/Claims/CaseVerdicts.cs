namespace ClassicalML.Scenarios;

/// <summary>
/// The one rule that combines the verdicts of a claim's cases (<see cref="CasesCriterion{TCase}"/> and
/// <see cref="EffectCasesCriterion"/>): the claim holds when at least a share of the cases hold, partly holds when a
/// (smaller) share at least partly holds, and does not hold otherwise; a case the data cannot decide counts with the
/// lowest and the highest verdict it could still take, and the claim is inconclusive unless both give the same verdict.
/// </summary>
internal static class CaseVerdicts
{
    /// <summary>The verdicts a case could take: its own when decided, any (does not hold to holds) when inconclusive.</summary>
    public static (Verdict Lowest, Verdict Highest) Range(Verdict verdict) =>
        verdict == Verdict.Inconclusive ? (Verdict.DoesNotHold, Verdict.Holds) : (verdict, verdict);

    /// <summary>Combines the cases' reachable verdicts; with <c>holdsShare = 1</c> and <c>partlyShare = 0</c>: holds if
    /// every case holds, partly holds if at least one at least partly holds, does not hold otherwise.</summary>
    /// <param name="ranges">The lowest and highest verdict of every case (at least one).</param>
    /// <param name="holdsShare">The share of cases that must hold, in (0, 1].</param>
    /// <param name="partlyShare">The share that must at least partly hold, in [0, holdsShare] (0 = at least one).</param>
    /// <returns>The combined verdict, and the lowest and highest the undecided cases leave it between.</returns>
    public static (Verdict Verdict, Verdict Worst, Verdict Best) Combine(
        IReadOnlyList<(Verdict Lowest, Verdict Highest)> ranges, double holdsShare, double partlyShare)
    {
        Verdict worst = Aggregate([.. ranges.Select(r => r.Lowest)], holdsShare, partlyShare);
        Verdict best = Aggregate([.. ranges.Select(r => r.Highest)], holdsShare, partlyShare);
        return (worst == best ? worst : Verdict.Inconclusive, worst, best);
    }

    private static Verdict Aggregate(IReadOnlyList<Verdict> verdicts, double holdsShare, double partlyShare)
    {
        int n = verdicts.Count;
        int holds = verdicts.Count(v => v == Verdict.Holds);
        int atLeastPartly = verdicts.Count(v => v is Verdict.Holds or Verdict.PartlyHolds);
        if (holds >= holdsShare * n)
        {
            return Verdict.Holds;
        }

        return atLeastPartly >= Math.Max(1, partlyShare * n) ? Verdict.PartlyHolds : Verdict.DoesNotHold;
    }
}
