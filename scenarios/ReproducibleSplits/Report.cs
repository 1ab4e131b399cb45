using System.Globalization;
using MathNet.Numerics.Statistics;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>The tables, figures, effects and summary of one run, from its measurements.</summary>
internal static class Report
{
    /// <summary>Gaps whose whole 95% interval lies within ±this count as practically tied.</summary>
    public const double TieMargin = 0.02;

    /// <summary>Flip rates at or above this are called "close to a coin toss" in the summary.</summary>
    public const double CoinToss = 0.35;

    public static ScenarioResult Build(ReproducibleSplitsSettings settings, string data, Measurements m, SideMeasurements sides, TrainingMeasurements training,
        PythonFacts python, IReadOnlyList<ClaimResult> claims, ReportTable stages) => new()
        {
            Tables =
            [
                SizeTable(m.Mechanism), OverlapTable(m.Mechanism), Precedence(python), SeedTable(m.Seeds), TrueRanking(m), FlipTable(m), RankingEffects(m),
                IdTable(sides), SideTable(sides), RetrainTable(training), ConvergenceTable(training),
            ],
            Timings = [MultiThreaded(training), stages],
            Claims = claims,
            Figures = BuildFigures(data, m, sides),
            Effects = Effects(settings, m, sides),
            Summary = Summary(settings, data, m, sides, training, python),
        };

    private static string I(FormattableString text) => FormattableString.Invariant(text);

    private static double Sd(IEnumerable<int> values) => values.Select(v => (double)v).StandardDeviation();

    private static ReportTable SizeTable(MechanismMeasurements m)
    {
        int n = m.Rows;
        var table = new ReportTable("get-splits-sizes", ["part", "mask", "aimed at (rows)", "calls", "mean rows (95% t)", "SD", "binomial SD √(n·p·(1−p))", "min", "max", "calls with exactly the aimed rows"]);
        void Add(string part, string mask, double p, int[] sizes)
        {
            int aimed = (int)Math.Round(p * n);
            table.AddRow(part, mask, aimed, m.Calls, Stats.MeanWithInterval([.. sizes.Select(s => (double)s)]), Sd(sizes), Math.Sqrt(n * p * (1 - p)),
                sizes.Min(), sizes.Max(), sizes.Count(s => s == aimed));
        }

        Add("train", "rnd < 0.8", AnswerSplit.TrainBelow, m.TrainSizes);
        Add("valid", "(rnd >= 0.8) & (rnd < 0.9), the intended line", AnswerSplit.ValidationShare, m.ValidationSizes);
        Add("test", "rnd >= 0.9", AnswerSplit.TestShare, m.TestSizes);
        table.AddRow("all three", "", n, m.Calls, "", "", "", "", "", m.ExactSizeCalls.Hits);
        table.AddRow("rows out of file order", "df[mask] keeps file order", "", m.Calls, "", "", "", "", "", m.ReorderedCalls.Hits);
        return table;
    }

    private static ReportTable OverlapTable(MechanismMeasurements m) =>
        new ReportTable("test-set-overlap", ["pairs of consecutive unseeded calls (A, B)", "quantity", "mean (95% t interval)", "min", "max"])
            .AddRow(m.TestInCommon.Length, "share of B's test rows also in A's test set", m.TestShareInCommon, m.TestInCommon.Min(), m.TestInCommon.Max())
            .AddRow(m.TestInCommon.Length, "share of B's test rows that were training rows in A", m.TestShareWasTraining, m.TestWasTraining.Min(), m.TestWasTraining.Max())
            .AddRow(m.TestInCommon.Length, "share of B's training rows also in A's training set", m.TrainShareInCommon, m.TrainInCommon.Min(), m.TrainInCommon.Max());

    private static ReportTable Precedence(PythonFacts python)
    {
        var table = new ReportTable("precedence-bug", ["fact (measured by replicate.py, not by this program)", "value"]);
        table.AddRow("source", python.Source);
        foreach (var (fact, value) in python.Facts)
        {
            table.AddRow(fact, value);
        }

        return table;
    }

    private static ReportTable SeedTable(SeedDemonstrations seeds)
    {
        var table = new ReportTable("seed-checks", ["procedure", "seeds", "same seed, same output", "next seed, other output", "first seed", "run 1: SHA-256 (16 hex digits)", "run 2", "next seed"]);
        foreach (var c in new[] { seeds.Numbers, seeds.GetSplits, seeds.ShuffleAndCut })
        {
            table.AddRow(c.Procedure, c.SameSeedIdentical.Total, c.SameSeedIdentical.Hits, c.OtherSeedDifferent.Hits, c.Example.Seed, c.Example.First, c.Example.Second, c.Example.Next);
        }

        return table;
    }

