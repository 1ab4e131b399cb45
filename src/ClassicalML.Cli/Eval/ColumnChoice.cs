using System.Globalization;

namespace ClassicalML.Cli;

/// <summary>
/// Which columns eval reads and which threshold it uses. Names are matched ignoring case. Without column options:
/// label is <c>label</c> (ML.NET's <c>Label</c>); the score is <c>score</c>, else ML.NET's <c>Probability</c>
/// (threshold 0.5), else ML.NET's <c>Score</c> (threshold 0: a margin, ML.NET's own rule).
/// </summary>
/// <param name="Label">Position of the label column.</param>
/// <param name="Other">Position of the score column (binary) or the predicted-label column (multiclass).</param>
/// <param name="Threshold">The decision threshold (binary).</param>
/// <param name="ThresholdReason">Why that threshold, for the output.</param>
/// <param name="ThresholdFromOption">Whether --threshold gave it.</param>
internal sealed record ColumnChoice(int Label, int Other, double Threshold, string ThresholdReason, bool ThresholdFromOption)
{
    public const double DefaultThreshold = 0.5;

    /// <summary>The score columns looked for without --score-column, in order, with the threshold each implies.</summary>
    private static readonly (string Name, StringComparison Comparison, double Threshold, string Reason)[] ScoreDefaults =
    [
        ("score", StringComparison.Ordinal, DefaultThreshold, "the default"),
        ("Probability", StringComparison.OrdinalIgnoreCase, DefaultThreshold, "the default, for ML.NET's calibrated Probability"),
        ("Score", StringComparison.OrdinalIgnoreCase, 0, "ML.NET's rule for a Score column without Probability: the score is a margin"),
    ];

    public static ColumnChoice Binary(PredictionFile file, string? labelOption, string? scoreOption, double? thresholdOption)
    {
        var label = Find(file, labelOption ?? "label", labelOption is null ? null : "--label-column", "Name the label column with --label-column COLUMN.");
        var (score, threshold, reason) = scoreOption is null
            ? DefaultScore(file)
            : (Find(file, scoreOption, "--score-column", "Name the score column with --score-column COLUMN."), DefaultThreshold, "the default");
        return thresholdOption is { } t
            ? new ColumnChoice(label, score, t, "--threshold", true)
            : new ColumnChoice(label, score, threshold, reason, false);
    }

    public static ColumnChoice Multiclass(PredictionFile file, string? labelOption, string? predictedOption) =>
        new(Find(file, labelOption ?? "label", labelOption is null ? null : "--label-column", "Name the label column with --label-column COLUMN."),
            predictedOption is null ? -1 : Find(file, predictedOption, "--predicted-column", "Name the predicted-label column with --predicted-column COLUMN."),
            double.NaN, string.Empty, false);

    /// <summary>
    /// The score columns of multiclass-from-scores mode and the class of each: the listed columns, named by their
    /// classes, or every column (but the label) whose name starts with <paramref name="prefix"/> (ordinal), the class
    /// being the rest of the name.
    /// </summary>
    public static (int[] Columns, IReadOnlyList<string> Classes) ScoreColumns(PredictionFile file, IReadOnlyList<string>? names, string? prefix, int label)
    {
        if (names is not null)
        {
            var columns = names.Select(n => Find(file, n, "--score-columns", "List the score columns with --score-columns A,B,C (one per class, named by the class).")).ToArray();
            return (columns, columns.Select(c => file.Columns[c]).ToList());
        }

        var matching = Enumerable.Range(0, file.Columns.Count)
            .Where(c => c != label && file.Columns[c].StartsWith(prefix!, StringComparison.Ordinal) && file.Columns[c].Length > prefix!.Length).ToArray();
        if (matching.Length < 2)
        {
            throw file.HeaderError(null,
                string.Create(CultureInfo.InvariantCulture, $"--score-prefix is '{prefix}', but {matching.Length} column(s) start with it and name a class; multiclass scores need at least two. The columns are: {string.Join(", ", file.Columns)}"),
                "Pass the prefix the score columns share (compared exactly), or list them with --score-columns A,B,C.");
        }

        return (matching, matching.Select(c => file.Columns[c][prefix!.Length..]).ToList());
    }

    /// <summary>The threshold as the output states it, e.g. "threshold 0.5 (the default)".</summary>
    public string DescribeThreshold() => string.Create(CultureInfo.InvariantCulture, $"threshold {Threshold:R} ({ThresholdReason})");

    private static (int Column, double Threshold, string Reason) DefaultScore(PredictionFile file)
    {
        foreach (var (name, comparison, threshold, reason) in ScoreDefaults)
        {
            if (file.IndexOf(name, comparison) is var column and >= 0)
            {
                return (column, threshold, reason);
            }
        }

        throw file.HeaderError(null,
            $"no score column: none is named 'score', 'Probability' or 'Score' (ignoring case); the columns are: {string.Join(", ", file.Columns)}",
            "Name the score column with --score-column COLUMN, or compare predicted labels with --predicted-column COLUMN.");
    }

    internal static int Find(PredictionFile file, string name, string? option, string fix)
    {
        var index = file.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            var named = option is null ? $"no column '{name}'" : $"{option} names '{name}', but there is no such column";
            throw file.HeaderError(name, $"{named} (names are compared ignoring case); the columns are: {string.Join(", ", file.Columns)}", fix);
        }

        return index;
    }
}
