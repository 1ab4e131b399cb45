namespace ClassicalML.Scenarios;

/// <summary>One claim from an interview answer, which a scenario checks against measurements.</summary>
/// <remarks>A claim gets its verdict only through <see cref="Judge"/>, from a <see cref="Judgement"/> that a
/// <see cref="Criterion{TInput}"/> computed from numbers: verdicts are never written by hand.</remarks>
public sealed class Claim
{
    /// <summary>Creates a claim.</summary>
    /// <param name="id">A stable kebab-case id, e.g. <c>lower-fold-variance</c>.</param>
    /// <param name="text">The claim as the answer states it.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case or <paramref name="text"/> is empty.</exception>
    public Claim(string id, string text)
    {
        Identifiers.RequireKebabCase(id, nameof(id));
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"text of claim '{id}' is empty; a claim needs the sentence it checks. Quote the answer's claim.", nameof(text));
        }

        Id = id;
        Text = text;
    }

    /// <summary>The stable kebab-case id.</summary>
    public string Id { get; }

    /// <summary>The claim as the answer states it.</summary>
    public string Text { get; }

    /// <summary>
    /// The answer's own words this claim checks, copied verbatim from the interview list (a substring of one of its
    /// lines; a test compares it with the list). Null for a claim the answer does not make, such as a fact about
    /// ML.NET that the scenario checks beside the answer's claims.
    /// </summary>
    public string? Quote { get; init; }

    /// <summary>
    /// Whether the claim is a demonstration rather than evidence: a statement true by construction (a seeded split
    /// repeats itself), shown to make a point. The index marks demonstrations and does not count their verdicts.
    /// </summary>
    public bool IsDemonstration { get; init; }

    /// <summary>Attaches a computed judgement to this claim.</summary>
    /// <param name="judgement">The judgement returned by a criterion's <c>Evaluate</c>.</param>
    /// <returns>The claim with its verdict, criterion and evidence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="judgement"/> is null.</exception>
    public ClaimResult Judge(Judgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        return new ClaimResult(this, judgement);
    }
}

/// <summary>A verdict computed by a criterion, with the criterion's text and the evidence in one line.</summary>
/// <remarks>Only <see cref="Criterion{TInput}.Evaluate"/> creates judgements.</remarks>
public sealed class Judgement
{
    internal Judgement(Verdict verdict, string criterion, string evidence)
    {
        Verdict = verdict;
        Criterion = criterion;
        Evidence = evidence;
    }

    /// <summary>The verdict.</summary>
    public Verdict Verdict { get; }

    /// <summary>The rule that produced the verdict, e.g. "holds if the intervals do not overlap ...".</summary>
    public string Criterion { get; }

    /// <summary>The measured numbers behind the verdict, in one line.</summary>
    public string Evidence { get; }
}

/// <summary>A claim with its computed judgement.</summary>
public sealed class ClaimResult
{
    internal ClaimResult(Claim claim, Judgement judgement)
    {
        Claim = claim;
        Judgement = judgement;
    }

    /// <summary>The claim.</summary>
    public Claim Claim { get; }

    /// <summary>The judgement computed for it.</summary>
    public Judgement Judgement { get; }

    /// <summary>Shortcut for <c>Judgement.Verdict</c>.</summary>
    public Verdict Verdict => Judgement.Verdict;
}