    /// <summary>"established", "practically tied" or "not established", from the gap's 95% t interval.</summary>
    internal static string Standing(PairMeasurements p) =>
        p.RankingEstablished ? $"established: {p.Leader} ahead"
        : p.Gap.Lower >= -TieMargin && p.Gap.Upper <= TieMargin ? I($"practically tied (interval within ±{TieMargin})")
        : "not established";

    private static ReportTable TrueRanking(Measurements m)
    {
        var table = new ReportTable("true-ranking", ["case", "logistic regression against", "calls", "calls left out (AUC undefined)", "mean test AUC, logistic regression", "mean test AUC, other", "AUC(logistic) − AUC(other), 95% t over calls", "ranking"]);
        foreach (var p in new[] { m.Different, m.Tied })
        {
            table.AddRow(p.Case, p.Other, p.Calls, p.UndefinedCalls, p.Logistic.Mean(), p.OtherAuc.Mean(), p.Gap, Standing(p));
        }

        return table;
    }

    private static ReportTable FlipTable(Measurements m)
    {
        var table = new ReportTable("ranking-flips", ["case", "scheme", "comparisons", "SD of AUC(logistic) − AUC(other) (95% bootstrap)", "share picking the model behind on average (95% bootstrap; ties count half)"]);
        foreach (var p in new[] { m.Different, m.Tied })
        {
            long calls = p.Calls;
            table.AddRow(p.Case, "both models on one split (call t)", calls, p.SdShared, p.SharedFlipRate);
            table.AddRow(p.Case, "each model on its own split (calls i ≠ j)", calls * (calls - 1), p.SdOwn, p.OwnFlipRate);
        }

        return table;
    }

    private static ReportTable RankingEffects(Measurements m)
    {
        var table = new ReportTable("ranking-effects", ["case", "judged?", "increase in picking the model behind, own − one split (95% bootstrap)", "SD ratio, own / one split (95% bootstrap)"]);
        table.AddRow(m.Different.Case, "yes: decides ranking-flips and noisier-comparison", m.Different.FlipIncrease, m.Different.SdRatio);
        table.AddRow(m.Tied.Case, "no: no true ranking, so a flip is a coin toss", m.Tied.FlipIncrease, m.Tied.SdRatio);
        return table;
    }

    private static ReportTable IdTable(SideMeasurements s) =>
        new ReportTable("row-ids", ["id", "rows", "distinct ids", "rows repeating an earlier id"])
            .AddRow("raw CSV line (all field values and the label)", s.Rows, s.Rows - s.DuplicateIds, s.DuplicateIds)
            .AddRow("file line number", s.Rows, s.Rows, 0);

    private static ReportTable SideTable(SideMeasurements s)
    {
        var table = new ReportTable("side-changes", ["split procedure (seeded alike in both executions)", "change to the file between executions", "rows in both files", "rows that changed side", "share (95% Wilson)"]);
        foreach (var procedure in s.All)
        {
            foreach (var (change, moved) in procedure.Changes)
            {
                string what = change switch
                {
                    "rows deleted" => I($"{s.DeletedRows} rows deleted"),
                    "rows appended" => I($"{s.AppendedRows} new rows appended"),
                    _ => change,
                };
                table.AddRow(procedure.Procedure, what, moved.Total, moved.Hits, Stats.Wilson(moved));
            }
        }

        return table;
    }

    private static ReportTable RetrainTable(TrainingMeasurements t)
    {
        var table = new ReportTable("training-reproducibility", ["trainer (one thread)", "MLContext seed", "retrains compared with the first", "bit-identical", "max |difference in probability|"]);
        foreach (var r in t.SingleThreaded.Concat(t.OtherSeed))
        {
            table.AddRow(r.Trainer, r.Seed, r.Compared, r.Identical, r.MaxDifference);
        }

        return table;
    }

    private static ReportTable ConvergenceTable(TrainingMeasurements t)
    {
        var table = new ReportTable("convergence", ["trainer", "cap", "tolerance", "check", "relative change of weights", "relative change of training log loss", "threshold", "converged"]);
        foreach (var c in t.Convergence)
        {
            table.AddRow(c.Trainer, c.Cap, c.Tolerance, c.Check, c.Result.WeightChange, c.Result.LossChange, c.Result.Threshold, c.Result.Converged ? "yes" : "no");
        }

        return table;
    }

