namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// Every rule of the one argument checker with its whole message ("name is value; rule. Fix."): a rule has one wording
/// in every project. An <see cref="ArgumentOutOfRangeException"/> always carries the actual value.
/// </summary>
public class PreconditionRulesTests
{
    public static TheoryData<string, Action, string, string> Rules() => new()
    {
        { "CheckNotEmpty", () => Preconditions.CheckNotEmpty(0, "rows", "Pass one or more rows."), "rows", "rows is empty; at least one element is required. Pass one or more rows." },
        { "CheckSameLength", () => Preconditions.CheckSameLength(3, 2, "labels", "scores"), "scores", "labels has 3 elements but scores has 2; they must have the same length (one score per label). Pass parallel arrays of equal length." },
        { "CheckFinite", () => Preconditions.CheckFinite([1.0, double.NegativeInfinity], "x", "Impute it."), "x", "x[1] is -infinity; every element must be a finite number. Impute it." },
        { "CheckScores", () => Preconditions.CheckScores([double.NaN], "scores"), "scores", "scores[0] is NaN; every element must be a finite number. Remove or impute non-finite scores before evaluating." },
        { "CheckNotNaN", () => Preconditions.CheckNotNaN(double.NaN, "x", "Pass 0."), "x", "x is NaN; it must be a number. Pass 0." },
        { "CheckPositive", () => Preconditions.CheckPositive(0.0, "x", "Pass 1."), "x", "x is 0; it must be a finite number greater than 0. Pass 1." },
        { "CheckPositive infinity", () => Preconditions.CheckPositive(double.PositiveInfinity, "x", "Pass 1."), "x", "x is +infinity; it must be a finite number greater than 0. Pass 1." },
        { "CheckNonNegative", () => Preconditions.CheckNonNegative(-0.5, "x", "Pass 0."), "x", "x is -0.5; it must be a finite number of at least 0. Pass 0." },
        { "CheckOpenUnitInterval", () => Preconditions.CheckOpenUnitInterval(1.0, "x", "Pass 0.5."), "x", "x is 1; it must be greater than 0 and less than 1. Pass 0.5." },
        { "CheckFraction", () => Preconditions.CheckFraction(1.0, "x", "Pass 0."), "x", "x is 1; it must be at least 0 and less than 1. Pass 0." },
        { "CheckShare", () => Preconditions.CheckShare(0.0, "x", "Pass 1."), "x", "x is 0; it must be greater than 0 and at most 1. Pass 1." },
        { "CheckProbability", () => Preconditions.CheckProbability(1.5, "x", "Pass 0.5."), "x", "x is 1.5; it must be at least 0 and at most 1. Pass 0.5." },
        { "CheckAtLeast", () => Preconditions.CheckAtLeast(0, 1, "n", "Pass 10."), "n", "n is 0; it must be at least 1. Pass 10." },
        { "CheckArgumentRange", () => Preconditions.CheckArgumentRange(16, 0, 15, "digits", "Pass 3."), "digits", "digits is 16; it must be between 0 and 15. Pass 3." },
        { "CheckDefined", () => Preconditions.CheckDefined((ZeroDivision)7, "zeroDivision"), "zeroDivision", "zeroDivision is 7, which is not a ZeroDivision member; it must be one of Zero, One, NaN. Pass a named member, e.g. ZeroDivision.Zero." },
        { "CheckNotBlank", () => Preconditions.CheckNotBlank(" ", "name", "Pass a name."), "name", "name is empty; it must contain text. Pass a name." },
        { "CheckThreshold", () => Preconditions.CheckThreshold(double.NaN, "threshold"), "threshold", "threshold is NaN; it must be a number. Pass a number such as 0.5 for probabilities or 0 for decision-function values (a row is predicted positive when score >= threshold)." },
        { "CheckBeta", () => Preconditions.CheckBeta(-1, "beta"), "beta", "beta is -1; it must be a finite number greater than 0. Pass a positive beta such as 1, 0.5 or 2 (beta < 1 weighs precision more, beta > 1 weighs recall more)." },
        { "CheckConfidence", () => Preconditions.CheckConfidence(0.0), "confidence", "confidence is 0; it must be greater than 0 and less than 1. Pass, for example, 0.95 for a 95% interval." },
        { "CheckResamples", () => Preconditions.CheckResamples(0), "resamples", "resamples is 0; it must be at least 1. Pass, for example, 1000." },
        { "CheckFolds", () => Preconditions.CheckFolds(1), "k", "k is 1; it must be at least 2. Use k >= 2, e.g. k: 5." },
        { "CheckRowsForFolds", () => Preconditions.CheckRowsForFolds(5, 3, "rowCount"), "rowCount", "rowCount has 3 rows but k is 5; every fold needs at least one test row. Use k <= 3 or add rows." },
        { "CheckShuffleSeed seed", () => Preconditions.CheckShuffleSeed(false, 1), "seed", Preconditions.SeedWithoutShuffle },
        { "CheckShuffleSeed no seed", () => Preconditions.CheckShuffleSeed(true, null), "seed", Preconditions.ShuffleWithoutSeed },
        { "CheckSplitFractions test", () => Preconditions.CheckSplitFractions(0.0, 0.0), "testFraction", "testFraction is 0; it must be greater than 0 and less than 1. Use e.g. testFraction: 0.2." },
        { "CheckSplitFractions validation", () => Preconditions.CheckSplitFractions(0.2, -0.1), "validationFraction", "validationFraction is -0.1; it must be at least 0 and less than 1. Use 0 for a plain train/test split." },
        { "CheckNotEmpty named", () => Preconditions.CheckNotEmpty(0, "grid", "Pass a row.", "grid.Rows"), "grid", "grid.Rows is empty; at least one element is required. Pass a row." },
        { "CheckFiniteNumber", () => Preconditions.CheckFiniteNumber(double.NaN, "x", "Pass 0."), "x", "x is NaN; it must be a finite number. Pass 0." },
        { "CheckFiniteNumber named", () => Preconditions.CheckFiniteNumber(double.PositiveInfinity, "options", "Use null.", "options.Threshold"), "options", "options.Threshold is +infinity; it must be a finite number. Use null." },
        { "CheckAtLeast named", () => Preconditions.CheckAtLeast(0, 1, "options", "Use 1 or more.", "options.NumberOfMembers"), "options", "options.NumberOfMembers is 0; it must be at least 1. Use 1 or more." },
        { "CheckShare named", () => Preconditions.CheckShare(1.5, "options", "Use 1.", "options.SampleFraction"), "options", "options.SampleFraction is 1.5; it must be greater than 0 and at most 1. Use 1." },
        { "CheckPositive named", () => Preconditions.CheckPositive(double.NaN, "options", "Use 1.", "options.LearningRate"), "options", "options.LearningRate is NaN; it must be a finite number greater than 0. Use 1." },
        { "CheckDefined named", () => Preconditions.CheckDefined((ZeroDivision)7, "options", "options.ZeroDivision"), "options", "options.ZeroDivision is 7, which is not a ZeroDivision member; it must be one of Zero, One, NaN. Pass a named member, e.g. ZeroDivision.Zero." },
        { "CheckNotBlank named", () => Preconditions.CheckNotBlank("", "options", "Pass its name.", "options.LabelColumnName"), "options", "options.LabelColumnName is empty; it must contain text. Pass its name." },
        { "CheckBetween", () => Preconditions.CheckBetween(0.95, 0, 0.9, "holdsAt", "partlyAt", "Pass less."), "partlyAt", "partlyAt is 0.95; it must be at least 0 and at most holdsAt = 0.9. Pass less." },
        { "CheckRange min NaN", () => Preconditions.CheckRange(double.NaN, 1, false, "Fix it."), "max", "min is NaN; it must be a number. Fix it." },
        { "CheckRange reversed", () => Preconditions.CheckRange(2, 1, false, "Fix it."), "max", "max is 1; it must be at least min = 2. Fix it." },
        { "CheckRange open", () => Preconditions.CheckRange(1, 1, true, "Fix it."), "max", "max is 1; it must be greater than min = 1. Fix it." },
        { "CheckOneOf", () => Preconditions.CheckOneOf("maybe", ["no", "yes"], "positiveClass", "Name a class."), "positiveClass", "positiveClass is 'maybe'; it must be one of no, yes. Name a class." },
        { "CheckSameLength series", () => Preconditions.CheckSameLength(2, 1, "series", "styles"), "styles", "series has 2 elements but styles has 1; they must have the same length (one style per series). Pass parallel arrays of equal length." },
        { "RowIndexOutOfRange", () => throw Preconditions.RowIndexOutOfRange("rows", 2, 9, 3, "this data view"), "rows", "rows[2] is 9; a row index must be in [0, 3) for this data view. Pass indexes of existing rows." },
        { "CheckWeights negative", () => Preconditions.CheckWeights([true, false, true], [1.0, 0.0, -2.0]), "weights", "weights[2] is -2; it must be a finite number of at least 0. Pass a weight of at least 0 for every row (0 leaves the row out)." },
        { "CheckWeights NaN", () => Preconditions.CheckWeights([true, false], [double.NaN, 1.0]), "weights", "weights[0] is NaN; it must be a finite number of at least 0. Pass a weight of at least 0 for every row (0 leaves the row out)." },
        { "CheckWeights infinite", () => Preconditions.CheckWeights([true, false], [1.0, double.PositiveInfinity]), "weights", "weights[1] is +infinity; it must be a finite number of at least 0. Pass a weight of at least 0 for every row (0 leaves the row out)." },
        { "CheckWeights all zero", () => Preconditions.CheckWeights([true, false], [0.0, 0.0]), "weights", "weights are all 0; at least one weight must be greater than 0, or no row counts. Give the rows to evaluate a positive weight." },
        { "CheckWeights length", () => Preconditions.CheckWeights([true, false], [1.0]), "weights", "labels has 2 elements but weights has 1; they must have the same length (one weight per label). Pass parallel arrays of equal length." },
        { "CheckSplitFractions sum", () => Preconditions.CheckSplitFractions(0.5, 0.5), "validationFraction", "testFraction + validationFraction is 0.5 + 0.5 = 1; it must be less than 1 to leave training rows. Lower one of the fractions." },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_Violated_ThrowsItsMessage(string rule, Action check, string paramName, string message)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(check);

        Assert.Equal(paramName, ex.ParamName);
        string expected = $"{message} (Parameter '{paramName}')";
        if (ex is ArgumentOutOfRangeException outOfRange)
        {
            Assert.NotNull(outOfRange.ActualValue);
            expected += $"{Environment.NewLine}Actual value was {outOfRange.ActualValue}.";
        }

        Assert.True(expected == ex.Message, $"{rule}: expected{Environment.NewLine}{expected}{Environment.NewLine}got{Environment.NewLine}{ex.Message}");
    }

