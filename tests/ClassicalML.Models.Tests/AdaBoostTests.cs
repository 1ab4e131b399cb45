using System.Text.Json;
using ClassicalML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace ClassicalML.Models.Tests;

public class AdaBoostTests
{
    private static IEstimator<ITransformer> Stump(MLContext context, string weightColumn, int leaves = 2, int minimumPerLeaf = 1) =>
        context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 1, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minimumPerLeaf, LearningRate = 1.0, NumberOfThreads = 1,
            ExampleWeightColumnName = weightColumn,
        });

    private static (MLContext Context, IDataView Data) MakeData(int rows = 200)
    {
        var context = new MLContext(seed: 1);
        var synthetic = SyntheticData.MakeClassification(seed: 3, samples: rows, features: 5, informative: 3, redundant: 1, flipY: 0.1);
        return (context, synthetic.ToDataset().ToDataView(context));
    }

    [Fact]
    public void Reweight_OneOfFourWrong_HandComputedWeights()
    {
        // err = 1/4, α = log((1 − 1/4)/(1/4)) + log(1) = log 3; the wrong row's weight 1/4 · 3 = 3/4, the others 1/4,
        // sum 3/2: 1/2 and 1/6 each.
        double[] weights = [0.25, 0.25, 0.25, 0.25];
        bool[] incorrect = [false, true, false, false];
        var error = AdaBoostEstimator.WeightedError(weights, incorrect);
        var alpha = AdaBoostEstimator.MemberWeight(error, 1.0);
        var updated = AdaBoostEstimator.Reweight(weights, incorrect, alpha)!;

        Assert.Equal(0.25, error, 15);
        Assert.Equal(Math.Log(3), alpha, 15);
        Assert.Equal([1.0 / 6, 0.5, 1.0 / 6, 1.0 / 6], updated, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal(0.5 * Math.Log(3), AdaBoostEstimator.MemberWeight(0.25, 0.5), 15);
    }

    [Fact]
    public void Reweight_Overflow_ReturnsNull()
    {
        Assert.Null(AdaBoostEstimator.Reweight([0.5, 0.5], [true, false], 1e6));
    }

    [Fact]
    public void Fit_SameSeed_IdenticalModels()
    {
        var (context, data) = MakeData();
        var options = new AdaBoostOptions { NumberOfMembers = 8, Seed = 5 };
        var a = new AdaBoostEstimator(w => Stump(context, w), options).Fit(data);
        var b = new AdaBoostEstimator(w => Stump(context, w), options).Fit(data);

        Assert.Equal(a.EstimatorWeights.ToArray(), b.EstimatorWeights.ToArray());
        Assert.Equal(a.RowWeights.ToArray(), b.RowWeights.ToArray());
        Assert.Equal(a.StagedScores(data)[^1], b.StagedScores(data)[^1]);
    }

    [Fact]
    public void Fit_Weights_FollowFromMembersPredictions()
    {
        // w_i ∝ exp(Σ_m α_m [h_m(x_i) ≠ y_i]) after all updates; the Score is the α-weighted mean vote.
        var (context, data) = MakeData();
        var model = new AdaBoostEstimator(w => Stump(context, w, leaves: 4, minimumPerLeaf: 5), new AdaBoostOptions { NumberOfMembers = 6 }).Fit(data);
        var labels = data.GetColumn<bool>("Label").ToArray();
        var votes = model.PredictMembers(data);
        var log = labels.Select((y, i) => Enumerable.Range(0, model.MemberCount).Sum(m => (votes[m][i] > 0) != y ? model.EstimatorWeights[m] : 0)).ToArray();
        var max = log.Max();
        var expected = log.Select(l => Math.Exp(l - max)).ToArray();
        var sum = expected.Sum();

        Assert.Equal(AdaBoostStop.AllRounds, model.Stop);
        Assert.Equal(1.0, model.RowWeights.Sum(), 12);
        Assert.Equal(expected.Select(e => e / sum), model.RowWeights, (a, b) => Math.Abs(a - b) < 1e-12);
        var scores = model.Transform(data).GetColumn<float>("Score").ToArray();
        var alphaSum = model.EstimatorWeights.Sum();
        Assert.Equal(labels.Select((_, i) => Enumerable.Range(0, model.MemberCount).Sum(m => model.EstimatorWeights[m] * votes[m][i]) / alphaSum), scores.Select(s => (double)s), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void Fit_SeparableData_StopsAtPerfectMember()
    {
        var context = new MLContext(seed: 1);
        var x = new double[10, 1];
        var y = new bool[10];
        for (var i = 0; i < 10; i++)
        {
            x[i, 0] = i;
            y[i] = i >= 5;
        }

        var data = Dataset.FromNumeric("separable", x, y).ToDataView(context);
        var model = new AdaBoostEstimator(w => Stump(context, w), new AdaBoostOptions { NumberOfMembers = 5 }).Fit(data);

        Assert.Equal(AdaBoostStop.PerfectMember, model.Stop);
        Assert.Equal(1, model.MemberCount);
        Assert.Equal([1.0], model.EstimatorWeights.ToArray());
        Assert.Equal([0.0], model.EstimatorErrors.ToArray());
    }

    [Theory]
    [InlineData(0, 1.0, "options.NumberOfMembers is 0; it must be at least 1. AdaBoost needs at least 1 round (the default is 50). (Parameter 'options')\nActual value was 0.")]
    [InlineData(5, 0.0, "options.LearningRate is 0; it must be a finite number greater than 0. It scales every member's weight; use 1 (the default) or a smaller shrinkage such as 0.1. (Parameter 'options')\nActual value was 0.")]
    [InlineData(5, double.NaN, "options.LearningRate is NaN; it must be a finite number greater than 0. It scales every member's weight; use 1 (the default) or a smaller shrinkage such as 0.1. (Parameter 'options')\nActual value was NaN.")]
    public void Constructor_OutOfRange_NamesArgumentValueAndFix(int members, double learningRate, string message)
    {
        var context = new MLContext(seed: 1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AdaBoostEstimator(w => Stump(context, w), new AdaBoostOptions { NumberOfMembers = members, LearningRate = learningRate }));
        Assert.Equal(message, error.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Constructor_WeightColumnIsLabel_Throws()
    {
        var context = new MLContext(seed: 1);
        var error = Assert.Throws<ArgumentException>(() => new AdaBoostEstimator(w => Stump(context, w), new AdaBoostOptions { ExampleWeightColumnName = "Label" }));
        Assert.Equal("options.ExampleWeightColumnName is 'Label', the same as options.LabelColumnName; the weight column would hide the label. Choose another name (default \"AdaBoostWeight\"). (Parameter 'options')", error.Message);
        Assert.Throws<ArgumentNullException>(() => new AdaBoostEstimator((Func<string, IEstimator<ITransformer>>)null!));
    }

    public static TheoryData<string> ReferenceCases() => [.. Reference().Select(c => c.GetProperty("name").GetString()!)];

    /// <summary>scikit-learn's AdaBoostClassifier(algorithm="SAMME") with depth-1 trees against FastTree stumps on data
    /// whose best split both choose: the same α and errors (1e-9), staged errors, final row weights and decision function (which is the Score).</summary>
    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void Fit_ScikitLearnSamme_SameAlphasErrorsAndWeights(string name)
    {
        var c = Reference().Single(e => e.GetProperty("name").GetString() == name);
        var rows = c.GetProperty("x").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var x = new double[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                x[i, j] = rows[i][j];
            }
        }

        var y = c.GetProperty("y").EnumerateArray().Select(v => v.GetInt32() == 1).ToArray();
        var context = new MLContext(seed: 1);
        var data = Dataset.FromNumeric(name, x, y).ToDataView(context);
        var model = new AdaBoostEstimator(w => Stump(context, w), new AdaBoostOptions { NumberOfMembers = c.GetProperty("rounds").GetInt32(), LearningRate = c.GetProperty("learning_rate").GetDouble() }).Fit(data);

        Assert.Equal(Doubles(c, "estimator_weights"), model.EstimatorWeights, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(Doubles(c, "estimator_errors"), model.EstimatorErrors, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(Doubles(c, "final_row_weights"), model.RowWeights, (a, b) => Math.Abs(a - b) < 1e-9);
        var staged = model.StagedScores(data);
        Assert.Equal(Doubles(c, "staged_training_error"), staged.Select(s => s.Select((v, i) => (v > 0) != y[i] ? 1.0 : 0.0).Average()), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(Doubles(c, "decision_function"), staged[^1], (a, b) => Math.Abs(a - b) < 1e-9);
    }

    private static double[] Doubles(JsonElement c, string name) => [.. c.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];

    private static List<JsonElement> Reference()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "reference", "models", "adaboost_samme.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone())];
    }

}
