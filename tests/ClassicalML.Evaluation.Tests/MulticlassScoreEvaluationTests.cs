using ClassicalML.Evaluation;
using FsCheck;
using FsCheck.Xunit;
using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

public sealed class MulticlassScoreEvaluationTests
{
    private static readonly string[] Animals = ["bird", "cat", "dog"];

    [Property]
    public bool Evaluate_TwoClasses_OvrAucEqualsBinaryAuc(int seed, PositiveInt size)
    {
        var (actual, scores) = Random(seed, size.Get % 60 + 2, 2, probabilities: false);
        var classes = new[] { 0, 1 };

        var report = MulticlassScoreEvaluation.Evaluate<int>(actual, scores, classes);

        var positive = actual.Select(a => a == 1).ToArray();
        if (positive.All(p => p) || !positive.Any(p => p))
        {
            return report.Undefined.Count >= 4;
        }

        var binary = Roc.Auc(positive, scores.Column(1));
        var negativeAuc = Roc.Auc(positive.Select(p => !p).ToArray(), scores.Column(0));
        return Close(report.PerClass[1].RocAuc, binary)
            && Close(report.PerClass[1].AveragePrecision, PrecisionRecall.AveragePrecision(positive, scores.Column(1)))
            && Close(report.RocAucOvoMacro, (binary + negativeAuc) / 2)
            && Close(report.RocAucOvoWeighted, (binary + negativeAuc) / 2);
    }

    [Property]
    public bool Evaluate_PermutedClassOrder_PermutesPerClassResults(int seed, PositiveInt size)
    {
        var (actual, scores) = Random(seed, size.Get % 80 + 1, 4, probabilities: true);
        int[] classes = [0, 1, 2, 3];
        int[] permutation = [2, 0, 3, 1];
        var permutedScores = ScoreMatrix.FromRows(Enumerable.Range(0, scores.RowCount)
            .Select(r => (IReadOnlyList<double>)permutation.Select(c => scores[r, c]).ToArray()).ToList());

        var report = MulticlassScoreEvaluation.Evaluate<int>(actual, scores, classes);
        var permuted = MulticlassScoreEvaluation.Evaluate<int>(actual, permutedScores, permutation);

        var perClassMatches = Enumerable.Range(0, 4).All(i =>
            permuted.PerClass[i] == report.PerClass[permutation[i]]
            && permuted.Predictions.PerClass[i].Support == report.Predictions.PerClass[permutation[i]].Support);
        return perClassMatches
            && Close(permuted.RocAucOvrMacro, report.RocAucOvrMacro)
            && Close(permuted.RocAucOvrWeighted, report.RocAucOvrWeighted)
            && Close(permuted.RocAucOvoMacro, report.RocAucOvoMacro)
            && Close(permuted.RocAucOvoWeighted, report.RocAucOvoWeighted)
            && Close(permuted.LogLoss!.Value, report.LogLoss!.Value)
            && Close(permuted.BrierScore!.Value, report.BrierScore!.Value);
    }

    [Property]
    public bool Evaluate_TwoClassProbabilities_LossesMatchBinaryEvaluation(int seed, PositiveInt size)
    {
        var (actual, scores) = Random(seed, size.Get % 60 + 1, 2, probabilities: true);
        var positive = actual.Select(a => a == 1).ToArray();

        var report = MulticlassScoreEvaluation.Evaluate<int>(actual, scores, [0, 1]);
        var binary = BinaryEvaluation.Evaluate(positive, scores.Column(1));

        // The binary Brier score sums over the positive class only: (p - y)² is half of the two-column sum.
        return Close(report.LogLoss!.Value, binary.LogLoss!.Value)
            && Close(report.BrierScore!.Value, 2 * binary.BrierScore!.Value);
    }

    [Property]
    public bool TopKAccuracy_AnyScores_GrowsWithKAndReachesOne(int seed, PositiveInt size)
    {
        var (actual, scores) = Random(seed, size.Get % 50 + 1, 5, probabilities: false);
        var accuracies = Enumerable.Range(1, 6).Select(k => MulticlassScoreEvaluation.TopKAccuracy<int>(actual, scores, [0, 1, 2, 3, 4], k)).ToArray();

        return accuracies.Zip(accuracies.Skip(1)).All(p => p.First <= p.Second) && accuracies[4] == 1.0 && accuracies[5] == 1.0;
    }

