using ClassicalML.Data;
using ClassicalML.Data.Splits;
using Microsoft.ML;

namespace ClassicalML.Scenarios.StratifiedCv.Tests;

public sealed class ConvergenceTests
{
    private static readonly Learner Default = new StratifiedCvSettings().Learner;

    public static TheoryData<string> Fits() => new() { "satellite-160", "letter-800", "credit-g" };

    private static IDataView Training(string fit)
    {
        var ml = new MLContext(1);
        switch (fit)
        {
            case "satellite-160":
                var satellite = Datasets.Satellite();
                return satellite.ToDataView(ml, TrainTestSplit.Split(satellite.RowCount, 160.0 / satellite.RowCount, 7).TestIndices.AsSpan());
            case "letter-800":
                var letter = Datasets.LetterRecognition();
                return letter.ToDataView(ml, TrainTestSplit.Stratified<bool>(letter.BinaryLabels(), 800.0 / letter.RowCount, 7).TestIndices.AsSpan());
            default:
                var credit = Datasets.GermanCredit();
                return DistributionShift.Encode(credit, "housing", credit.BinaryLabels()).View;
        }
    }

    [Theory]
    [MemberData(nameof(Fits))]
    public void DefaultLearner_RepresentativeFit_ConvergesBeforeItsCap(string fit)
    {
        var check = ConvergenceChecks.Check(fit, new MLContext(1), Default, Training(fit));
        Assert.True(check.Converged, $"{fit}: weights moved {check.WeightChange:G3}, loss {check.LossChange:G3} when refitted with 10x the cap and 1/100 the tolerance");
    }

    [Fact]
    public void TwoIterations_IsReportedAsNotConverged()
    {
        var check = ConvergenceChecks.Check("satellite-160", new MLContext(1), Default with { MaximumIterations = 2 }, Training("satellite-160"));
        Assert.False(check.Converged);
    }
}
