using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Evaluation;

/// <summary>The multiclass part of the ML.NET adapter: score vectors with their class names, and predicted labels.</summary>
public static partial class DataViewEvaluation
{
    private const string SlotNames = "SlotNames";

    /// <summary>
    /// Evaluates the scores of a multiclass ML.NET model (<c>model.Transform(test)</c>) with
    /// <see cref="MulticlassScoreEvaluation.Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>: one-vs-rest and one-vs-one ROC AUC, per-class average
    /// precision, top-k accuracy, log loss, Brier score, and precision, recall, F1 and the confusion matrix of the
    /// arg-max predictions.
    /// </summary>
    /// <param name="predictions">Scored data of a multiclass trainer.</param>
    /// <param name="labelColumnName">Actual labels: a key column (read as its key values), or text.</param>
    /// <param name="scoreColumnName">The score vector, one slot per class (Single or Double, of known size).</param>
    /// <param name="options">Zero-division policy and top-k list; null for the defaults.</param>
    /// <param name="weightColumnName">Row weight column (Single or Double, each weight finite and at least 0; ML.NET's
    /// example weight, scikit-learn's <c>sample_weight</c>): every metric is weighted as in the weighted
    /// <see cref="MulticlassScoreEvaluation.Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, ReadOnlySpan{double}, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>;
    /// <see langword="null"/> (the default) for unweighted rows.</param>
    /// <returns>The full report, with the classes as text in the order of the score slots.</returns>
    /// <remarks>
    /// The class of each score slot comes from the score column's slot names, which ML.NET's multiclass scorers copy
    /// from the label's key values; without slot names, from the label column's key values. When both exist they must
    /// agree slot by slot, and when neither does the call is refused: the class order is never guessed. ML.NET's
    /// multiclass trainers output softmax probabilities in <c>Score</c> (SDCA maximum entropy, L-BFGS maximum entropy,
    /// LightGBM), so log loss and Brier score are defined; for other scores they are null and listed as undefined.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="predictions"/> is null.</exception>
    /// <exception cref="ArgumentException">A column is missing or has an unsupported type, the classes of the score slots
    /// are unknown or disagree with the label's key values, a label is missing, a score is not finite, or the weights are all 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite (the message names the column and row).</exception>
    public static MulticlassScoreReport<string> EvaluateMulticlass(
        this IDataView predictions,
        string labelColumnName = "Label",
        string scoreColumnName = "Score",
        MulticlassScoreOptions? options = null,
        string? weightColumnName = null)
    {
        var (actual, matrix, classes, weights) = ReadMulticlassScores(predictions, labelColumnName, scoreColumnName, weightColumnName);
        return weights is null
            ? MulticlassScoreEvaluation.Evaluate<string>(actual, matrix, classes, options)
            : MulticlassScoreEvaluation.Evaluate<string>(actual, matrix, weights, classes, options);
    }

    /// <summary>
    /// The labels, the score matrix with the class of each slot (see <see cref="EvaluateMulticlass(IDataView, string, string, MulticlassScoreOptions?, string?)"/>) and the weights
    /// (null without a weight column) of scored multiclass predictions: the one reader of a multiclass Score vector, also
    /// used by ClassicalML.Data's multiclass cross-validation.
    /// </summary>
    internal static (string[] Actual, ScoreMatrix Scores, string[] Classes, double[]? Weights) ReadMulticlassScores(
        this IDataView predictions, string labelColumnName, string scoreColumnName, string? weightColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var schema = predictions.Schema;
        var label = RequireColumn(schema, labelColumnName, nameof(labelColumnName));
        var score = RequireColumn(schema, scoreColumnName, nameof(scoreColumnName));
        var weight = weightColumnName is null ? (DataViewSchema.Column?)null : RequireColumn(schema, weightColumnName, nameof(weightColumnName));
        var classes = ScoreClasses(label, score);
        var readLabel = TextReader(label, nameof(labelColumnName));
        var readScores = ScoreVectorReader(score, classes.Length);
        var readWeight = weight is { } wc ? WeightReader(wc) : null;
        int rows = KnownRows(predictions);
        var actual = new List<string>(rows);
        var values = new List<double>((int)Math.Min(Array.MaxLength, (long)rows * classes.Length));
        List<double>? weights = weight is null ? null : new(rows);
        using (var cursor = predictions.GetRowCursor(weight is { } c ? new[] { label, score, c } : new[] { label, score }))
        {
            var getLabel = readLabel(cursor);
            var getScores = readScores(cursor);
            var getWeight = readWeight?.Invoke(cursor);
            while (cursor.MoveNext())
            {
                weights?.Add(getWeight!(actual.Count));
                actual.Add(getLabel());
                getScores(values);
            }
        }

        bool single = ((VectorDataViewType)score.Type).ItemType == NumberDataViewType.Single;
        var matrix = ScoreMatrix.Own(values.ToArray(), classes.Length, nameof(scoreColumnName), $"column '{score.Name}'", single);
        return (actual.ToArray(), matrix, classes, weights?.ToArray());
    }

