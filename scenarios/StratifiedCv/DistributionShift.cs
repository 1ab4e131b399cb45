using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using MathNet.Numerics;
using MathNet.Numerics.Random;
using Microsoft.ML;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>A candidate "second distribution": the rows of credit-g with one level of one documented attribute, and how
/// well the other attributes tell them apart from the rest (pooled out-of-fold ROC AUC of a logistic regression).</summary>
/// <param name="Attribute">The categorical attribute, e.g. <c>housing</c>.</param>
/// <param name="Level">The level, e.g. <c>for free</c>.</param>
/// <param name="Rows">Rows with that level.</param>
/// <param name="BadShare">Share of "bad" credit among them.</param>
/// <param name="DomainAuc">ROC AUC of telling the group from the rest by the other attributes (0.5 = same distribution).</param>
internal sealed record ShiftCandidate(string Attribute, string Level, int Rows, double BadShare, double DomainAuc);

/// <summary>One repetition of the missing-distribution comparison: pooled out-of-fold predictions of two models per
/// fold, trained on the same number of rows, one with the group's training rows among them and one without.</summary>
/// <param name="GroupDrop">Log loss (nats) on the group's rows, trained without the group minus trained with it.</param>
/// <param name="RestDrop">The same on the other rows.</param>
/// <param name="GroupAucDrop">ROC AUC on the group's rows, trained with the group minus trained without it.</param>
/// <param name="GroupLogLossWith">Log loss on the group's rows, trained with the group.</param>
internal sealed record ShiftRun(double GroupDrop, double RestDrop, double GroupAucDrop, double GroupLogLossWith);

/// <summary>The distribution case: every candidate group, the chosen one, its repetitions and the random groups.</summary>
/// <param name="Candidates">Every candidate, in schema order.</param>
/// <param name="Chosen">The candidate whose rows differ most from the rest (largest domain AUC).</param>
/// <param name="Real">One run per repetition on the chosen group.</param>
/// <param name="Null">One run per random group of the same size (the attribute replaced by chance).</param>
/// <param name="Data">credit-g without the chosen attribute, labelled good/bad.</param>
/// <param name="Members">Whether each row is in the chosen group.</param>
internal sealed record ShiftResult(IReadOnlyList<ShiftCandidate> Candidates, ShiftCandidate Chosen, ShiftRun[] Real, ShiftRun[] Null, CaseData Data, bool[] Members);

/// <summary>
/// The answer's day/night case on real data: credit-g's documented attributes split the applicants into groups; the
/// group the other attributes tell apart best is the "second distribution". Per repetition, 5 folds stratified on
/// label × group; in each fold one model is trained on the training part without the group's rows ("a fold that
/// lacks it") and one on a random subsample of the same size that keeps the group's share; both score the same
/// validation rows. The same is done for random groups of the same size, where a drop can only be chance.
/// </summary>
internal static class DistributionShift
{
    public const int Folds = 5;

    /// <summary>Smallest and largest share of rows a candidate group may hold.</summary>
    public const double MinShare = 0.1, MaxShare = 0.5;

    public static ShiftResult Measure(Dataset credit, Learner learner, int[] realSeeds, int[] nullSeeds, int candidateSeed, int threads, IProgressReporter progress)
    {
        bool[] bad = credit.BinaryLabels();
        var levels = credit.Schema.CategoricalColumns
            .SelectMany(c => c.Levels.Select((level, code) => (Column: c.Name, Level: level, Group: Membership(credit, c.Name, code))))
            .Where(g => g.Group.Count(x => x) is var n && n >= MinShare * bad.Length && n <= MaxShare * bad.Length).ToArray();
        var candidates = Repetitions.Run(levels.Length, threads, progress, "distribution candidates (credit-g)", i =>
        {
            var (column, level, group) = levels[i];
            double share = (double)bad.Where((b, r) => b && group[r]).Count() / group.Count(x => x);
            return new ShiftCandidate(column, level, group.Count(x => x), share, DomainAuc(Encode(credit, column, group), group, learner, candidateSeed));
        });
        int best = Enumerable.Range(0, candidates.Length).MaxBy(i => candidates[i].DomainAuc);
        var chosen = candidates[best];
        bool[] members = levels[best].Group;
        var data = Encode(credit, chosen.Attribute, bad);
        var real = Repetitions.Run(realSeeds.Length, threads, progress, $"{chosen.Attribute} = {chosen.Level} missing from training", r =>
            Run(data, bad, members, learner, realSeeds[r]));
        var chance = Repetitions.Run(nullSeeds.Length, threads, progress, "random groups of the same size", r =>
        {
            var random = new MersenneTwister(nullSeeds[r], threadSafe: false);
            bool[] group = Combinatorics.GenerateCombination(bad.Length, chosen.Rows, random);
            return Run(data, bad, group, learner, Seeds.Derive(nullSeeds[r], "run"));
        });
        return new ShiftResult(candidates, chosen, real, chance, data, members);
    }

