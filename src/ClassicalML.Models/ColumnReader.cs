using ClassicalML.Data.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Models;

/// <summary>Reads one scalar column of a data view into an array of doubles, one pass per call.</summary>
internal static class ColumnReader
{
    /// <summary>The values of a Boolean label column (read by ClassicalML.Data's <see cref="LabelColumns"/>), with bagging's fix when it is not Boolean.</summary>
    public static bool[] ReadBoolean(IDataView data, string name, string argument) =>
        LabelColumns.ReadBoolean(data, name, argument, column =>
            $"{argument} is '{name}', a column of type {column.Type}; bagging of binary trainers needs a Boolean label. Map the label to Boolean first (e.g. with mlContext.Transforms.Expression or CustomMapping).");

    /// <summary>A member's output used for aggregation: probability, raw score or vote (0 or 1), as doubles.</summary>
    public static double[] ReadMemberOutput(IDataView scored, BaggingAggregation aggregation, int member)
    {
        var name = aggregation switch
        {
            BaggingAggregation.Probability => "Probability",
            BaggingAggregation.Score => "Score",
            _ => "PredictedLabel",
        };
        if (scored.Schema.GetColumnOrNull(name) is not { } column)
        {
            var available = string.Join(", ", scored.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
            var fix = aggregation == BaggingAggregation.Probability
                ? "Uncalibrated trainers such as FastForest write no probability: set BaggingOptions.Aggregation to BaggingAggregation.Score or Vote, or calibrate the member."
                : "The member must be a binary classification trainer (or a pipeline ending in one).";
            throw new InvalidOperationException(FormattableString.Invariant(
                $"Member {member} wrote no '{name}' column, which aggregation {aggregation} averages; its output has {available}. {fix}"));
        }

        var values = new List<double>();
        using var cursor = scored.GetRowCursor([column]);
        if (column.Type == BooleanDataViewType.Instance)
        {
            var getter = cursor.GetGetter<bool>(column);
            var value = false;
            while (cursor.MoveNext())
            {
                getter(ref value);
                values.Add(value ? 1.0 : 0.0);
            }
        }
        else if (column.Type == NumberDataViewType.Single)
        {
            var getter = cursor.GetGetter<float>(column);
            var value = 0f;
            while (cursor.MoveNext())
            {
                getter(ref value);
                values.Add(value);
            }
        }
        else if (column.Type == NumberDataViewType.Double)
        {
            var getter = cursor.GetGetter<double>(column);
            var value = 0.0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                values.Add(value);
            }
        }
        else
        {
            throw new InvalidOperationException(FormattableString.Invariant(
                $"Member {member} wrote '{name}' of type {column.Type}; bagging reads Single, Double or (for votes) Boolean. The member must be a binary classification trainer."));
        }

        return [.. values];
    }

    /// <summary>The number of rows, counted with a cursor when the view does not know it.</summary>
    public static int RowCount(IDataView data)
    {
        if (data.GetRowCount() is { } count)
        {
            return checked((int)count);
        }

        var n = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            n++;
        }

        return n;
    }
}
