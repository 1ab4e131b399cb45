using System.Diagnostics;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Models.Convergence;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using static ClassicalML.Scenarios.BaggingVsBoosting.Experiment;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>The majority vote of three different algorithms against its members and against bagging, on one data set.</summary>
/// <param name="VsBest">Test error of the best member (chosen on the test rows) − test error of the vote, paired bootstrap.</param>
/// <param name="VsMean">Mean test error of the three members − test error of the vote, paired bootstrap.</param>
/// <param name="VsBagging">Test error of the bagged deep trees − test error of the vote (95% Newcombe interval, as for two
/// independent proportions: conservative for these paired errors).</param>
/// <param name="BestMember">The member with the lowest test error.</param>
/// <param name="MeanCorrelation">Mean pairwise correlation of the three members' 0/1 test errors.</param>
/// <param name="Convergence">The logistic regression's convergence check (refit with 10x cap, 1/100 tolerance).</param>
/// <param name="TestRows">Test rows of the split (the larger out-of-bag split, for power).</param>
internal sealed record VotingResult(Interval VsBest, Interval VsMean, Interval VsBagging, string BestMember, double MeanCorrelation, ConvergenceCheck Convergence, int TestRows);

/// <summary>"Diversity by different algorithms": logistic regression, k-nearest neighbours and a deep tree, combined by majority vote.</summary>
internal static class Voting
{
    public static readonly string[] MemberNames = ["logistic regression (L-BFGS)", "k-nearest neighbours (exact)", "one deep tree (FastTree)"];

    /// <summary>L-BFGS logistic regression with a deliberate ridge penalty (L1 = 0, L2 = 1), single-threaded, with a stated cap and tolerance.</summary>
    public static LbfgsLogisticRegressionBinaryTrainer.Options LogisticOptions() => new()
    {
        L1Regularization = 0,
        L2Regularization = 1,
        OptimizationTolerance = 1e-7f,
        MaximumNumberOfIterations = 1000,
        NumberOfThreads = 1,
    };

    /// <summary>Fits the three members on the training rows of <paramref name="data"/> (the larger split: differences between
    /// a vote and its best member are small) and compares the vote with them and with the bagged deep trees of the same split.</summary>
    public static VotingResult Measure(MLContext context, Settings settings, PreparedData data, int seed, OutOfBagResult bagged, ReportBuilder report)
    {
        var labels = data.TestLabels;
        var normalizer = context.Transforms.NormalizeMeanVariance("Features", fixZero: false);
        var convergence = LbfgsConvergence.Check(context, normalizer.Fit(data.TrainView).Transform(data.TrainView), LogisticOptions);
        var c = convergence;
        report.Convergence.AddRow(data.Name, "L-BFGS logistic regression (z-scored, L1 = 0, L2 = 1)", c.IterationCap, c.Tolerance, c.Description, c.Converged ? "yes" : "no");

        var scores = new double[3][];
        scores[0] = Timed(data, MemberNames[0], report, () => normalizer.Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(LogisticOptions())).Fit(data.TrainView),
            model => Scores(model.Transform(data.TestView)));
        var trainMatrix = data.Train.GetNumericMatrix();
        var testMatrix = data.Test.GetNumericMatrix();
        scores[1] = Timed(data, MemberNames[1], report, () => NearestNeighbors.Fit(trainMatrix, data.TrainLabels, settings.Neighbors), model => model.Score(testMatrix));
        scores[2] = Timed(data, MemberNames[2], report, () => Learners.DeepTree(context, settings.DeepLeaves).Fit(data.TrainView), model => Scores(model.Transform(data.TestView)));

        var memberErrors = scores.Select(s => Errors(labels, s, 0.5)).ToArray();
        // Majority of three: the vote is wrong exactly when at least two members are.
        var voteErrors = Enumerable.Range(0, labels.Length).Select(i => memberErrors.Count(e => e[i]) >= 2).ToArray();
        var set = new ErrorSets(memberErrors, voteErrors);
        var best = Enumerable.Range(0, 3).MinBy(j => Rate(memberErrors[j]));

        Interval Versus(Func<int, double> other, string stream) =>
            MeanWithBootstrap([.. Enumerable.Range(0, labels.Length).Select(i => other(i) - (voteErrors[i] ? 1 : 0))], Seeds.Derive(seed, stream), settings.Resamples);
        var versusMember = Enumerable.Range(0, scores.Length).Select(j => Versus(i => memberErrors[j][i] ? 1 : 0, $"vote versus member {j} bootstrap")).ToArray();
        var vsMean = MeanWithBootstrap(set.GainPerRow(), Seeds.Derive(seed, "vote versus mean member bootstrap"), settings.Resamples);
        var vsBagging = NewcombeDifference(bagged.Test, WilsonError(voteErrors));
        for (var j = 0; j < scores.Length; j++)
        {
            report.Voting.AddRow(data.Name, labels.Length, MemberNames[j], WilsonError(memberErrors[j]), versusMember[j]);
        }

        report.Voting.AddRow(data.Name, labels.Length, "mean of the three members", set.MeanMemberError(), vsMean);
        report.Voting.AddRow(data.Name, labels.Length, "majority vote of the three", WilsonError(voteErrors), "");
        report.Voting.AddRow(data.Name, labels.Length, $"bagged deep trees ({settings.Members}, the out-of-bag table's)", bagged.Test, vsBagging);
        var correlation = set.MeanCorrelation([.. Enumerable.Range(0, labels.Length)]);
        report.VotingCorrelations.AddRow(data.Name, "logistic regression, k-NN, deep tree", 3, correlation);
        return new VotingResult(versusMember[best], vsMean, vsBagging, MemberNames[best], correlation, convergence, labels.Length);
    }

    /// <summary>Fits and predicts one member, recording both wall-clock times (machine-dependent: they go to the timings file, never to the verdicts).</summary>
    private static double[] Timed<T>(PreparedData data, string name, ReportBuilder report, Func<T> fit, Func<T, double[]> predict)
    {
        var clock = Stopwatch.StartNew();
        var model = fit();
        var fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var scores = predict(model);
        report.MemberTimes.AddRow(data.Name, "vote: " + name, 1, DiversityTrend.Milliseconds(fitSeconds), DiversityTrend.Milliseconds(clock.Elapsed.TotalSeconds));
        return scores;
    }
}