    /// <summary>
    /// Evaluates multiclass predicted labels: the actual label column against the predicted label column, with
    /// <see cref="MulticlassEvaluation.Evaluate{TLabel}(ReadOnlySpan{TLabel}, ReadOnlySpan{TLabel}, IReadOnlyList{TLabel}?, ZeroDivision)"/>. For data views without scores; with a score vector,
    /// <see cref="EvaluateMulticlass(IDataView, string, string, MulticlassScoreOptions?, string?)"/> gives these metrics too.
    /// </summary>
    /// <param name="predictions">Scored data, e.g. <c>model.Transform(test)</c> of a multiclass trainer.</param>
    /// <param name="labelColumnName">Actual labels: a key column (mapped to its key values when it has them), text, or a number.</param>
    /// <param name="predictedLabelColumnName">Predicted labels, of the same kind as the actual labels.</param>
    /// <param name="zeroDivision">Value reported for undefined metrics.</param>
    /// <param name="weightColumnName">Row weight column (Single or Double, each weight finite and at least 0): the report
    /// is the weighted <see cref="MulticlassEvaluation.Evaluate{TLabel}(ReadOnlySpan{TLabel}, ReadOnlySpan{TLabel}, ReadOnlySpan{double}, IReadOnlyList{TLabel}?, ZeroDivision)"/>;
    /// <see langword="null"/> (the default) for unweighted rows.</param>
    /// <returns>The multiclass report, with labels as text (key values when the key column carries them).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predictions"/> is null.</exception>
    /// <exception cref="ArgumentException">A column is missing or has an unsupported type, or the weights are all 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite (the message names the column and row).</exception>
    public static MulticlassReport<string> EvaluateMulticlassLabels(
        this IDataView predictions,
        string labelColumnName = "Label",
        string predictedLabelColumnName = "PredictedLabel",
        ZeroDivision zeroDivision = ZeroDivision.Zero,
        string? weightColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var schema = predictions.Schema;
        var actual = RequireColumn(schema, labelColumnName, nameof(labelColumnName));
        var predicted = RequireColumn(schema, predictedLabelColumnName, nameof(predictedLabelColumnName));
        var weight = weightColumnName is null ? (DataViewSchema.Column?)null : RequireColumn(schema, weightColumnName, nameof(weightColumnName));
        var readActual = TextReader(actual, nameof(labelColumnName));
        var readPredicted = TextReader(predicted, nameof(predictedLabelColumnName));
        var readWeight = weight is { } wc ? WeightReader(wc) : null;
        int rows = KnownRows(predictions);
        var a = new List<string>(rows);
        var p = new List<string>(rows);
        List<double>? weights = weight is null ? null : new(rows);
        using (var cursor = predictions.GetRowCursor(weight is { } c ? new[] { actual, predicted, c } : new[] { actual, predicted }))
        {
            var getActual = readActual(cursor);
            var getPredicted = readPredicted(cursor);
            var getWeight = readWeight?.Invoke(cursor);
            while (cursor.MoveNext())
            {
                weights?.Add(getWeight!(a.Count));
                a.Add(getActual());
                p.Add(getPredicted());
            }
        }

        return weights is null
            ? MulticlassEvaluation.Evaluate<string>(a.ToArray(), p.ToArray(), labels: null, zeroDivision: zeroDivision)
            : MulticlassEvaluation.Evaluate<string>(a.ToArray(), p.ToArray(), weights.ToArray(), labels: null, zeroDivision: zeroDivision);
    }

