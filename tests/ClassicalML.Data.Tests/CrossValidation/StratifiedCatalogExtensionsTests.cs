using ClassicalML.Data.Splits;
using ClassicalML.Data.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data.Tests.Training;

public class StratifiedCatalogExtensionsTests
{
    private readonly MLContext ml = new(seed: 0);

    /// <summary>Sonar with the label also as a key column and as a Single 0/1 column.</summary>
    private IDataView SonarWithLabelKinds() =>
        ml.Transforms.Conversion.MapValueToKey("LabelKey", "LabelText")
            .Append(ml.Transforms.Conversion.ConvertType("LabelNumber", "Label", DataKind.Single))
            .Fit(Datasets.Sonar().ToDataView(ml))
            .Transform(Datasets.Sonar().ToDataView(ml));

    [Theory]
    [InlineData("Label")]
    [InlineData("LabelText")]
    [InlineData("LabelKey")]
    [InlineData("LabelNumber")]
    public void StratifiedTrainTestSplit_AnyLabelKind_SameRowsAsTrainTestSplitStratified(string labelColumn)
    {
        var data = Datasets.Sonar();
        var expected = TrainTestSplit.Stratified<bool>(data.BinaryLabels(), 0.2, seed: 7);
        var view = SonarWithLabelKinds();

        var split = ml.Data.StratifiedTrainTestSplit(view, testFraction: 0.2, labelColumnName: labelColumn, seed: 7);

        var x0 = data.GetNumeric(data.Schema.NumericColumns[0]);
        Assert.Equal(expected.TestIndices.Select(i => (float)x0[i]), split.TestSet.GetColumn<float>(data.Schema.NumericColumns[0]));
        Assert.Equal(expected.TrainIndices.Select(i => (float)x0[i]), split.TrainSet.GetColumn<float>(data.Schema.NumericColumns[0]));
    }

    [Theory]
    [InlineData(0.1, 0)]
    [InlineData(0.2, 1)]
    [InlineData(0.33, 2)]
    public void StratifiedTrainTestSplit_Sonar_KeepsClassRatioWithinOneRow(double testFraction, int seed)
    {
        var view = Datasets.Sonar().ToDataView(ml);
        var labels = view.GetColumn<bool>("Label").ToArray();
        var positives = labels.Count(l => l);

        var split = ml.Data.StratifiedTrainTestSplit(view, testFraction, seed: seed);

        var test = split.TestSet.GetColumn<bool>("Label").ToArray();
        var train = split.TrainSet.GetColumn<bool>("Label").ToArray();
        Assert.Equal((int)Math.Ceiling(testFraction * labels.Length), test.Length);
        Assert.Equal(labels.Length, test.Length + train.Length);
        Assert.True(Math.Abs(test.Count(l => l) - (testFraction * positives)) < 1, $"{test.Count(l => l)} test positives of {positives}");
        Assert.True(Math.Abs(test.Count(l => !l) - (testFraction * (labels.Length - positives))) < 1, $"{test.Count(l => !l)} test negatives");
    }

