using ClassicalML.Data.Splits;
using ClassicalML.Scenarios.ReproducibleSplits;

namespace ClassicalML.Scenarios.ReproducibleSplits.Tests;

public sealed class TrainingTests
{
    /// <summary>The trainers as the scenario uses them converge on German credit: fails when a fit stops at its cap or tolerance too early.</summary>
    [Fact]
    public void Convergence_ScenarioSettings_BothLinearTrainersConverge()
    {
        var models = Models.Featurize(ClassicalML.Data.Datasets.GermanCredit());
        var train = AnswerSplit.Rows(AnswerSplit.Call(models.RowCount, 12345), SplitSet.Train);
        var rows = Training.Convergence(models, train, seed: 63);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.True(r.Result.Converged, $"{r.Trainer}: weights changed by {r.Result.WeightChange}, loss by {r.Result.LossChange}"));
    }
}
