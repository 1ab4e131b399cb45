using ClassicalML.Data.Training;

namespace ClassicalML.Data.Tests.Training;

public class ClassWeightsTests
{
    [Fact]
    public void Balanced_OnePositiveInFour_GivesScikitLearnWeights()
    {
        // compute_sample_weight("balanced", [1, 0, 0, 0]) = n / (2 n_c): 4 / 2 = 2 for the positive, 4 / 6 for the negatives.
        Assert.Equal([2f, 4f / 6f, 4f / 6f, 4f / 6f], ClassWeights.Balanced([true, false, false, false]));
    }

    [FsCheck.Xunit.Property]
    public bool Balanced_BothClassesPresent_EachClassCarriesHalfTheWeight(bool[] labels)
    {
        if (!labels.Contains(true) || !labels.Contains(false))
        {
            return true;
        }

        var w = ClassWeights.Balanced(labels);
        double positive = labels.Select((l, i) => l ? (double)w[i] : 0).Sum();
        double negative = labels.Select((l, i) => l ? 0 : (double)w[i]).Sum();
        return Math.Abs(positive - (labels.Length / 2.0)) < 1e-4 * labels.Length && Math.Abs(negative - (labels.Length / 2.0)) < 1e-4 * labels.Length;
    }

    [Fact]
    public void Balanced_OneClassOnly_TwoClassFormulaGivesOneHalf() => Assert.Equal([0.5f, 0.5f], ClassWeights.Balanced([false, false]));
}