    private static ReportTable MultiThreaded(TrainingMeasurements t)
    {
        var table = new ReportTable("multi-threaded-training", ["trainer", "retrains compared with the first", "bit-identical", "max |difference in probability|", "mean training time (ms)"]);
        foreach (var r in t.MultiThreaded)
        {
            table.AddRow(r.Trainer, r.Compared, r.Identical, r.MaxDifference, r.MeanMilliseconds);
        }

        return table;
    }

    private static IReadOnlyList<Figure> BuildFigures(string data, Measurements m, SideMeasurements s)
    {
        var mech = m.Mechanism;
        int Aimed(double p) => (int)Math.Round(p * mech.Rows);
        static double[] Own(PairMeasurements p) =>
            [.. Enumerable.Range(0, p.Calls).SelectMany(i => Enumerable.Range(0, p.Calls).Where(j => j != i).Select(j => p.Logistic[i] - p.OtherAuc[j]))];
        return
        [
            Figures.Box("get-splits-sizes.png", I($"Rows per part minus the aimed rows, {mech.Calls} calls of get_splits ({mech.Rows} rows)"), "rows",
            [
                new BoxGroup("train (rnd < 0.8)", [.. mech.TrainSizes.Select(x => (double)(x - Aimed(AnswerSplit.TrainBelow)))]),
                new BoxGroup("valid (0.8 ≤ rnd < 0.9)", [.. mech.ValidationSizes.Select(x => (double)(x - Aimed(AnswerSplit.ValidationShare)))]),
                new BoxGroup("test (rnd ≥ 0.9)", [.. mech.TestSizes.Select(x => (double)(x - Aimed(AnswerSplit.TestShare)))]),
            ]),
            Figures.Box("test-set-overlap.png", I($"Two unseeded get_splits calls ({mech.TestInCommon.Length} pairs)"), "share of rows",
            [
                new BoxGroup("B's test rows in A's test set", mech.TestInCommon),
                new BoxGroup("B's test rows in A's training set", mech.TestWasTraining),
                new BoxGroup("B's training rows in A's training set", mech.TrainInCommon),
            ]),
            Figures.Box("auc-differences.png", I($"AUC(logistic) − AUC(other model), {data}, {m.Different.Calls} calls"), "AUC difference",
            [
                new BoxGroup("single tree, one split", [.. m.Different.Logistic.Zip(m.Different.OtherAuc, (a, b) => a - b)]),
                new BoxGroup("single tree, own splits", Own(m.Different)),
                new BoxGroup("FastTree, one split", [.. m.Tied.Logistic.Zip(m.Tied.OtherAuc, (a, b) => a - b)]),
                new BoxGroup("FastTree, own splits", Own(m.Tied)),
            ]),
            Figures.Bars("ranking-flips.png", "Comparisons that pick the model behind on average", "share of comparisons (95% bootstrap interval)",
            [
                new BarValue("single tree\none split", m.Different.SharedFlipRate),
                new BarValue("single tree\nown splits", m.Different.OwnFlipRate),
                new BarValue("FastTree (tied)\none split", m.Tied.SharedFlipRate),
                new BarValue("FastTree (tied)\nown splits", m.Tied.OwnFlipRate),
            ]),
            Figures.Bars("side-changes.png", "Old rows that changed side when the file changed", "share of rows (95% Wilson interval)",
            [
                .. new[] { (s.SeededGetSplits, "get_splits"), (s.SeededShuffle, "shuffle+cut"), (s.ContentHash, "hash(row)") }
                    .SelectMany(p => p.Item1.Changes.Select(c => new BarValue($"{p.Item2}\n{c.Change.Replace("rows ", "", StringComparison.Ordinal)}", Stats.Wilson(c.Moved)))),
            ]),
        ];
    }

