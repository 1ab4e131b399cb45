using System.Collections.Immutable;
using ClassicalML.Data;
using FsCheck.Xunit;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace ClassicalML.Models.Tests;

public class BaggingTests
{
    private const int Rows = 150;

    private static (MLContext Context, IDataView Data, bool[] Labels) MakeData(int rows = Rows)
    {
        var context = new MLContext(seed: 1);
        var synthetic = SyntheticData.MakeClassification(seed: 3, samples: rows, features: 5, informative: 3, redundant: 1, flipY: 0.05);
        return (context, synthetic.ToDataset().ToDataView(context), synthetic.GetLabels());
    }

    private static IEstimator<ITransformer> Logistic(MLContext context) =>
        context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 });

    private static IEstimator<ITransformer> SmallTree(MLContext context) =>
        context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 3, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 2, NumberOfThreads = 1,
        });

    private static float[] ReadSingle(IDataView view, string name)
    {
        var column = view.Schema[name];
        var values = new List<float>();
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<float>(column);
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(value);
        }

        return [.. values];
    }

    [Fact]
    public void Fit_SameSeed_IdenticalSamplesAndPredictions()
    {
        var (context, data, _) = MakeData();
        var options = new BaggingOptions { NumberOfMembers = 4, Seed = 11 };
        var a = new BaggingEstimator(SmallTree(context), options).Fit(data);
        var b = new BaggingEstimator(SmallTree(context), options).Fit(data);
        var c = new BaggingEstimator(SmallTree(context), options with { Seed = 12 }).Fit(data);

        Assert.Equal(a.Samples.Select(s => s.ToArray()), b.Samples.Select(s => s.ToArray()));
        Assert.Equal(ReadSingle(a.Transform(data), "Score"), ReadSingle(b.Transform(data), "Score"));
        Assert.Equal(a.OutOfBag.Scores.ToArray(), b.OutOfBag.Scores.ToArray());
        Assert.NotEqual(a.Samples[0].ToArray(), c.Samples[0].ToArray());
    }

    [Fact]
    public void DrawSamples_Bootstrap_NRowsSortedWithRepeats()
    {
        var samples = BaggingEstimator.DrawSamples(200, new BaggingOptions { NumberOfMembers = 20, Seed = 5 });
        Assert.Equal(20, samples.Length);
        Assert.All(samples, s =>
        {
            Assert.Equal(200, s.Length);
            Assert.Equal(s.Order(), s);
            Assert.All(s, row => Assert.InRange(row, 0, 199));
        });

        // A bootstrap sample of n rows holds about 63.2% distinct rows; every one of 20 samples has repeats.
        Assert.All(samples, s => Assert.True(s.Distinct().Count() < 200));
    }

    [Fact]
    public void DrawSamples_WithoutReplacement_DistinctRows()
    {
        var samples = BaggingEstimator.DrawSamples(101, new BaggingOptions { NumberOfMembers = 5, SampleFraction = 0.5, WithReplacement = false, Seed = 2 });
        Assert.All(samples, s =>
        {
            Assert.Equal(50, s.Length); // ⌊0.5 · 101⌋
            Assert.Equal(50, s.Distinct().Count());
        });
    }

    [Fact]
    public void DrawSamples_ManyMembers_EachRowOutOfBagForAbout368Percent()
    {
        const int n = 500;
        const int m = 400;
        var samples = BaggingEstimator.DrawSamples(n, new BaggingOptions { NumberOfMembers = m, Seed = 9 });
        var outOfBag = samples.Sum(s => n - s.Distinct().Count());
        var share = outOfBag / (double)(n * m);
        var expected = Math.Pow(1 - (1.0 / n), n); // 0.3675
        Assert.InRange(share, expected - 0.005, expected + 0.005);

        // Per row too: each row's share over 400 members is binomial(400, 0.3675) / 400, SD 0.024; allow 5 SD.
        var perRow = new int[n];
        foreach (var s in samples)
        {
            foreach (var row in Enumerable.Range(0, n).Except(s))
            {
                perRow[row]++;
            }
        }

        Assert.All(perRow, count => Assert.InRange(count / (double)m, expected - 0.12, expected + 0.12));
    }

    [Property(MaxTest = 200)]
    public void DrawSamples_AnyOptions_SizesAndRangeHold(int seed, byte nRaw, byte membersRaw, byte fractionRaw, bool replacement)
    {
        var n = 1 + nRaw;
        var members = 1 + (membersRaw % 10);
        var fraction = (1 + fractionRaw) / 256.0;
        var options = new BaggingOptions { NumberOfMembers = members, SampleFraction = fraction, WithReplacement = replacement, Seed = seed };
        var samples = BaggingEstimator.DrawSamples(n, options);
        var size = Math.Max(1, (int)Math.Floor(fraction * n));
        Assert.Equal(members, samples.Length);
        Assert.All(samples, s =>
        {
            Assert.Equal(size, s.Length);
            Assert.All(s, row => Assert.InRange(row, 0, n - 1));
            Assert.Equal(s.Order(), s);
            if (!replacement)
            {
                Assert.Equal(size, s.Distinct().Count());
            }
        });
        Assert.Equal(samples.Select(s => s.ToArray()), BaggingEstimator.DrawSamples(n, options).Select(s => s.ToArray()));
    }

    [Fact]
    public void OutOfBag_Rows_AreExactlyThoseNotDrawnAndAveraged()
    {
        var (context, data, labels) = MakeData();
        var model = new BaggingEstimator(Logistic(context), new BaggingOptions { NumberOfMembers = 6, Seed = 4 }).Fit(data);
        var oob = model.OutOfBag;
        for (var i = 0; i < Rows; i++)
        {
            var outOf = Enumerable.Range(0, 6).Where(j => !model.Samples[j].Contains(i)).ToArray();
            Assert.Equal(outOf.Length, oob.MemberCounts[i]);
            if (outOf.Length == 0)
            {
                Assert.True(double.IsNaN(oob.Scores[i]));
                Assert.Contains(i, oob.RowsWithoutMembers);
            }
            else
            {
                var expected = outOf.Average(j => model.TrainingPredictions.Member(j)[i]);
                Assert.Equal(expected, oob.Scores[i], 12);
            }
        }

        Assert.Equal(labels, oob.Labels.ToArray());
        Assert.Equal(Rows, oob.CoveredRows.Length + oob.RowsWithoutMembers.Length);
        Assert.Equal(oob.CoveredRows.Length, oob.Report!.N);
        Assert.True(oob.ScoresAreProbabilities);
        Assert.NotNull(oob.Report.LogLoss);
    }

    [Fact]
    public void OutOfBag_OneMember_RowsWithoutMembersAreTheDrawnRows()
    {
        var (context, data, _) = MakeData();
        var model = new BaggingEstimator(Logistic(context), new BaggingOptions { NumberOfMembers = 1, Seed = 8 }).Fit(data);
        var drawn = model.Samples[0].Distinct().Order().ToArray();
        Assert.Equal(drawn, model.OutOfBag.RowsWithoutMembers.ToArray());
        Assert.Equal(Rows - drawn.Length, model.OutOfBag.Report!.N);
    }

    [Fact]
    public void OutOfBag_EveryRowDrawnByEveryMember_NoReportAndAllRowsListed()
    {
        var (context, data, _) = MakeData(40);
        var model = new BaggingEstimator(Logistic(context), new BaggingOptions { NumberOfMembers = 2, WithReplacement = false }).Fit(data);
        Assert.Null(model.OutOfBag.Report);
        Assert.Equal(Enumerable.Range(0, 40), model.OutOfBag.RowsWithoutMembers);
        Assert.All(model.OutOfBag.Scores, s => Assert.True(double.IsNaN(s)));
    }

    [Fact]
    public void Transform_IdenticalMembers_EqualsOneMemberFittedOnAllRows()
    {
        var (context, data, labels) = MakeData();
        // Without replacement and fraction 1 every member sees every row in order; a deterministic trainer fits equal members.
        var model = new BaggingEstimator(SmallTree(context), new BaggingOptions { NumberOfMembers = 5, WithReplacement = false }).Fit(data);
        var single = SmallTree(context).Fit(data);
        var expected = ReadSingle(single.Transform(data), "Probability");
        var bagged = ReadSingle(model.Transform(data), "Probability");
        Assert.Equal(expected.Length, bagged.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], bagged[i], 6);
        }

        var members = model.PredictMembers(data);
        Assert.Equal(1.0, members.MeanErrorCorrelation(labels), 12);
    }

    [Fact]
    public void Transform_ProbabilityAggregation_WritesScoreProbabilityAndPredictedLabel()
    {
        var (context, data, _) = MakeData();
        var model = new BaggingEstimator(SmallTree(context), new BaggingOptions { NumberOfMembers = 3, Seed = 1 }).Fit(data);
        var scored = model.Transform(data);
        Assert.Equal(NumberDataViewType.Single, scored.Schema["Score"].Type);
        Assert.Equal(NumberDataViewType.Single, scored.Schema["Probability"].Type);
        Assert.Equal(BooleanDataViewType.Instance, scored.Schema["PredictedLabel"].Type);
        Assert.Equal(ReadSingle(scored, "Score"), ReadSingle(scored, "Probability"));
        var staged = model.PredictMembers(data).Staged([3]);
        Assert.Equal(staged[0].Select(s => (float)s), ReadSingle(scored, "Score"));

        // ML.NET's own evaluator accepts the output (the member's annotations are carried over).
        var metrics = context.BinaryClassification.Evaluate(scored);
        Assert.InRange(metrics.AreaUnderRocCurve, 0.5, 1.0);
        Assert.Equal(scored.Schema.Select(c => c.Name), model.GetOutputSchema(data.Schema).Select(c => c.Name));
    }

    [Fact]
    public void Transform_ScoreAggregation_NoProbabilityColumnThresholdZero()
    {
        var (context, data, _) = MakeData();
        var forest = context.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options { NumberOfTrees = 3, NumberOfThreads = 1 });
        var model = new BaggingEstimator(forest, new BaggingOptions { NumberOfMembers = 3, Aggregation = BaggingAggregation.Score }).Fit(data);
        var scored = model.Transform(data);
        Assert.Null(scored.Schema.GetColumnOrNull("Probability"));
        Assert.Equal(0.0, model.Threshold);
        Assert.False(model.OutOfBag.ScoresAreProbabilities);
        var metrics = context.BinaryClassification.EvaluateNonCalibrated(scored);
        Assert.InRange(metrics.AreaUnderRocCurve, 0.5, 1.0);
    }

    [Fact]
    public void Transform_VoteAggregation_ScoreIsShareOfPositiveVotes()
    {
        var (context, data, _) = MakeData();
        var model = new BaggingEstimator(SmallTree(context), new BaggingOptions { NumberOfMembers = 4, Seed = 3, Aggregation = BaggingAggregation.Vote }).Fit(data);
        var scores = ReadSingle(model.Transform(data), "Score");
        Assert.All(scores, s => Assert.Contains(s, new[] { 0f, 0.25f, 0.5f, 0.75f, 1f }));
        Assert.Equal(0.5, model.Threshold);
    }

    [Fact]
    public void Staged_Sizes_MatchRunningMeans()
    {
        var (context, data, _) = MakeData();
        var model = new BaggingEstimator(Logistic(context), new BaggingOptions { NumberOfMembers = 4, Seed = 6 }).Fit(data);
        var members = model.PredictMembers(data);
        var staged = members.Staged([4, 1, 2, 2]);
        Assert.Equal(members.Member(0).ToArray(), staged[1]);
        Assert.Equal(staged[2], staged[3]);
        for (var i = 0; i < Rows; i++)
        {
            Assert.Equal((members.Member(0)[i] + members.Member(1)[i]) / 2, staged[2][i], 12);
            Assert.Equal(Enumerable.Range(0, 4).Average(j => members.Member(j)[i]), staged[0][i], 12);
        }

        Assert.Equal(staged[0], members.Ensemble(4));
    }

    [Fact]
    public void OutOfBagOfFirst_AllMembers_EqualsOutOfBag()
    {
        var (context, data, _) = MakeData();
        var model = new BaggingEstimator(Logistic(context), new BaggingOptions { NumberOfMembers = 5, Seed = 2 }).Fit(data);
        Assert.Equal(model.OutOfBag.Scores.ToArray(), model.OutOfBagOfFirst(5).Scores.ToArray());
        Assert.True(model.OutOfBagOfFirst(2).RowsWithoutMembers.Length >= model.OutOfBag.RowsWithoutMembers.Length);
    }

    [Fact]
    public void ErrorCorrelations_HandMadeVotes_PhiCoefficients()
    {
        // Labels all positive; votes of 1 are right, 0 are errors. Member 0 and 1 err on the same rows, member 2 elsewhere.
        double[][] votes =
        [
            [0, 0, 1, 1],
            [0, 0, 1, 1],
            [1, 1, 0, 0],
            [1, 1, 1, 1],
        ];
        var predictions = new MemberPredictions(votes, 4, BaggingAggregation.Vote, 0.5);
        var rho = predictions.ErrorCorrelations([true, true, true, true]);
        Assert.Equal(1.0, rho[0, 1], 12);
        Assert.Equal(-1.0, rho[0, 2], 12);
        Assert.True(double.IsNaN(rho[0, 3])); // member 3 never errs: undefined
        Assert.Equal(1.0, rho[2, 2], 12);
        Assert.True(double.IsNaN(rho[3, 3]));
        Assert.Equal(-1.0 / 3, predictions.MeanErrorCorrelation([true, true, true, true]), 12); // (1 − 1 − 1) / 3
        Assert.Equal(new[] { 1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3 }, predictions.Ensemble(3));
    }

    [Fact]
    public void Constructor_NoMembers_Throws()
    {
        var context = new MLContext(0);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BaggingEstimator(Logistic(context), new BaggingOptions { NumberOfMembers = 0 }));
        Assert.Equal("options.NumberOfMembers is 0; it must be at least 1. A bagging ensemble needs at least 1 member (the default is 10). (Parameter 'options')\nActual value was 0.", ex.Message);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.5, "1.5")]
    [InlineData(double.NaN, "NaN")]
    public void Constructor_SampleFractionOutOfRange_Throws(double fraction, string text)
    {
        var context = new MLContext(0);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BaggingEstimator(Logistic(context), new BaggingOptions { SampleFraction = fraction }));
        Assert.StartsWith($"options.SampleFraction is {text}; it must be greater than 0 and at most 1. It is the share of the training rows each member draws; use 1 for a bootstrap sample of n rows. (Parameter 'options')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UndefinedAggregation_Throws()
    {
        var context = new MLContext(0);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BaggingEstimator(Logistic(context), new BaggingOptions { Aggregation = (BaggingAggregation)7 }));
        Assert.StartsWith("options.Aggregation is 7, which is not a BaggingAggregation member; it must be one of Probability, Score, Vote. Pass a named member, e.g. BaggingAggregation.Probability. (Parameter 'options')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyLabelName_Throws()
    {
        var context = new MLContext(0);
        var ex = Assert.Throws<ArgumentException>(() => new BaggingEstimator(Logistic(context), new BaggingOptions { LabelColumnName = "" }));
        Assert.Equal("options.LabelColumnName is empty; it must contain text. The out-of-bag evaluation reads the Boolean label column; pass its name (default \"Label\"). (Parameter 'options')", ex.Message);
    }

    [Fact]
    public void Fit_MissingLabelColumn_ThrowsNamingColumns()
    {
        var (context, data, _) = MakeData();
        var ex = Assert.Throws<ArgumentException>(() => new BaggingEstimator(Logistic(context), new BaggingOptions { LabelColumnName = "y" }).Fit(data));
        Assert.StartsWith("options.LabelColumnName is 'y', but the data view has no such column; available columns: 'Label', ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("Pass the name of the label column. (Parameter 'options.LabelColumnName')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NonBooleanLabel_Throws()
    {
        var (context, data, _) = MakeData();
        var ex = Assert.Throws<ArgumentException>(() => new BaggingEstimator(Logistic(context), new BaggingOptions { LabelColumnName = "LabelText" }).Fit(data));
        Assert.Equal("options.LabelColumnName is 'LabelText', a column of type String; bagging of binary trainers needs a Boolean label. Map a two-class label to Boolean first (e.g. with mlContext.Transforms.Expression or CustomMapping), or use a one-versus-rest label. (Parameter 'options.LabelColumnName')", ex.Message);
    }

    [Fact]
    public void Fit_EmptyData_Throws()
    {
        var (context, data, _) = MakeData();
        var empty = data.Select(ReadOnlySpan<int>.Empty);
        var ex = Assert.Throws<ArgumentException>(() => new BaggingEstimator(Logistic(context)).Fit(empty));
        Assert.Equal("input is empty; at least one element is required. The ensemble needs at least one training row; pass a non-empty training view. (Parameter 'input')", ex.Message);
    }

    [Fact]
    public void Fit_UncalibratedMemberWithProbabilityAggregation_ThrowsWithFix()
    {
        var (context, data, _) = MakeData();
        var forest = context.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options { NumberOfTrees = 2, NumberOfThreads = 1 });
        var ex = Assert.Throws<InvalidOperationException>(() => new BaggingEstimator(forest, new BaggingOptions { NumberOfMembers = 2 }).Fit(data));
        Assert.StartsWith("Member 0 wrote no 'Probability' column, which aggregation Probability averages; its output has ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("Uncalibrated trainers such as FastForest write no probability: set BaggingOptions.Aggregation to BaggingAggregation.Score or Vote, or calibrate the member.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Staged_SizeAboveMembers_Throws()
    {
        var predictions = new MemberPredictions([[1.0], [0.0]], 1, BaggingAggregation.Vote, 0.5);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => predictions.Staged([1, 3]));
        Assert.StartsWith("sizes[1] is 3; an ensemble size must be between 1 and the 2 members. Drop sizes above 2 or fit more members. (Parameter 'sizes')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_WrongLabelCount_Throws()
    {
        var predictions = new MemberPredictions([[1.0, 0.0]], 2, BaggingAggregation.Vote, 0.5);
        var ex = Assert.Throws<ArgumentException>(() => predictions.ErrorCorrelations([true]));
        Assert.Equal("labels has 1 values but 2 rows were scored; pass the labels of the scored rows, in row order. (Parameter 'labels')", ex.Message);
    }

    [Fact]
    public void OutOfBagOfFirst_Zero_Throws()
    {
        var (context, data, _) = MakeData();
        var model = new BaggingEstimator(Logistic(context), new BaggingOptions { NumberOfMembers = 2 }).Fit(data);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => model.OutOfBagOfFirst(0));
        Assert.StartsWith("members is 0; it must be between 1 and 2. Pass an ensemble size up to the model's members. (Parameter 'members')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_Always_NotSupported()
    {
        var (context, data, _) = MakeData();
        var model = new BaggingEstimator(Logistic(context), new BaggingOptions { NumberOfMembers = 1 }).Fit(data);
        var ex = Assert.Throws<NotSupportedException>(() => context.Model.Save(model, data.Schema, new MemoryStream()));
        Assert.Equal("BaggingModel cannot be saved with mlContext.Model.Save; save its members one by one and refit the ensemble from the same seed.", ex.Message);
    }
    [Fact]
    public void Fit_Factory_CalledOncePerMemberIndex()
    {
        var (context, data, _) = MakeData();
        var seen = new List<int>();
        var model = new BaggingEstimator(j => { seen.Add(j); return Logistic(context); }, new BaggingOptions { NumberOfMembers = 3 }).Fit(data);
        Assert.Equal([0, 1, 2], seen);
        Assert.Equal(3, model.MemberCount);
        Assert.Equal(Rows, model.TrainingRowCount);
    }

    [Fact]
    public void Fit_FactoryReturnsNull_Throws()
    {
        var (context, data, _) = MakeData();
        var ex = Assert.Throws<InvalidOperationException>(() => new BaggingEstimator(j => j == 1 ? null! : Logistic(context), new BaggingOptions { NumberOfMembers = 2 }).Fit(data));
        Assert.Equal("The member factory returned null for member 1; it must return an estimator for every index 0 to 1.", ex.Message);
    }
}