    [Fact]
    public void Evaluate_TiedRow_ArgMaxTakesFirstClassButTopOneTakesLast()
    {
        var scores = new ScoreMatrix(new[,] { { 0.4, 0.4, 0.2 }, { 0.1, 0.2, 0.7 } });
        string[] actual = ["bird", "dog"];

        var report = MulticlassScoreEvaluation.Evaluate<string>(actual, scores, Animals);

        Assert.Equal(["bird", "dog"], MulticlassScoreEvaluation.PredictedLabels(scores, Animals));
        Assert.Equal(1.0, report.Predictions.Accuracy);
        Assert.Equal(0.5, report.TopKAccuracy[1]); // scikit-learn ranks cat (the later column) ahead of bird
        Assert.Equal(1.0, report.TopKAccuracy[2]);
        Assert.Equal([1, 2, 3], report.TopKAccuracy.Keys);
    }

    [Fact]
    public void Evaluate_AbsentClass_ListsItsUndefinedValuesWithThePolicy()
    {
        var scores = new ScoreMatrix(new[,] { { 0.6, 0.3, 0.1 }, { 0.2, 0.7, 0.1 }, { 0.5, 0.4, 0.1 } });
        string[] actual = ["bird", "cat", "cat"];

        var report = MulticlassScoreEvaluation.Evaluate<string>(actual, scores, Animals, new MulticlassScoreOptions { ZeroDivision = ZeroDivision.NaN });

        Assert.True(double.IsNaN(report.PerClass[2].RocAuc));
        Assert.Equal(
            ["roc_auc[dog]: class never occurs in actual (its one-vs-rest problem has no positive); reported as NaN (ZeroDivision.NaN)",
             "average_precision[dog]: class never occurs in actual (its one-vs-rest problem has no positive); reported as NaN (ZeroDivision.NaN)"],
            report.Undefined.Select(u => u.ToString()));
        Assert.Equal(1.0, report.RocAucOvrMacro); // NaN left out; bird and cat are ranked perfectly
        Assert.Equal(1.0, report.RocAucOvoMacro); // one pair, (bird, cat)
    }

    [Fact]
    public void Evaluate_NotProbabilities_ReportsLossesAsNullWithTheRow()
    {
        var scores = new ScoreMatrix(new[,] { { 0.6, 0.3, 0.1 }, { 0.1, 2.0, 0.1 } });

        var report = MulticlassScoreEvaluation.Evaluate<string>(["bird", "cat"], scores, Animals);

        Assert.Null(report.LogLoss);
        Assert.Null(report.BrierScore);
        Assert.Contains(report.Undefined, u => u.ToString() == "log_loss: scores[1, 1] is 2, outside [0, 1], so the scores are not probabilities; reported as null");
        Assert.Equal(1.0, report.RocAucOvrWeighted);
    }