    private static IReadOnlyList<Effect> Effects(ReproducibleSplitsSettings settings, Measurements m, SideMeasurements s) =>
    [
        new("train-size-sd", I($"SD of the training rows per get_splits call (np.random.rand mask, seeds {m.Mechanism.FirstSeed} + t, {m.Mechanism.Calls} calls, data seed {settings.Seed})"), Sd(m.Mechanism.TrainSizes)),
        new("auc-gap-logistic-minus-tree", "mean test AUC, logistic regression minus a single 20-leaf tree (really different pair)", m.Different.Gap.Estimate),
        new("flip-increase-different-pair", "share of comparisons picking the worse model, own splits minus one split (really different pair)", m.Different.FlipIncrease.Estimate),
        new("sd-increase-different-pair", "SD of the AUC difference, own splits minus one split (really different pair)", m.Different.SdOwn.Estimate - m.Different.SdShared.Estimate),
        new("sd-increase-tied-pair", "SD of the AUC difference, own splits minus one split (tied pair: logistic regression vs boosted trees)", m.Tied.SdOwn.Estimate - m.Tied.SdShared.Estimate),
        new("get-splits-moved-reorder-minus-append", "share of old rows the seeded get_splits moves when rows are reordered minus when rows are appended", s.SeededGetSplits.Reordered.Fraction - s.SeededGetSplits.Appended.Fraction),
        new("shuffle-minus-get-splits-moved-append", "share of old rows moved by appending rows, seeded shuffle-and-cut minus seeded get_splits", s.SeededShuffle.Appended.Fraction - s.SeededGetSplits.Appended.Fraction),
        new("get-splits-minus-hash-moved-reorder", "share of rows moved by reordering, seeded get_splits minus hash of the row", s.SeededGetSplits.Reordered.Fraction - s.ContentHash.Reordered.Fraction),
    ];

    private static string Summary(ReproducibleSplitsSettings settings, string data, Measurements m, SideMeasurements s, TrainingMeasurements t, PythonFacts python)
    {
        var mech = m.Mechanism;
        var (d, tied) = (m.Different, m.Tied);
        string? outcome = python.Facts.FirstOrDefault(f => f.Fact.StartsWith("outcome", StringComparison.Ordinal)).Value;
        string precedence = outcome is null ? I($"As written, its valid line's behaviour is Python's and is not measured here ({python.Source}). ")
            : I($"As written, its valid line does not run: replicate.py measured \"{outcome}\" ({python.Source}). ");
        return I($"The answer's get_splits draws one uniform number per row and masks: on the {mech.Rows} rows of {data}, {mech.Calls} calls gave {mech.TrainSizes.Min()} to {mech.TrainSizes.Max()} training rows ")
            + I($"(SD {Numbers.Format(Sd(mech.TrainSizes))}; exactly 80/10/10 in {mech.ExactSizeCalls.Hits} calls) and kept the file order, so rand() orders nothing. ")
            + precedence + I($"Two unseeded calls share {Numbers.Percent(mech.TestShareInCommon.Estimate)} of their test rows, and ")
            + I($"{Numbers.Percent(mech.TestShareWasTraining.Estimate)} of one call's test rows were the other's training rows. Logistic regression beats a single tree by {Numbers.Format(d.Gap)} AUC over {d.Calls} calls; ")
            + I($"the worse model wins {Numbers.Percent(d.SharedFlipRate.Estimate)} of comparisons on one split and {Numbers.Percent(d.OwnFlipRate.Estimate)} when each model calls get_splits itself ")
            + I($"(increase {Numbers.Format(d.FlipIncrease)}). Against boosted trees ({Numbers.Format(tied.Gap)} AUC, {Standing(tied)}) the worse-on-average model wins {Numbers.Percent(tied.SharedFlipRate.Estimate)} and {Numbers.Percent(tied.OwnFlipRate.Estimate)} of comparisons")
            + (tied.SharedFlipRate.Estimate >= CoinToss && tied.OwnFlipRate.Estimate >= CoinToss ? ": close to a coin toss either way, so a seed makes such a ranking repeatable, not right. " : ". ")
            + I($"A seed set in advance repeats the split ({m.Seeds.GetSplits.SameSeedIdentical.Hits} of {m.Seeds.GetSplits.SameSeedIdentical.Total} seeds); when rows are appended it moves ")
            + I($"{s.SeededGetSplits.Appended.Hits} of the {s.SeededGetSplits.Appended.Total} old rows (rand(n + k) begins with rand(n)), but {Numbers.Percent(s.SeededGetSplits.Reordered.Fraction)} when the file is reordered and {Numbers.Percent(s.SeededGetSplits.Deleted.Fraction)} when {s.DeletedRows} rows are deleted; ")
            + I($"a seeded shuffle-and-cut (train_test_split with random_state) moves {Numbers.Percent(s.SeededShuffle.Appended.Fraction)} on appending. ")
            + I($"A hash of the raw row moves {s.ContentHash.Reordered.Hits}, {s.ContentHash.Deleted.Hits} and {s.ContentHash.Appended.Hits} rows under the three changes. ")
            + I($"Seeded single-threaded ML.NET training repeated bit for bit in {t.SingleThreadIdentical.Hits} of {t.SingleThreadIdentical.Total} retrains (seed {settings.Seed}); multi-threaded SDCA need not, so it is listed under timings only.");
    }
}
