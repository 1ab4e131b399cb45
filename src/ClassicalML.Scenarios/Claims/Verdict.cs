namespace ClassicalML.Scenarios;

/// <summary>How far a claim from an interview answer holds on the measured numbers.</summary>
/// <remarks>Written in reports as <c>holds</c>, <c>partly holds</c>, <c>does not hold</c> and <c>inconclusive</c>
/// (see <see cref="VerdictText"/>).</remarks>
public enum Verdict
{
    /// <summary>The measurements support the claim as stated.</summary>
    Holds,

    /// <summary>The measurements point the claimed way but fall short of the criterion for <see cref="Holds"/>.</summary>
    PartlyHolds,

    /// <summary>The measurements do not support the claim.</summary>
    DoesNotHold,

    /// <summary>The measured interval straddles a decision boundary: the data cannot decide between two verdicts.
    /// The evidence then says which two, and what would decide (e.g. "needs about 80 repetitions").</summary>
    Inconclusive,
}

/// <summary>The report text of a <see cref="Verdict"/>.</summary>
public static class VerdictText
{
    /// <summary>Returns <c>holds</c>, <c>partly holds</c>, <c>does not hold</c> or <c>inconclusive</c>.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>The text written in reports and on the console.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="verdict"/> is not a defined value.</exception>
    public static string ToText(this Verdict verdict) => verdict switch
    {
        Verdict.Holds => "holds",
        Verdict.PartlyHolds => "partly holds",
        Verdict.DoesNotHold => "does not hold",
        Verdict.Inconclusive => "inconclusive",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict,
            $"verdict is {(int)verdict}, which is not a defined Verdict; use Verdict.Holds, Verdict.PartlyHolds, Verdict.DoesNotHold or Verdict.Inconclusive."),
    };
}