    /// <summary>The class of each score slot: the slot names, else the label's key values; both, when present, must agree.</summary>
    private static string[] ScoreClasses(DataViewSchema.Column label, DataViewSchema.Column score)
    {
        if (score.Type is not VectorDataViewType { IsKnownSize: true } vector
            || (vector.ItemType != NumberDataViewType.Single && vector.ItemType != NumberDataViewType.Double))
        {
            throw new ArgumentException(
                $"Score column '{score.Name}' has type {score.Type}; multiclass scores must be a vector of Single or Double of known size, one slot per class. Pass the name of the multiclass score column.",
                "scoreColumnName");
        }

        var slotNames = TextAnnotation(score, SlotNames);
        var keyValues = label.Type is KeyDataViewType ? KeyNames(label) : null;
        var classes = slotNames is { } s && s.Any(n => n.Length > 0) ? s : keyValues;
        if (classes is null || classes.Length != vector.Size)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Score column '{score.Name}' has {vector.Size} slots but neither slot names nor key values of label column '{label.Name}' name {vector.Size} classes, so the class of each slot is unknown. Score with a model trained on a key label (MapValueToKey) so that ML.NET names the slots."),
                "scoreColumnName");
        }

        if (keyValues is not null && !ReferenceEquals(classes, keyValues))
        {
            for (int i = 0; i < classes.Length; i++)
            {
                Preconditions.CheckArgument(
                    i < keyValues.Length && string.Equals(classes[i], keyValues[i], StringComparison.Ordinal),
                    "scoreColumnName",
                    string.Create(CultureInfo.InvariantCulture, $"Slot {i} of score column '{score.Name}' is named '{classes[i]}' but key {i + 1} of label column '{label.Name}' is '{(i < keyValues.Length ? keyValues[i] : "(none)")}'; the scores and the labels must use the same class order. Score the data with the model that was trained with this label mapping."));
            }
        }

        return classes;
    }

    /// <summary>Reads a row's score vector (dense or sparse) and appends its slots to a list.</summary>
    private static Func<DataViewRowCursor, Action<List<double>>> ScoreVectorReader(DataViewSchema.Column column, int size)
    {
        if (((VectorDataViewType)column.Type).ItemType == NumberDataViewType.Single)
        {
            return cursor =>
            {
                var getter = cursor.GetGetter<VBuffer<float>>(column);
                VBuffer<float> buffer = default;
                return values =>
                {
                    getter(ref buffer);
                    foreach (var v in buffer.DenseValues().Take(size))
                    {
                        values.Add(v);
                    }
                };
            };
        }

        return cursor =>
        {
            var getter = cursor.GetGetter<VBuffer<double>>(column);
            VBuffer<double> buffer = default;
            return values =>
            {
                getter(ref buffer);
                values.AddRange(buffer.DenseValues().Take(size));
            };
        };
    }

    /// <summary>A text-vector annotation (slot names, key values) as strings, or null when the column has none.</summary>
    private static string[]? TextAnnotation(DataViewSchema.Column column, string kind)
    {
        var annotation = column.Annotations.Schema.GetColumnOrNull(kind);
        if (annotation is null || annotation.Value.Type is not VectorDataViewType { ItemType: TextDataViewType })
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> buffer = default;
        column.Annotations.GetValue(kind, ref buffer);
        return buffer.DenseValues().Select(v => v.ToString()).ToArray();
    }
}
