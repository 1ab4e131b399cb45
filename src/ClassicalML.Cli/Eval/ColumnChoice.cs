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

    public static ColumnChoice Binary(PredictionFile file, string? labelOption, string? scoreOption, double? thresholdOption)
    {
        var label = Find(file, labelOption ?? "label", labelOption is null ? null : "--label-column", "Name the label column with --label-column COLUMN.");
        int score;
        double threshold = DefaultThreshold;
        string reason = "the default";
        if (scoreOption is not null)
        {
            score = Find(file, scoreOption, "--score-column", "Name the score column with --score-column COLUMN.");
        }
        else if ((score = file.IndexOf("score", StringComparison.Ordinal)) >= 0)
        {
        }
        else if ((score = file.IndexOf("Probability", StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            reason = "the default, for ML.NET's calibrated Probability";
        }
        else if ((score = file.IndexOf("Score", StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            threshold = 0;
            reason = "ML.NET's rule for a Score column without Probability: the score is a margin";
        }
        else
        {
            throw file.HeaderError(null,
                $"no score column: none is named 'score', 'Probability' or 'Score' (ignoring case); the columns are: {string.Join(", ", file.Columns)}",
                "Name the score column with --score-column COLUMN, or compare predicted labels with --predicted-column COLUMN.");
        }

        return thresholdOption is { } t
            ? new ColumnChoice(label, score, t, "--threshold", true)
            : new ColumnChoice(label, score, threshold, reason, false);
    }

    public static ColumnChoice Multiclass(PredictionFile file, string? labelOption, string predictedOption) =>
        new(Find(file, labelOption ?? "label", labelOption is null ? null : "--label-column", "Name the label column with --label-column COLUMN."),
            Find(file, predictedOption, "--predicted-column", "Name the predicted-label column with --predicted-column COLUMN."),
            double.NaN, string.Empty, false);

    /// <summary>The threshold as the output states it, e.g. "score >= 0.5 is positive (the default)".</summary>
    public string DescribeThreshold() => string.Create(CultureInfo.InvariantCulture, $"threshold {Threshold:R} ({ThresholdReason})");

    private static int Find(PredictionFile file, string name, string? option, string fix)
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
