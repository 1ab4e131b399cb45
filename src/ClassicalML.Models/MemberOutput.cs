using ClassicalML.Data;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Models;

/// <summary>Reads a bagging member's output (probability, raw score or vote) with ClassicalML.Data's <see cref="ColumnReader"/>.</summary>
internal static class MemberOutput
{
    /// <summary>The purpose named when the label is not Boolean.</summary>
    public const string LabelPurpose = "bagging of binary trainers";

    /// <summary>The Boolean labels an ensemble trains on: <paramref name="input"/> must have at least one row.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> has no rows, or its label column is missing or not Boolean.</exception>
    public static bool[] ReadTrainingLabels(IDataView input, string labelColumnName)
    {
        ArgumentNullException.ThrowIfNull(input);
        var labels = ColumnReader.ReadBoolean(input, labelColumnName, "options.LabelColumnName", LabelPurpose);
        Preconditions.CheckNotEmpty(labels.Length, nameof(input), "The ensemble needs at least one training row; pass a non-empty training view.");
        return labels;
    }

    /// <summary>A member's output used for aggregation: probability, raw score or vote (0 or 1), as doubles.</summary>
    public static double[] Read(IDataView scored, BaggingAggregation aggregation, int member)
    {
        var name = ColumnName(aggregation);
        if (scored.Schema.GetColumnOrNull(name) is not { } column)
        {
            var available = string.Join(", ", scored.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
            var fix = aggregation == BaggingAggregation.Probability
                ? "Uncalibrated trainers such as FastForest write no probability: set BaggingOptions.Aggregation to BaggingAggregation.Score or Vote, or calibrate the member."
                : "The member must be a binary classification trainer (or a pipeline ending in one).";
            throw new InvalidOperationException(FormattableString.Invariant(
                $"Member {member} wrote no '{name}' column, which aggregation {aggregation} averages; its output has {available}. {fix}"));
        }

        if (column.Type != BooleanDataViewType.Instance && column.Type != NumberDataViewType.Single && column.Type != NumberDataViewType.Double)
        {
            throw new InvalidOperationException(FormattableString.Invariant(
                $"Member {member} wrote '{name}' of type {column.Type}; bagging reads Single, Double or (for votes) Boolean. The member must be a binary classification trainer."));
        }

        return ColumnReader.ReadNumbers(scored, name, nameof(scored));
    }

    private static string ColumnName(BaggingAggregation aggregation) => aggregation switch
    {
        BaggingAggregation.Probability => "Probability",
        BaggingAggregation.Score => "Score",
        _ => "PredictedLabel",
    };
}