    [Fact]
    public void LogLoss_RowNotSummingToOne_ThrowsNamingTheRow()
    {
        var scores = new ScoreMatrix(new[,] { { 0.6, 0.3, 0.1 }, { 0.5, 0.4, 0.2 } });

        var ex = Assert.Throws<ArgumentException>(() => MulticlassScoreEvaluation.LogLoss<string>(["bird", "cat"], scores, Animals));

        Assert.Equal("scores", ex.ParamName);
        Assert.StartsWith("row 1 of scores sums to 1.1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Pass probabilities (e.g. a softmax or predict_proba output), or use the ranking metrics, which take any scores.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogLoss_ZeroProbability_IsClippedAtMachineEpsilon()
    {
        var scores = new ScoreMatrix(new[,] { { 0.0, 1.0 } });

        var loss = MulticlassScoreEvaluation.LogLoss<int>([0], scores, [0, 1]);

        // Clipped row (2⁻⁵², 1 − 2⁻⁵²) sums to 1, so the loss is −ln 2⁻⁵² = 52 ln 2.
        Assert.Equal(52 * Math.Log(2), loss, 1e-12);
    }

    [Fact]
    public void ScoreMatrix_NaN_NamesRowAndColumn()
    {
        var ex = Assert.Throws<ArgumentException>(() => ScoreMatrix.FromRowMajor([0.1, 0.9, 0.5, double.NaN], 2));

        Assert.Equal("values", ex.ParamName);
        Assert.Equal("values[1, 1] (row 1, column 1) is NaN; every score must be a finite number. Remove or impute non-finite scores before evaluating. (Parameter 'values')", ex.Message);
    }

    [Fact]
    public void ScoreMatrix_RaggedRows_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => ScoreMatrix.FromRows([[0.1, 0.9], [1.0]]));

        Assert.StartsWith("rows[1] has 1 scores but rows[0] has 2; every row must hold one score per class. Pass rows of equal length.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ClassesNotMatchingColumns_Refused()
    {
        var scores = new ScoreMatrix(new[,] { { 0.5, 0.5 } });

        var ex = Assert.Throws<ArgumentException>(() => MulticlassScoreEvaluation.Evaluate<string>(["bird"], scores, Animals));

        Assert.Equal("classes", ex.ParamName);
        Assert.StartsWith("classes has 3 entries but scores has 2 columns; classes must name the class of each score column, in column order. Pass one class per column.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LabelNotAClass_NamesTheRow()
    {
        var scores = new ScoreMatrix(new[,] { { 0.2, 0.3, 0.5 }, { 0.2, 0.3, 0.5 } });

        var ex = Assert.Throws<ArgumentException>(() => MulticlassScoreEvaluation.Evaluate<string>(["bird", "eel"], scores, Animals));

        Assert.StartsWith("actual[1] is 'eel', which is not one of classes; every actual label must be a class with a score column. Add 'eel' to classes and its scores to the matrix, or remove the row.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DuplicateClass_Refused()
    {
        var scores = new ScoreMatrix(new[,] { { 0.2, 0.3, 0.5 } });

        var ex = Assert.Throws<ArgumentException>(() => MulticlassScoreEvaluation.Evaluate<string>(["bird"], scores, ["bird", "cat", "bird"]));

        Assert.StartsWith("classes[2] is 'bird', which already appears at classes[0]; each class must be listed once. Remove the duplicate.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopKAccuracy_KZero_Refused()
    {
        var scores = new ScoreMatrix(new[,] { { 0.2, 0.3, 0.5 } });

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => MulticlassScoreEvaluation.TopKAccuracy<string>(["bird"], scores, Animals, 0));

        Assert.Equal(0L, ex.ActualValue);
        Assert.StartsWith("k is 0; it must be at least 1. Pass k = 1 for plain accuracy, or the number of guesses that count.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TopKBelowOne_RefusedNamingTheEntry()
    {
        var scores = new ScoreMatrix(new[,] { { 0.2, 0.3, 0.5 } });

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => MulticlassScoreEvaluation.Evaluate<string>(["bird"], scores, Animals, new MulticlassScoreOptions { TopK = [2, 0] }));

        Assert.Equal("options", ex.ParamName);
        Assert.StartsWith("options.TopK[1] is 0; it must be at least 1.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreMatrix_Accessors_ReadRowMajorValues()
    {
        var scores = ScoreMatrix.FromRowMajor([0.1, 0.9, 0.6, 0.4, 0.3, 0.7], 2);
        var single = ScoreMatrix.FromRowMajor([0.25f, 0.75f], 2);

        Assert.Equal((3, 2), (scores.RowCount, scores.ClassCount));
        Assert.Equal(0.4, scores[1, 1]);
        Assert.Equal([0.6, 0.4], scores.Row(1).ToArray());
        Assert.Equal([0.9, 0.4, 0.7], scores.Column(1));
        Assert.Equal(Math.Pow(2, -52), scores.Epsilon);
        Assert.Equal(Math.Pow(2, -23), single.Epsilon);
        Assert.Throws<ArgumentOutOfRangeException>(() => scores[3, 0]);
        Assert.Throws<ArgumentException>(() => ScoreMatrix.FromRowMajor([0.1, 0.9, 0.5], 2));
    }

    [Fact]
    public void LogLoss_SingleRowsOffByFloatRounding_AcceptedOnlyAtFloatEpsilon()
    {
        // A float32 softmax row: its sum is off by more than double's √ε but well within float's.
        float[] row = [0.1f, 0.2f, 0.70000005f];
        double sum = row.Sum(v => (double)v);
        Assert.True(Math.Abs(sum - 1) > 1e-8 + Math.Sqrt(Math.Pow(2, -52)));

        var asFloat = MulticlassScoreEvaluation.LogLoss<int>([2], ScoreMatrix.FromRowMajor(row, 3), [0, 1, 2]);

        Assert.Equal(-Math.Log(row[2] / sum), asFloat, 1e-12);
        Assert.Throws<ArgumentException>(() => MulticlassScoreEvaluation.LogLoss<int>([2], ScoreMatrix.FromRowMajor([.. row.Select(v => (double)v)], 3), [0, 1, 2]));
    }

    private static (int[] Actual, ScoreMatrix Scores) Random(int seed, int n, int k, bool probabilities)
    {
        var random = new MersenneTwister(seed);
        var actual = new int[n];
        var values = new double[n * k];
        for (int r = 0; r < n; r++)
        {
            actual[r] = random.Next(k);
            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                // Scores in tenths, nudged towards the actual class: ties within and across rows.
                values[(r * k) + c] = random.Next(1, 10) + (c == actual[r] ? 3 : 0);
                sum += values[(r * k) + c];
            }

            for (int c = 0; c < k && probabilities; c++)
            {
                values[(r * k) + c] /= sum;
            }
        }

        return (actual, ScoreMatrix.FromRowMajor(values, k));
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 || (double.IsNaN(a) && double.IsNaN(b));
}
