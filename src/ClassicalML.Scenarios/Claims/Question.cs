using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>The interview question a scenario answers, numbered as in the interview list.</summary>
public sealed record Question
{
    /// <summary>Creates a question.</summary>
    /// <param name="number">The question's number in the interview list (1 or more).</param>
    /// <param name="text">The question as asked, e.g. "What is stratified cross-validation?".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space.</exception>
    public Question(int number, string text)
    {
        Preconditions.CheckAtLeast(number, 1, nameof(number), "Use the question's number in the interview list.");
        Preconditions.CheckNotBlank(text, nameof(text), "Copy the question from the interview list.");

        Number = number;
        Text = text;
    }

    /// <summary>The question's number in the interview list.</summary>
    public int Number { get; }

    /// <summary>The question as asked.</summary>
    public string Text { get; }

    /// <summary>
    /// Whether the question's line is missing from the project's copy of the interview list, so that
    /// <see cref="Text"/> is the published list's wording, reconstructed (the scenario's README says so).
    /// </summary>
    public bool Reconstructed { get; init; }

    /// <summary>Further questions of the list that the same scenario answers (e.g. 31 beside 52), each verbatim.</summary>
    public IReadOnlyList<Question> Also { get; init; } = [];

    /// <summary>The number with the numbers of <see cref="Also"/>, e.g. <c>52 (also 31)</c>.</summary>
    public string NumberText => Also.Count == 0
        ? Number.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{Number.ToString(System.Globalization.CultureInfo.InvariantCulture)} (also {string.Join(", ", Also.Select(q => q.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
}
