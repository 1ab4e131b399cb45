using ClassicalML.Evaluation;
using FsCheck;
using FsCheck.Xunit;

namespace ClassicalML.Evaluation.Tests;

public sealed class MulticlassEvaluationTests
{
    public enum Animal
    {
        Dog = 0,
        Cat = 1,
        Bird = 2,
    }

    private static readonly string[] Actual = ["cat", "cat", "dog", "bird", "dog", "cat"];
    private static readonly string[] Predicted = ["cat", "dog", "dog", "dog", "dog", "cat"];

    [Fact]
    public void Evaluate_NeverPredictedClass_ListsUndefinedPrecisionWithPolicy()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted);

        Assert.Equal(["bird", "cat", "dog"], report.Labels);
        var undefined = Assert.Single(report.Undefined);
        Assert.Equal("precision[bird]", undefined.Metric);
        Assert.Equal("class never predicted (tp + fp = 0); reported as 0 (ZeroDivision.Zero)", undefined.Reason);
        Assert.Equal(0.0, report.ForLabel("bird").Precision);
        Assert.Equal(0.0, report.ForLabel("bird").Recall);
        Assert.Equal(0.0, report.ForLabel("bird").F1);
    }

    [Fact]
    public void Evaluate_HandComputed_MatchesFormulas()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted);

        // dog: tp 2, fp 2 (cat->dog, bird->dog), fn 0.
        var dog = report.ForLabel("dog");
        Assert.Equal(0.5, dog.Precision);
        Assert.Equal(1.0, dog.Recall);
        Assert.Equal(2.0 * 2 / (2 * 2 + 2 + 0), dog.F1, 1e-15);
        Assert.Equal(2, dog.Support);

        // cat: tp 2, fp 0, fn 1.
        var cat = report.ForLabel("cat");
        Assert.Equal(1.0, cat.Precision);
        Assert.Equal(2.0 / 3, cat.Recall, 1e-15);
        Assert.Equal(4.0 / 6.0, report.Accuracy, 1e-15);
        Assert.Equal(1, report.ConfusionMatrix.Count("cat", "dog"));
        Assert.Equal(1, report.ConfusionMatrix[0, 2]);
        Assert.Equal(3, report.ConfusionMatrix.ActualTotal(1));
        Assert.Equal(4, report.ConfusionMatrix.PredictedTotal(2));
        Assert.Equal(6, report.ConfusionMatrix.Total);
    }

    [Fact]
    public void Evaluate_ZeroDivisionNaN_LeavesNaNOutOfAverages()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted, zeroDivision: ZeroDivision.NaN);

        Assert.True(double.IsNaN(report.ForLabel("bird").Precision));
        Assert.Equal((1.0 + 0.5) / 2, report.Macro.Precision, 1e-15);
        Assert.Equal(((3 * 1.0) + (2 * 0.5)) / 5, report.Weighted.Precision, 1e-15);
        Assert.Equal("class never predicted (tp + fp = 0); reported as NaN (ZeroDivision.NaN)", report.Undefined[0].Reason);
        Assert.Contains("        bird        nan      0.00      0.00         1\n", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExplicitLabelAbsentEverywhere_AllThreeUndefined()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted, ["dog", "cat", "bird", "fish"], ZeroDivision.One);

        Assert.Equal(["dog", "cat", "bird", "fish"], report.Labels);
        var fish = report.ForLabel("fish");
        Assert.Equal((1.0, 1.0, 1.0, 0L), (fish.Precision, fish.Recall, fish.F1, fish.Support));
        Assert.Equal(
            ["precision[bird]", "precision[fish]", "recall[fish]", "f1[fish]"],
            report.Undefined.Select(u => u.Metric));
        Assert.Contains("\n   micro avg ", report.ToText(), StringComparison.Ordinal);
        Assert.DoesNotContain("accuracy", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StringLabels_SortedOrdinallyLikeNumpy()
    {
        var report = MulticlassEvaluation.Evaluate<string>(["b", "a", "B", "_"], ["a", "b", "B", "Z"]);

        Assert.Equal(["B", "Z", "_", "a", "b"], report.Labels);
    }

    [Fact]
    public void Evaluate_EnumLabels_SortedByValueAndPrintedByName()
    {
        Animal[] actual = [Animal.Bird, Animal.Cat, Animal.Dog, Animal.Cat];
        Animal[] predicted = [Animal.Bird, Animal.Dog, Animal.Dog, Animal.Cat];

        var report = MulticlassEvaluation.Evaluate<Animal>(actual, predicted);

        Assert.Equal([Animal.Dog, Animal.Cat, Animal.Bird], report.Labels);
        Assert.Equal(0.75, report.Accuracy);
        Assert.StartsWith("              precision    recall  f1-score   support\n\n         Dog       0.50      1.00      0.67         1\n", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_Default_ClassificationReportLayout()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted);

        // scikit-learn 1.2.1: classification_report(actual, predicted, zero_division=0).
        const string Expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "        bird       0.00      0.00      0.00         1\n" +
            "         cat       1.00      0.67      0.80         3\n" +
            "         dog       0.50      1.00      0.67         2\n" +
            "\n" +
            "    accuracy                           0.67         6\n" +
            "   macro avg       0.50      0.56      0.49         6\n" +
            "weighted avg       0.67      0.67      0.62         6\n";
        Assert.Equal(Expected, report.ToText());
    }

    [Fact]
    public void Correct_WithWilson_GivesAccuracyInterval()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted);

        var interval = Intervals.Wilson(report.Correct, report.N);

        Assert.Equal(4, report.Correct);
        Assert.Equal(report.Accuracy, interval.Estimate);
        Assert.True(interval.Contains(report.Accuracy));
    }

    [Fact]
    public void ConfusionMatrix_ToArray_ReturnsCopy()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted);

        var copy = report.ConfusionMatrix.ToArray();
        copy[0][0] = 99;

        Assert.Equal(0, report.ConfusionMatrix[0, 0]);
    }

    [Property]
    public bool Evaluate_AnyData_MatrixSumsToNAndRowsToSupport(NonEmptyArray<int> actualRaw, int[] predictedRaw)
    {
        var (actual, predicted) = Labels(actualRaw, predictedRaw);

        var report = MulticlassEvaluation.Evaluate<int>(actual, predicted);

        var m = report.ConfusionMatrix.ToArray();
        return m.Sum(r => r.Sum()) == actual.Length
            && report.ConfusionMatrix.Total == actual.Length
            && report.PerClass.Select((c, i) => c.Support == m[i].Sum() && c.Support == actual.Count(a => a == c.Label)).All(x => x)
            && report.PerClass.Sum(c => c.Support) == actual.Length;
    }

    [Property]
    public bool Evaluate_AnyData_MicroF1EqualsAccuracy(NonEmptyArray<int> actualRaw, int[] predictedRaw)
    {
        var (actual, predicted) = Labels(actualRaw, predictedRaw);

        var report = MulticlassEvaluation.Evaluate<int>(actual, predicted);

        var accuracy = actual.Zip(predicted).Count(p => p.First == p.Second) / (double)actual.Length;
        return Close(report.Accuracy, accuracy)
            && Close(report.Micro.F1, accuracy)
            && Close(report.Micro.Precision, accuracy)
            && Close(report.Micro.Recall, accuracy);
    }

    [Property]
    public bool Evaluate_AnyData_MacroIsMeanOfPerClass(NonEmptyArray<int> actualRaw, int[] predictedRaw, bool zeroDivisionOne)
    {
        var (actual, predicted) = Labels(actualRaw, predictedRaw);

        var report = MulticlassEvaluation.Evaluate<int>(actual, predicted, zeroDivision: zeroDivisionOne ? ZeroDivision.One : ZeroDivision.Zero);

        var n = (double)actual.Length;
        return Close(report.Macro.Precision, report.PerClass.Average(c => c.Precision))
            && Close(report.Macro.Recall, report.PerClass.Average(c => c.Recall))
            && Close(report.Macro.F1, report.PerClass.Average(c => c.F1))
            && Close(report.Weighted.Recall, report.PerClass.Sum(c => c.Recall * c.Support) / n)
            && Close(report.Weighted.Recall, report.Accuracy);
    }

    [Property]
    public bool Evaluate_AnyData_UndefinedListsExactlyZeroDenominators(NonEmptyArray<int> actualRaw, int[] predictedRaw)
    {
        var (actual, predicted) = Labels(actualRaw, predictedRaw);

        var report = MulticlassEvaluation.Evaluate<int>(actual, predicted, [0, 1, 2, 3, 4], ZeroDivision.NaN);

        var nanCount = report.PerClass.Sum(c => (double.IsNaN(c.Precision) ? 1 : 0) + (double.IsNaN(c.Recall) ? 1 : 0) + (double.IsNaN(c.F1) ? 1 : 0));
        var neverPredicted = report.PerClass.Count(c => !predicted.Contains(c.Label));
        return report.Undefined.Count == nanCount
            && report.Undefined.Count(u => u.Metric.StartsWith("precision[", StringComparison.Ordinal)) == neverPredicted;
    }

    [Fact]
    public void Evaluate_LengthMismatch_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => MulticlassEvaluation.Evaluate<int>([1, 2, 3], [1, 2]));

        Assert.Equal("predicted", e.ParamName);
        Assert.StartsWith("actual has 3 elements but predicted has 2; they must have the same length (one predicted per actual). Pass parallel arrays of equal length.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Empty_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => MulticlassEvaluation.Evaluate<int>([], []));

        Assert.Equal("actual", e.ParamName);
        Assert.StartsWith("actual is empty; at least one element is required. Pass one or more rows.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PredictedLabelNotInLabels_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => MulticlassEvaluation.Evaluate<string>(["a", "b", "a"], ["a", "b", "fox"], ["a", "b"]));

        Assert.Equal("predicted", e.ParamName);
        Assert.StartsWith("predicted[2] is 'fox', which is not in labels; every actual and predicted value must be one of labels. Add 'fox' to labels, or pass labels: null to use every label that occurs.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ActualLabelNotInLabels_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => MulticlassEvaluation.Evaluate<int>([1, 7], [1, 1], [1, 2]));

        Assert.Equal("actual", e.ParamName);
        Assert.StartsWith("actual[1] is '7', which is not in labels;", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DuplicateLabel_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => MulticlassEvaluation.Evaluate<string>(["a"], ["a"], ["a", "b", "a"]));

        Assert.Equal("labels", e.ParamName);
        Assert.StartsWith("labels[2] is 'a', which already appears at labels[0]; each class must be listed once. Remove the duplicate.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EmptyLabels_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => MulticlassEvaluation.Evaluate<string>(["a"], ["a"], labels: []));

        Assert.Equal("labels", e.ParamName);
        Assert.StartsWith("labels is empty; at least one element is required. List every class, or pass null to use every label that occurs.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NullLabelValue_ThrowsWithMessage()
    {
        string[] actual = ["a", null!, "b"];

        var e = Assert.Throws<ArgumentException>(() => MulticlassEvaluation.Evaluate<string>(actual, ["a", "a", "b"]));

        Assert.Equal("actual", e.ParamName);
        Assert.StartsWith("actual[1] is null; every label must be a value. Remove the row or give it a label.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UndefinedZeroDivision_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MulticlassEvaluation.Evaluate<int>([1], [1], zeroDivision: (ZeroDivision)7));

        Assert.Equal("zeroDivision", e.ParamName);
        Assert.StartsWith("zeroDivision is 7, which is not a ZeroDivision member; it must be one of Zero, One, NaN. Pass a named member, e.g. ZeroDivision.Zero.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_IncomparableLabelsWithoutList_ThrowsWithMessage()
    {
        var a = new object();
        var b = new object();

        var e = Assert.Throws<ArgumentException>(() => MulticlassEvaluation.Evaluate<object>([a, b], [b, a]));

        Assert.Equal("labels", e.ParamName);
        Assert.StartsWith("labels is null and the label type Object cannot be sorted (it does not implement IComparable<Object>); pass labels explicitly to fix the class order.", e.Message, StringComparison.Ordinal);
        Assert.Equal(0.0, MulticlassEvaluation.Evaluate<object>([a, b], [b, a], [a, b]).Accuracy);
    }

    [Fact]
    public void ConfusionMatrix_IndexOutOfRange_ThrowsWithMessage()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => report.ConfusionMatrix[3, 0]);

        Assert.Equal("actual", e.ParamName);
        Assert.StartsWith("actual is 3; it must be between 0 and 2. Use Labels to find a label's index.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfusionMatrix_UnknownLabel_ThrowsWithMessage()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted);

        var e = Assert.Throws<ArgumentException>(() => report.ConfusionMatrix.Count("cat", "fox"));

        Assert.Equal("predicted", e.ParamName);
        Assert.StartsWith("predicted is 'fox', which is not one of the matrix's labels; use one of Labels.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForLabel_UnknownLabel_ThrowsWithMessage()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted);

        var e = Assert.Throws<ArgumentException>(() => report.ForLabel("fox"));

        Assert.StartsWith("label is 'fox', which is not one of the report's labels; use one of Labels.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_BadDigits_ThrowsWithMessage()
    {
        var report = MulticlassEvaluation.Evaluate<string>(Actual, Predicted);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => report.ToText(-1));

        Assert.StartsWith("digits is -1; it must be between 0 and 15. Pass, for example, 2 or 4.", e.Message, StringComparison.Ordinal);
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12;

    /// <summary>Labels 0..4 from arbitrary integers; predicted defaults to actual where no raw value is given.</summary>
    private static (int[] Actual, int[] Predicted) Labels(NonEmptyArray<int> actualRaw, int[] predictedRaw)
    {
        var actual = actualRaw.Get.Select(x => ((x % 5) + 5) % 5).ToArray();
        var predicted = actual.Select((a, i) => i < predictedRaw.Length ? ((predictedRaw[i] % 5) + 5) % 5 : a).ToArray();
        return (actual, predicted);
    }
}
