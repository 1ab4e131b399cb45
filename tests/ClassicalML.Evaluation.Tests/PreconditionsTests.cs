namespace ClassicalML.Evaluation.Tests;

/// <summary>Bad arguments: whole messages are asserted (the "(Parameter ...)" suffix .NET adds is not).</summary>
public class PreconditionsTests
{
    [Fact]
    public void Evaluate_EmptyInput_ThrowsNamingLabels()
    {
        var ex = Assert.Throws<ArgumentException>(() => BinaryEvaluation.Evaluate([], []));

        Assert.Equal("labels", ex.ParamName);
        Assert.StartsWith("labels is empty; at least one element is required. Pass the labels and scores of one or more examples.", ex.Message);
    }

    [Fact]
    public void Auc_LengthMismatch_ThrowsNamingBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Roc.Auc([true, false, true], [0.1, 0.2]));

        Assert.Equal("scores", ex.ParamName);
        Assert.StartsWith("labels has 3 elements but scores has 2; they must have the same length (one score per label). Pass parallel arrays of equal length.", ex.Message);
    }

    [Fact]
    public void Curve_NaNScore_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => PrecisionRecall.Curve([true, false, true], [0.1, double.NaN, 0.3]));

        Assert.Equal("scores", ex.ParamName);
        Assert.StartsWith("scores[1] is NaN; every element must be a finite number. Remove or impute non-finite scores before evaluating.", ex.Message);
    }

    [Fact]
    public void RocCurve_PositiveInfinityScore_ThrowsNamingIndexAndValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => Roc.Curve([true, false], [double.PositiveInfinity, 0.3]));

        Assert.StartsWith("scores[0] is +infinity; every element must be a finite number.", ex.Message);
    }

    [Fact]
    public void Evaluate_NaNThreshold_ThrowsOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BinaryEvaluation.Evaluate([true], [0.4], threshold: double.NaN));

        Assert.Equal("threshold", ex.ParamName);
        Assert.StartsWith("threshold is NaN; it must be a number. Pass a number such as 0.5 for probabilities or 0 for decision-function values (a row is predicted positive when score >= threshold).", ex.Message);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+infinity")]
    public void Evaluate_InvalidBeta_ThrowsWithValueAndFix(double beta, string shown)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BinaryEvaluation.Evaluate([true], [0.4], beta: beta));

        Assert.Equal("beta", ex.ParamName);
        Assert.StartsWith($"beta is {shown}; it must be a finite number greater than 0. Pass a positive beta such as 1, 0.5 or 2 (beta < 1 weighs precision more, beta > 1 weighs recall more).", ex.Message);
    }

    [Fact]
    public void Evaluate_UndefinedZeroDivisionValue_ThrowsListingMembers()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BinaryEvaluation.Evaluate([true], [0.4], zeroDivision: (ZeroDivision)7));

        Assert.Equal("zeroDivision", ex.ParamName);
        Assert.StartsWith("zeroDivision is 7, which is not a ZeroDivision member; it must be one of Zero, One, NaN. Pass a named member, e.g. ZeroDivision.Zero.", ex.Message);
    }

    [Fact]
    public void Evaluate_InfiniteThreshold_IsAllowed()
    {
        BinaryReport r = BinaryEvaluation.Evaluate([true, false], [0.4, 0.6], threshold: double.PositiveInfinity);

        Assert.Equal(0, r.TruePositives + r.FalsePositives);
    }
}
