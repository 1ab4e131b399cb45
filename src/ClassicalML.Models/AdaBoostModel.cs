using System.Collections.Immutable;
using ClassicalML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Models;

/// <summary>
/// A fitted AdaBoost (SAMME) ensemble (<see cref="AdaBoostEstimator"/>): its members, their weights α_m and weighted
/// training errors, the row weights boosting ended with, and a <see cref="Transform"/> that appends Score and PredictedLabel.
/// </summary>
/// <remarks>
/// <para>Score(x) = Σ_m α_m h_m(x) / Σ_m α_m, h_m(x) = +1 if member m predicts the positive class and −1 otherwise;
/// PredictedLabel = Score &gt; 0; Score is scikit-learn's <c>decision_function</c> for two classes.</para>
/// <para><see cref="Transform"/> scores eagerly (one pass per member) and is not a row-to-row mapper: no prediction
/// engine, no model saving.</para>
/// </remarks>
public sealed class AdaBoostModel : ITransformer
{
    private readonly ITransformer[] members;

    internal AdaBoostModel(ITransformer[] members, double[] alphas, double[] errors, double[] rowWeights, AdaBoostStop stop)
    {
        this.members = members;
        EstimatorWeights = [.. alphas];
        EstimatorErrors = [.. errors];
        RowWeights = [.. rowWeights];
        Stop = stop;
    }

    /// <summary>The fitted members h_1 … h_M, in boosting order.</summary>
    public IReadOnlyList<ITransformer> Members => members;

    /// <summary>The number of members kept, M (fewer than the rounds asked for when boosting stopped early).</summary>
    public int MemberCount => members.Length;

    /// <summary>α_m = ν · (log((1 − err_m)/err_m) + log(K − 1)) of every member (1 for a member with error 0), as scikit-learn's <c>estimator_weights_</c>.</summary>
    public ImmutableArray<double> EstimatorWeights { get; }

    /// <summary>err_m = Σ_i w_i [h_m(x_i) ≠ y_i], the weighted training error of every member on the weights it was fitted with, as scikit-learn's <c>estimator_errors_</c>.</summary>
    public ImmutableArray<double> EstimatorErrors { get; }

    /// <summary>
    /// The training rows' weights after every kept member's update, summing to 1: w_i ∝ exp(Σ_m α_m [h_m(x_i) ≠ y_i])
    /// (without the update of a member with error 0). These are the weights a further round would be fitted on; they show
    /// where boosting concentrates (scikit-learn skips the last update, since it fits no further member).
    /// </summary>
    public ImmutableArray<double> RowWeights { get; }

    /// <summary>Why boosting stopped.</summary>
    public AdaBoostStop Stop { get; }

    /// <inheritdoc/>
    bool ITransformer.IsRowToRowMapper => false;

    /// <summary>Every member's vote h_m(x_i) ∈ {−1, +1} on <paramref name="data"/> (one pass per member).</summary>
    /// <param name="data">Data with the columns the members read.</param>
    /// <returns>Votes per member, then per row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public double[][] PredictMembers(IDataView data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var votes = new double[members.Length][];
        for (var m = 0; m < members.Length; m++)
        {
            votes[m] = Array.ConvertAll(MemberOutput.Read(members[m].Transform(data), BaggingAggregation.Vote, m), v => v > 0.5 ? 1.0 : -1.0);
        }

        return votes;
    }

    /// <summary>The Score of the ensemble of the first m members, for every m = 1 … M (as scikit-learn's
    /// <c>staged_decision_function</c>), from one pass per member and a running sum.</summary>
    /// <param name="data">Data with the columns the members read.</param>
    /// <returns>Entry m − 1 holds Σ_{k≤m} α_k h_k(x_i) / Σ_{k≤m} α_k for every row i.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public IReadOnlyList<double[]> StagedScores(IDataView data)
    {
        var votes = PredictMembers(data);
        var staged = new List<double[]>(members.Length);
        var sum = new double[votes[0].Length];
        double alphaSum = 0;
        for (var m = 0; m < members.Length; m++)
        {
            alphaSum += EstimatorWeights[m];
            var scores = new double[sum.Length];
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += EstimatorWeights[m] * votes[m][i];
                scores[i] = sum[i] / alphaSum;
            }

            staged.Add(scores);
        }

        return staged;
    }

    /// <summary>Scores <paramref name="input"/>: its columns plus Score and PredictedLabel.</summary>
    /// <param name="input">Data with the columns the members read.</param>
    /// <returns>A view over <paramref name="input"/> with Single Score and Boolean PredictedLabel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scores = StagedScores(input)[^1];
        var single = Array.ConvertAll(scores, s => (float)s);
        var predicted = Array.ConvertAll(scores, s => s > 0);
        var member = members[0].GetOutputSchema(input.Schema);
        return new DataViewBuilder()
            .AddSingle("Score", single, AnnotationsOf(member, "Score"))
            .AddBoolean("PredictedLabel", predicted, AnnotationsOf(member, "PredictedLabel"))
            .AppendTo(input);
    }

    /// <summary>The output schema: the input's columns, then Score and PredictedLabel with the first member's annotations.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <returns>The output schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var member = members[0].GetOutputSchema(inputSchema);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumn("Score", NumberDataViewType.Single, AnnotationsOf(member, "Score"));
        builder.AddColumn("PredictedLabel", BooleanDataViewType.Instance, AnnotationsOf(member, "PredictedLabel"));
        return builder.ToSchema();
    }

    /// <summary>Not supported: the ensemble scores whole views (<see cref="Transform"/>), not single rows.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new NotSupportedException("AdaBoostModel is not a row-to-row mapper, so it cannot back a PredictionEngine; call Transform on a data view instead.");

    /// <summary>Not supported: an AdaBoost model cannot be saved with ML.NET's model format.</summary>
    /// <param name="ctx">The save context.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("AdaBoostModel cannot be saved with mlContext.Model.Save; refit it from the same data and seed.");

    private static DataViewSchema.Annotations AnnotationsOf(DataViewSchema member, string name) =>
        member.GetColumnOrNull(name)?.Annotations ?? DataViewSchema.Annotations.Empty;
}