    [Fact]
    public void StratifiedTrainTestSplit_SameSeed_SameRowsOtherSeedOtherRows()
    {
        var view = Datasets.Sonar().ToDataView(ml);

        var a = ml.Data.StratifiedTrainTestSplit(view, 0.25, seed: 11).TestSet.GetColumn<float[]>("Features").Select(v => v[0]).ToArray();
        var b = ml.Data.StratifiedTrainTestSplit(view, 0.25, seed: 11).TestSet.GetColumn<float[]>("Features").Select(v => v[0]).ToArray();
        var c = ml.Data.StratifiedTrainTestSplit(view, 0.25, seed: 12).TestSet.GetColumn<float[]>("Features").Select(v => v[0]).ToArray();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void StratifiedTrainTestSplit_MissingLabelColumn_Throws()
    {
        var view = TrainingData.Imbalanced(10).ToDataView(ml);

        var ex = Assert.Throws<ArgumentException>(() => ml.Data.StratifiedTrainTestSplit(view, labelColumnName: "Target"));

        Assert.Equal("labelColumnName is 'Target', but the data view has no such column; available columns: 'Label', 'LabelText', 'x0', 'x1', 'x2', 'Features'. Pass the name of the label column. (Parameter 'labelColumnName')", ex.Message);
    }

    [Fact]
    public void StratifiedTrainTestSplit_VectorLabel_Throws()
    {
        var view = TrainingData.Imbalanced(10).ToDataView(ml);

        var ex = Assert.Throws<ArgumentException>(() => ml.Data.StratifiedTrainTestSplit(view, labelColumnName: "Features"));

        Assert.Equal("labelColumnName is 'Features', a column of type Vector<Single, 3>; stratification needs a Boolean, key, text or numeric scalar column. Pass the name of a scalar label column. (Parameter 'labelColumnName')", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void StratifiedTrainTestSplit_FractionOutOfRange_Throws(double testFraction)
    {
        var view = TrainingData.Imbalanced(10).ToDataView(ml);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Data.StratifiedTrainTestSplit(view, testFraction));

        Assert.Equal("testFraction", ex.ParamName);
        Assert.StartsWith(FormattableString.Invariant($"testFraction is {testFraction}; it must be greater than 0 and less than 1. Use e.g. testFraction: 0.2."), ex.Message);
    }

    [Fact]
    public void StratifiedCrossValidate_Sonar_FoldClassCountsDifferByAtMostOne()
    {
        var view = Datasets.Sonar().ToDataView(ml);

        var result = ml.BinaryClassification.StratifiedCrossValidate(view, TrainingData.Logistic(ml), numberOfFolds: 5, seed: 1);

        Assert.Equal(5, result.Folds.Length);
        var positives = result.Folds.Select(f => f.Predictions.Labels.Count(l => l)).ToArray();
        var negatives = result.Folds.Select(f => f.Predictions.Labels.Count(l => !l)).ToArray();
        Assert.True(positives.Max() - positives.Min() <= 1, string.Join(",", positives));
        Assert.True(negatives.Max() - negatives.Min() <= 1, string.Join(",", negatives));
        Assert.Equal(208, result.OutOfFold.Count);
        Assert.True(result.Pooled.RocAuc > 0.7, $"pooled AUC {result.Pooled.RocAuc}");
        Assert.Equal(result.Folds.Average(f => f.Report.RocAuc), result.Summary(r => r.RocAuc).Mean, 12);
    }

    [Fact]
    public void StratifiedCrossValidate_SameSeed_SameFoldsAsStratifiedKFold()
    {
        var data = TrainingData.Imbalanced();
        var view = data.ToDataView(ml);
        var expected = new StratifiedKFold(3, shuffle: true, seed: 4).Split<bool>(data.BinaryLabels());

        var result = new MLContext(seed: 0).BinaryClassification.StratifiedCrossValidate(view, TrainingData.Logistic(new MLContext(seed: 0)), 3, seed: 4);
        var again = new MLContext(seed: 0).BinaryClassification.StratifiedCrossValidate(view, TrainingData.Logistic(new MLContext(seed: 0)), 3, seed: 4);

        Assert.Equal(expected.Folds.Select(f => f.TestIndices.ToArray()), result.Folds.Select(f => f.Predictions.RowIndices.ToArray()));
        Assert.Equal(result, again);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void StratifiedCrossValidate_FewerThanTwoFolds_Throws(int folds)
    {
        var view = TrainingData.Imbalanced(10).ToDataView(ml);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.StratifiedCrossValidate(view, TrainingData.Logistic(ml), folds));

        Assert.Equal("numberOfFolds", ex.ParamName);
        Assert.StartsWith($"numberOfFolds is {folds}; it must be at least 2. Pass 5 or 10, the usual choices. (Parameter 'numberOfFolds')", ex.Message);
    }

    [Fact]
    public void StratifiedCrossValidate_MissingLabelColumn_Throws()
    {
        var view = TrainingData.Imbalanced(10).ToDataView(ml);

        var ex = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.StratifiedCrossValidate(view, TrainingData.Logistic(ml), 2, labelColumnName: "y"));

        Assert.Equal("labelColumnName is 'y', but the data view has no such column; available columns: 'Label', 'LabelText', 'x0', 'x1', 'x2', 'Features'. Pass the name of the label column. (Parameter 'labelColumnName')", ex.Message);
    }

    [Theory]
    [InlineData("x0", "Single")]
    [InlineData("LabelText", "String")]
    public void StratifiedCrossValidate_NonBooleanLabel_Throws(string labelColumn, string typeName)
    {
        var view = TrainingData.Imbalanced(10).ToDataView(ml);

        var ex = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.StratifiedCrossValidate(view, TrainingData.Logistic(ml), 2, labelColumnName: labelColumn));

        Assert.Equal($"labelColumnName is '{labelColumn}', a column of type {typeName}; binary cross-validation needs a Boolean label. Map a two-class label to Boolean first (e.g. with mlContext.Transforms.Expression or CustomMapping), or use a one-versus-rest label. (Parameter 'labelColumnName')", ex.Message);
    }

    [Fact]
    public void StratifiedCrossValidate_MoreFoldsThanAnyClass_Throws()
    {
        var view = TrainingData.Imbalanced(8).ToDataView(ml);

        var ex = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.StratifiedCrossValidate(view, TrainingData.Logistic(ml), 7));

        Assert.Equal("k is 7 but every class in strata has fewer members (the largest has 6); no class can reach every fold. Use k <= 6, or stratify on a coarser key. (Parameter 'strata')", ex.Message);
    }
}