    /// <summary>One repetition: per fold, the model without the group's training rows and the size-matched model with
    /// them score the fold's validation rows; the out-of-fold predictions are pooled and compared on the group's rows.</summary>
    public static ShiftRun Run(CaseData data, bool[] labels, bool[] group, Learner learner, int seed)
    {
        var ml = new MLContext(seed);
        int[] strata = [.. labels.Select((y, i) => (y ? 2 : 0) + (group[i] ? 1 : 0))];
        var split = new StratifiedKFold(Folds, shuffle: true, seed: seed).Split<int>(strata);
        double[] with = new double[labels.Length], without = new double[labels.Length];
        foreach (var fold in split.Folds)
        {
            int[] train = [.. fold.TrainIndices];
            int[] missing = [.. train.Where(i => !group[i])];
            int[] trainStrata = [.. train.Select(i => strata[i])];
            // Same size as the training part without the group, with the group's share kept (stratified on label x group).
            var keep = TrainTestSplit.Stratified<int>(trainStrata, (missing.Length - 0.5) / train.Length, Seeds.Derive(seed, $"fold {fold.Index} size match")).TestIndices;
            int[] both = [.. keep.Select(i => train[i])];
            var test = data.View.Select(fold.TestIndices.AsSpan());
            Place(with, fold.TestIndices, Experiment.Predict(ml, learner, data.View.Select(both), test).Scores);
            Place(without, fold.TestIndices, Experiment.Predict(ml, learner, data.View.Select(missing), test).Scores);
        }

        double LogLoss(double[] scores, bool inGroup) => Evaluate(labels, scores, group, inGroup).LogLoss ?? double.NaN;
        double withLoss = LogLoss(with, inGroup: true);
        return new ShiftRun(LogLoss(without, inGroup: true) - withLoss, LogLoss(without, inGroup: false) - LogLoss(with, inGroup: false),
            Evaluate(labels, with, group, true).RocAuc - Evaluate(labels, without, group, true).RocAuc, withLoss);
    }

    private static BinaryReport Evaluate(bool[] labels, double[] scores, bool[] group, bool inGroup)
    {
        int[] rows = [.. Enumerable.Range(0, labels.Length).Where(i => group[i] == inGroup)];
        return BinaryEvaluation.Evaluate([.. rows.Select(i => labels[i])], [.. rows.Select(i => scores[i])]);
    }

    private static void Place(double[] target, IReadOnlyList<int> rows, double[] values)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            target[rows[i]] = values[i];
        }
    }

    private static double DomainAuc(CaseData data, bool[] group, Learner learner, int seed)
    {
        var ml = new MLContext(seed);
        double[] oof = new double[group.Length];
        foreach (var fold in new StratifiedKFold(Folds, shuffle: true, seed: seed).Split<bool>(group).Folds)
        {
            Place(oof, fold.TestIndices, Experiment.Predict(ml, learner, data.View.Select(fold.TrainIndices.AsSpan()), data.View.Select(fold.TestIndices.AsSpan())).Scores);
        }

        return Roc.Auc(group, oof);
    }

    private static bool[] Membership(Dataset credit, string column, int code) => [.. credit.GetCategoricalCodes(column).Select(c => c == code)];

    /// <summary>credit-g without one attribute: its numeric columns and one 0/1 column per level of every other
    /// categorical attribute (one-hot over the schema's levels: it learns nothing from the rows; levels no row has are
    /// left out), with the given labels.</summary>
    internal static CaseData Encode(Dataset credit, string without, bool[] labels)
    {
        var columns = credit.Schema.NumericColumns.Select(credit.GetNumeric).ToList();
        foreach (var c in credit.Schema.CategoricalColumns.Where(c => c.Name != without))
        {
            int[] codes = credit.GetCategoricalCodes(c.Name);
            columns.AddRange(Enumerable.Range(0, c.Levels.Count).Where(l => codes.Contains(l)).Select(l => codes.Select(x => x == l ? 1.0 : 0.0).ToArray()));
        }

        var matrix = new double[labels.Length, columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            for (int i = 0; i < labels.Length; i++)
            {
                matrix[i, j] = columns[j][i];
            }
        }

        return new CaseData($"credit-g without {without}", Dataset.FromNumeric($"credit-g without {without}", matrix, labels), new MLContext(0));
    }
}
