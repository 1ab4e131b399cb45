using System.Text.Json;
using FsCheck.Xunit;
using static ClassicalML.Evaluation.Tests.BinaryFixtures;

namespace ClassicalML.Evaluation.Tests;

public class BinaryEvaluationTests
{
    public static TheoryData<string> CaseNames => Names;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Evaluate_ScikitLearnCase_MatchesConfusionAndThresholdMetrics(string name)
    {
        JsonElement c = Case(name);
        double threshold = Double(c.GetProperty("threshold"));
        BinaryReport r = BinaryEvaluation.Evaluate(Labels(c), Scores(c), threshold);
        JsonElement confusion = c.GetProperty("confusion");

        Assert.Equal(confusion.GetProperty("tp").GetInt32(), r.TruePositives);
        Assert.Equal(confusion.GetProperty("fp").GetInt32(), r.FalsePositives);
        Assert.Equal(confusion.GetProperty("tn").GetInt32(), r.TrueNegatives);
        Assert.Equal(confusion.GetProperty("fn").GetInt32(), r.FalseNegatives);
        Assert.Equal(threshold, r.Threshold);
        AssertClose(Double(c.GetProperty("accuracy")), r.Accuracy, "accuracy");
        AssertClose(Double(c.GetProperty("balanced_accuracy")), r.BalancedAccuracy, "balanced_accuracy");

        // matthews_corrcoef (1.2.1) returns 0 for a zero denominator: that is ZeroDivision.Zero, the default.
        AssertClose(Double(c.GetProperty("mcc")), r.Mcc, "mcc");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Evaluate_ScikitLearnCaseBothZeroDivisionPolicies_MatchesPrecisionRecallAndFScores(string name)
    {
        JsonElement c = Case(name);
        bool[] labels = Labels(c);
        double[] scores = Scores(c);
        double threshold = Double(c.GetProperty("threshold"));
        foreach ((ZeroDivision policy, string key) in new[] { (ZeroDivision.Zero, "zero_division_0"), (ZeroDivision.One, "zero_division_1") })
        {
            JsonElement e = c.GetProperty(key);
            BinaryReport half = BinaryEvaluation.Evaluate(labels, scores, threshold, beta: 0.5, zeroDivision: policy);
            BinaryReport two = BinaryEvaluation.Evaluate(labels, scores, threshold, beta: 2.0, zeroDivision: policy);

            AssertClose(Double(e.GetProperty("precision")), half.Precision, $"{key} precision");
            AssertClose(Double(e.GetProperty("recall")), half.Recall, $"{key} recall");
            AssertClose(Double(e.GetProperty("specificity")), half.Specificity, $"{key} specificity");
            AssertClose(Double(e.GetProperty("f1")), half.F1, $"{key} f1");
            AssertClose(Double(e.GetProperty("f0.5")), half.FBeta, $"{key} f0.5");
            AssertClose(Double(e.GetProperty("f2")), two.FBeta, $"{key} f2");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Evaluate_ScikitLearnCase_MatchesRankingAndProbabilityMetrics(string name)
    {
        JsonElement c = Case(name);
        bool[] labels = Labels(c);
        BinaryReport r = BinaryEvaluation.Evaluate(labels, Scores(c), Double(c.GetProperty("threshold")));
        bool oneClass = labels.All(l => l) || labels.All(l => !l);

        AssertClose(NullableDouble(c.GetProperty("roc_auc")) ?? double.NaN, r.RocAuc, "roc_auc");
        AssertClose(oneClass ? double.NaN : Double(c.GetProperty("average_precision")), r.AveragePrecision, "average_precision");
        double? logLoss = NullableDouble(c.GetProperty("log_loss"));
        double? brier = NullableDouble(c.GetProperty("brier"));
        Assert.Equal(logLoss is null, r.LogLoss is null);
        Assert.Equal(brier is null, r.BrierScore is null);
        if (logLoss is { } expectedLogLoss)
        {
            AssertClose(expectedLogLoss, r.LogLoss!.Value, "log_loss");
        }

        if (brier is { } expectedBrier)
        {
            AssertClose(expectedBrier, r.BrierScore!.Value, "brier");
        }
    }

    [Fact]
    public void Evaluate_NoPredictedPositives_ListsPrecisionAndMccWithReasons()
    {
        BinaryReport r = BinaryEvaluation.Evaluate([false, true, true], [0.1, 0.2, 0.3], threshold: 0.9);

        Assert.Equal(0.0, r.Precision);
        Assert.Equal(0.0, r.Mcc);
        Assert.Equal(0.0, r.Recall);
        Assert.Equal(0.0, r.F1);
        Assert.Equal(
            [
                new UndefinedMetric("Precision", "no predicted positives (tp + fp = 0); reported as 0 (ZeroDivision.Zero)"),
                new UndefinedMetric("Mcc", "no predicted positives (tp + fp = 0); reported as 0 (ZeroDivision.Zero)"),
            ],
            r.Undefined);
    }

    [Fact]
    public void Evaluate_NoActualAndNoPredictedPositivesWithPolicyOne_ReportsOnesAndNaNRankings()
    {
        BinaryReport r = BinaryEvaluation.Evaluate([false, false], [0.1, 0.2], zeroDivision: ZeroDivision.One);

        Assert.Equal(1.0, r.Precision);
        Assert.Equal(1.0, r.Recall);
        Assert.Equal(1.0, r.F1);
        Assert.Equal(1.0, r.FBeta);
        Assert.Equal(1.0, r.Mcc);
        Assert.Equal(1.0, r.BalancedAccuracy);
        Assert.True(double.IsNaN(r.RocAuc));
        Assert.True(double.IsNaN(r.AveragePrecision));
        Assert.Equal(
            ["Precision", "Recall", "F1", "FBeta", "BalancedAccuracy", "Mcc", "RocAuc", "AveragePrecision"],
            r.Undefined.Select(u => u.Metric));
        Assert.Equal(
            "no predicted positives (tp + fp = 0), no actual positives (tp + fn = 0); reported as 1 (ZeroDivision.One)",
            r.Undefined.Single(u => u.Metric == "Mcc").Reason);
        Assert.Equal(
            "only negative labels (P = 0); a ranking metric needs both classes; reported as NaN",
            r.Undefined.Single(u => u.Metric == "RocAuc").Reason);
    }

    [Fact]
    public void Evaluate_NaNPolicy_ReportsNaNForSpecificityWithoutNegatives()
    {
        BinaryReport r = BinaryEvaluation.Evaluate([true, true], [0.7, 0.2], zeroDivision: ZeroDivision.NaN);

        Assert.True(double.IsNaN(r.Specificity));
        Assert.Equal(0.5, r.Recall);
        Assert.Equal(0.5, r.BalancedAccuracy);
        Assert.Contains(new UndefinedMetric("Specificity", "no actual negatives (tn + fp = 0); reported as NaN (ZeroDivision.NaN)"), r.Undefined);
        Assert.Contains(
            new UndefinedMetric("BalancedAccuracy", "no actual negatives; reported as the recall of the positive class alone (scikit-learn's behaviour)"),
            r.Undefined);
    }

    [Fact]
    public void Evaluate_ScoresOutsideUnitInterval_LogLossAndBrierAreNullAndListed()
    {
        BinaryReport r = BinaryEvaluation.Evaluate([true, false, true], [0.4, -1.25, 2.0], threshold: 0.0);

        Assert.Null(r.LogLoss);
        Assert.Null(r.BrierScore);
        const string Reason = "scores[1] = -1.25 is outside [0, 1], so the scores are not probabilities; reported as null";
        Assert.Equal([new UndefinedMetric("LogLoss", Reason), new UndefinedMetric("BrierScore", Reason)], r.Undefined);
    }

    [Fact]
    public void Evaluate_WellDefinedInput_ListsNothingUndefined()
    {
        BinaryReport r = BinaryEvaluation.Evaluate([true, false, true, false], [0.8, 0.6, 0.4, 0.2]);

        Assert.Empty(r.Undefined);
        Assert.Equal(0.5, r.Precision);
        Assert.Equal(0.75, r.RocAuc);
    }

    [Fact]
    public void Evaluate_ScoreEqualToThreshold_IsPredictedPositive()
    {
        BinaryReport r = BinaryEvaluation.Evaluate([true, false], [0.5, 0.5]);

        Assert.Equal(1, r.TruePositives);
        Assert.Equal(1, r.FalsePositives);
    }

    [Fact]
    public void Describe_AnyReport_UsesInvariantNumbersAndListsUndefined()
    {
        BinaryReport r = BinaryEvaluation.Evaluate([true, false, false], [0.9, 0.25, 0.1], threshold: 0.95, beta: 2);

        string text = r.Describe();

        Assert.Contains("n = 3 (positives 1, negatives 2), threshold 0.95", text);
        Assert.Contains("ROC AUC             1", text);
        Assert.Contains("F-beta (beta 2)", text);
        Assert.Contains("  Precision: no predicted positives (tp + fp = 0); reported as 0 (ZeroDivision.Zero)", text);
        Assert.Equal(text, r.ToString());
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool Evaluate_AnySample_CountsSumToN(Sample s, int thresholdStep)
    {
        BinaryReport r = BinaryEvaluation.Evaluate(s.Labels, s.Scores, threshold: (thresholdStep % 13) / 2.0);
        return r.TruePositives + r.FalsePositives + r.TrueNegatives + r.FalseNegatives == r.N
            && r.N == s.Labels.Length
            && r.Positives == s.Positives && r.Negatives == s.Negatives;
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool Evaluate_AnySample_F1IsHarmonicMeanOfPrecisionAndRecall(Sample s, int thresholdStep)
    {
        BinaryReport r = BinaryEvaluation.Evaluate(s.Labels, s.Scores, threshold: (thresholdStep % 13) / 2.0);
        if (r.TruePositives == 0)
        {
            // Precision or recall is 0 or undefined; F1 is 0, either by value or by ZeroDivision.Zero.
            return r.F1 == 0.0 && r.FBeta == 0.0;
        }

        return Math.Abs(r.F1 - (2 * r.Precision * r.Recall / (r.Precision + r.Recall))) <= 1e-12
            && Math.Abs(r.FBeta - r.F1) <= 1e-12;
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool Evaluate_AnySample_RocAucAndApEqualTheStandaloneFunctions(Sample s)
    {
        BinaryReport r = BinaryEvaluation.Evaluate(s.Labels, s.Scores);
        double auc = Roc.Auc(s.Labels, s.Scores);
        double ap = PrecisionRecall.AveragePrecision(s.Labels, s.Scores);
        return (r.RocAuc == auc || (double.IsNaN(r.RocAuc) && double.IsNaN(auc)))
            && (r.AveragePrecision == ap || (double.IsNaN(r.AveragePrecision) && double.IsNaN(ap)));
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool Evaluate_AnySample_CountsAndLossesEqualTheRowByRowDefinition(Sample s, int thresholdStep, int marginAt)
    {
        // The fused, branch-free pass against the plain definition: counts by cell, the sums in row order, bit for bit.
        double[] scores = [.. s.Scores.Select(x => Math.Abs(x) / 6.0)]; // in [0, 1]
        if (marginAt % 3 == 0)
        {
            scores[Math.Abs(marginAt) % scores.Length] = 1.5; // a margin somewhere: losses null, counts go on after it
        }

        double threshold = (thresholdStep % 7) / 6.0;
        BinaryReport r = BinaryEvaluation.Evaluate(s.Labels, scores, threshold);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        double logLoss = 0.0, brier = 0.0;
        bool probabilities = true;
        for (int i = 0; i < scores.Length; i++)
        {
            bool predicted = scores[i] >= threshold;
            if (s.Labels[i]) { if (predicted) { tp++; } else { fn++; } }
            else if (predicted) { fp++; }
            else { tn++; }

            probabilities &= scores[i] is >= 0.0 and <= 1.0;
            if (probabilities)
            {
                double p = Math.Clamp(scores[i], 2.220446049250313e-16, 1.0 - 2.220446049250313e-16);
                logLoss += -Math.Log((s.Labels[i] ? p : 1.0 - p) / ((1.0 - p) + p));
                brier += (scores[i] - (s.Labels[i] ? 1.0 : 0.0)) * (scores[i] - (s.Labels[i] ? 1.0 : 0.0));
            }
        }

        return (r.TruePositives, r.FalsePositives, r.TrueNegatives, r.FalseNegatives) == (tp, fp, tn, fn)
            && (probabilities
                ? r.LogLoss == logLoss / scores.Length && r.BrierScore == brier / scores.Length
                : r.LogLoss is null && r.BrierScore is null);
    }
}
