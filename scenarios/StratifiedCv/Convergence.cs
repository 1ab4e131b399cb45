using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Models.Convergence;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>The convergence check of one representative fit.</summary>
/// <param name="Fit">Which fit, e.g. "satellite-200, one training fold".</param>
/// <param name="Rows">Training rows.</param>
/// <param name="WeightChange">||w - w*|| / ||w*|| (weights and bias) between the fit and the tight refit.</param>
/// <param name="LossChange">|L - L*| / L* of the training log loss between the fit and the tight refit.</param>
internal sealed record ConvergenceCheck(string Fit, int Rows, double WeightChange, double LossChange)
{
    public bool Converged => WeightChange < ConvergenceChecks.MaxWeightChange && LossChange < ConvergenceChecks.MaxLossChange;
}

/// <summary>
/// ML.NET's L-BFGS does not report how many iterations it ran, so a fit's convergence is checked by refitting it with
/// 10 times the iteration cap and 1/100 of the tolerance: if the weights move by less than 1% and the training log loss
/// by less than 0.01%, the fit had converged rather than stopped at its cap.
/// </summary>
internal static class ConvergenceChecks
{
    public const double MaxWeightChange = 1e-2;
    public const double MaxLossChange = 1e-4;

    /// <summary>Checks the learner on one representative fit of each kind the scenario makes: a training fold of the
    /// small data set, a training fold of a letter-Z subsample of the grid's largest size, and credit-g without the
    /// distribution case's group.</summary>
    public static IReadOnlyList<ConvergenceCheck> Representative(Learner learner, CaseData small, CaseData letter, int gridRows, ShiftResult shift, int seed)
    {
        var ml = new MLContext(seed);
        var smallFold = Experiment.Split(small.Labels, Splitter.Stratified, 5, seed).Folds[0];
        var letterRows = TrainTestSplit.Stratified<bool>(letter.Labels, (double)gridRows / letter.Rows, seed).TestIndices;
        int[] rest = [.. Enumerable.Range(0, shift.Members.Length).Where(i => !shift.Members[i])];
        return
        [
            Check($"{small.Name}, one training fold of 5", ml, learner, small.View.Select(smallFold.TrainIndices.AsSpan())),
            Check($"{letter.Name}, {gridRows} rows (stratified subsample)", ml, learner, letter.View.Select(letterRows.AsSpan())),
            Check($"credit-g without {shift.Chosen.Attribute} = {shift.Chosen.Level}", ml, learner, shift.Data.View.Select(rest)),
        ];
    }

    public static ConvergenceCheck Check(string name, MLContext ml, Learner learner, IDataView train)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(train);
        var tight = learner with { MaximumIterations = learner.MaximumIterations * 10, Tolerance = learner.Tolerance / 100 };
        // The library's check reports the two changes; whether they count as converged is this scenario's rule (both limits, strict).
        var changes = LinearConvergence.Check(learner.Pipeline(ml), tight.Pipeline(ml), train, MaxWeightChange);
        int rows = checked((int)(train.GetRowCount() ?? train.GetColumn<bool>("Label").LongCount()));
        return new ConvergenceCheck(name, rows, changes.WeightChange, changes.LossChange);
    }
}
