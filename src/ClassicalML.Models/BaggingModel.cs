using System.Collections.Immutable;
using System.Globalization;
using ClassicalML.Evaluation;
using ClassicalML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Models;

/// <summary>
/// A fitted bagging ensemble (<see cref="BaggingEstimator"/>): its members, their samples, its out-of-bag predictions,
/// and a <see cref="Transform"/> that appends Score, Probability (probability aggregation only) and PredictedLabel.
/// </summary>
/// <remarks>
/// <para>Score of row i: s(i) = (1/M) Σ_j v_j(i), where v_j is member j's probability, raw score or vote
/// (<see cref="Aggregation"/>); PredictedLabel = s(i) ≥ <see cref="Threshold"/>.</para>
/// <para><see cref="Transform"/> scores eagerly: every member transforms the input and its column is read into an array
/// (M passes), then the view returned wraps the input with the averaged columns. It is not a row-to-row mapper, so
/// prediction engines and model saving are not supported.</para>
/// </remarks>
public sealed class BaggingModel : ITransformer
{
    private const string PredictedLabel = "PredictedLabel";

    private readonly ITransformer[] members;
    private readonly bool[] trainingLabels;
    private readonly MemberPredictions training;

    internal BaggingModel(ITransformer[] members, ImmutableArray<int>[] samples, bool[] trainingLabels, double[][] trainingOutputs, BaggingAggregation aggregation)
    {
        this.members = members;
        this.trainingLabels = trainingLabels;
        Samples = samples;
        Aggregation = aggregation;
        Threshold = aggregation == BaggingAggregation.Score ? 0.0 : 0.5;
        training = new MemberPredictions(trainingOutputs, trainingLabels.Length, aggregation, Threshold);
        OutOfBag = OutOfBagOfFirst(members.Length);
    }

    /// <summary>The fitted members, in fitting order.</summary>
    public IReadOnlyList<ITransformer> Members => members;

    /// <summary>The number of members M.</summary>
    public int MemberCount => members.Length;

    /// <summary>Each member's sample: the training row indices it was fitted on, ascending, repeats included.</summary>
    public IReadOnlyList<ImmutableArray<int>> Samples { get; }

    /// <summary>The number of training rows n.</summary>
    public int TrainingRowCount => trainingLabels.Length;

    /// <summary>What the members' outputs are and how they are averaged.</summary>
    public BaggingAggregation Aggregation { get; }

    /// <summary>The decision threshold on Score: 0.5 for probabilities and votes, 0 for raw scores.</summary>
    public double Threshold { get; }

    /// <summary>The out-of-bag predictions of all M members on the training rows.</summary>
    public OutOfBagPredictions OutOfBag { get; }

    /// <summary>The members' outputs on the training rows, computed while fitting (for out-of-bag curves without rescoring).</summary>
    public MemberPredictions TrainingPredictions => training;

    /// <inheritdoc/>
    bool ITransformer.IsRowToRowMapper => false;

    /// <summary>The out-of-bag predictions of the ensemble of the first <paramref name="members"/> members, for an
    /// out-of-bag error curve versus ensemble size.</summary>
    /// <param name="members">How many members, 1 to M.</param>
    /// <returns>For each training row, the mean over the first <paramref name="members"/> members whose sample excludes it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="members"/> is outside 1 to M.</exception>
    public OutOfBagPredictions OutOfBagOfFirst(int members)
    {
        Preconditions.CheckArgumentRange(members, 1, MemberCount, nameof(members), "Pass an ensemble size up to the model's members.");

        var n = TrainingRowCount;
        var sums = new double[n];
        var counts = new int[n];
        var inBag = new bool[n];
        for (var j = 0; j < members; j++)
        {
            Array.Clear(inBag);
            foreach (var row in Samples[j])
            {
                inBag[row] = true;
            }

            var output = training.Member(j);
            for (var i = 0; i < n; i++)
            {
                if (!inBag[i])
                {
                    sums[i] += output[i];
                    counts[i]++;
                }
            }
        }

        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            scores[i] = counts[i] > 0 ? sums[i] / counts[i] : double.NaN;
        }

        return new OutOfBagPredictions(trainingLabels, scores, counts, members, Threshold, Aggregation == BaggingAggregation.Probability);
    }

    /// <summary>Every member's output on <paramref name="data"/> (M passes over the data).</summary>
    /// <param name="data">Data with the columns the members read.</param>
    /// <returns>The members' probabilities, raw scores or votes, per member and row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public MemberPredictions PredictMembers(IDataView data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var outputs = new double[members.Length][];
        for (var j = 0; j < members.Length; j++)
        {
            outputs[j] = MemberOutput.Read(members[j].Transform(data), Aggregation, j);
        }

        return new MemberPredictions(outputs, outputs[0].Length, Aggregation, Threshold);
    }

    /// <summary>Scores <paramref name="input"/>: its columns plus Score, Probability (probability aggregation only) and PredictedLabel.</summary>
    /// <param name="input">Data with the columns the members read.</param>
    /// <returns>A view over <paramref name="input"/> with the averaged columns (Single Score and Probability, Boolean PredictedLabel).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scores = PredictMembers(input).Ensemble(MemberCount);
        var single = Array.ConvertAll(scores, s => (float)s);
        var predicted = Array.ConvertAll(scores, s => s >= Threshold);
        var member = members[0].GetOutputSchema(input.Schema);
        var output = new DataViewBuilder();
        foreach (var name in OutputColumns())
        {
            _ = name == PredictedLabel
                ? output.AddBoolean(name, predicted, AnnotationsOf(member, name))
                : output.AddSingle(name, single, AnnotationsOf(member, name));
        }

        return output.AppendTo(input);
    }

    /// <summary>The output schema: the input's columns, then Score, Probability (probability aggregation only) and
    /// PredictedLabel, with the annotations of the first member's columns (so ML.NET's evaluators accept them).</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <returns>The output schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var member = members[0].GetOutputSchema(inputSchema);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        foreach (var name in OutputColumns())
        {
            builder.AddColumn(name, name == PredictedLabel ? BooleanDataViewType.Instance : NumberDataViewType.Single, AnnotationsOf(member, name));
        }

        return builder.ToSchema();
    }

    /// <summary>The columns <see cref="Transform"/> appends, in order: Score, Probability (probability aggregation only), PredictedLabel.</summary>
    private string[] OutputColumns() => Aggregation == BaggingAggregation.Probability
        ? ["Score", "Probability", PredictedLabel]
        : ["Score", PredictedLabel];

    private static DataViewSchema.Annotations AnnotationsOf(DataViewSchema member, string name) =>
        member.GetColumnOrNull(name)?.Annotations ?? DataViewSchema.Annotations.Empty;

    /// <summary>Not supported: the ensemble scores whole views (<see cref="Transform"/>), not single rows.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new NotSupportedException("BaggingModel is not a row-to-row mapper, so it cannot back a PredictionEngine; call Transform on a data view instead.");

    /// <summary>Not supported: a bagging model cannot be saved with ML.NET's model format.</summary>
    /// <param name="ctx">The save context.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("BaggingModel cannot be saved with mlContext.Model.Save; save its members one by one and refit the ensemble from the same seed.");
}
