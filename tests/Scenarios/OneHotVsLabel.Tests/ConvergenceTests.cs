using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Scenarios.OneHotVsLabel;

namespace ClassicalML.Scenarios.OneHotVsLabel.Tests;

public sealed class ConvergenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void LogisticOptions_GermanCreditFirstFold_Converge(int encodingIndex)
    {
        // The scenario's logistic settings on German credit (one-hot, label, mixed): refitting with 1/100 of the
        // tolerance must barely move the fit, or the scenario's fits stop early.
        var encoding = (CategoricalEncoding)encodingIndex;
        var german = Datasets.GermanCredit();
        var splits = new RepeatedStratifiedKFold(5, 1, 57).Split<bool>(german.BinaryLabels());
        var check = EncodingRuns.CheckConvergence(german, encoding, splits[0], 57, 4);
        Assert.True(check.Converged, $"{encoding}: weights moved by {check.WeightChange}, objective by {check.ObjectiveChange}");
        Assert.Equal(int.MaxValue, check.IterationCap);
    }
}