    [Fact]
    public void OutOfRangeRules_AlwaysCarryTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Preconditions.CheckAtLeast(-3, 0, "n", "Pass 0."));

        Assert.Equal(-3L, ex.ActualValue);
    }

    [Theory]
    [InlineData(1.0, 0.0, 1.0)]
    [InlineData(0.5, 0.5, 0.5)]
    public void Rules_AtTheirBoundaries_Pass(double positive, double nonNegative, double share)
    {
        Preconditions.CheckPositive(positive, "x", "");
        Preconditions.CheckNonNegative(nonNegative, "x", "");
        Preconditions.CheckShare(share, "x", "");
        Preconditions.CheckProbability(nonNegative, "x", "");
        Preconditions.CheckProbability(share, "x", "");
        Preconditions.CheckFraction(nonNegative, "x", "");
        Preconditions.CheckAtLeast(2, 2, "k", "");
        Preconditions.CheckArgumentRange(15, 0, 15, "digits", "");
        Preconditions.CheckSplitFractions(0.2, 0.0);
        Preconditions.CheckShuffleSeed(false, null);
        Preconditions.CheckShuffleSeed(true, 0);
        Preconditions.CheckFiniteNumber(-1e300, "x", "");
        Preconditions.CheckBetween(0.9, 0, 0.9, "holdsAt", "partlyAt", "");
        Preconditions.CheckBetween(0.0, 0, 0.9, "holdsAt", "partlyAt", "");
        Preconditions.CheckRange(1, 1, false, "");
        Preconditions.CheckRange(0, 1, true, "");
        Preconditions.CheckOneOf("yes", ["no", "yes"], "positiveClass", "");
    }
}
