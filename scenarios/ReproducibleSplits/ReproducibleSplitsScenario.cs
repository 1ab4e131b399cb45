using System.Diagnostics;
using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;
using Microsoft.ML;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Settings of the reproducible-splits scenario.</summary>
public sealed record ReproducibleSplitsSettings : ScenarioSettings
{
    /// <summary>Unseeded get_splits calls, each training logistic regression and FastTree on its split; 80 keeps the full run near 20 s of CPU time.</summary>
    public int Trials { get; init; }

    /// <summary>Trees of the FastTree model (30 instead of ML.NET's 100, for run time; on 800 training rows its test AUC is within noise of logistic regression either way).</summary>
    public int Trees { get; init; }

    /// <summary>Seeds checked for "same seed, same split".</summary>
    public int SeedChecks { get; init; }

    /// <summary>Share of rows held back and appended later as "new data".</summary>
    public double NewDataShare { get; init; }

    /// <summary>The data set from the catalogue (<see cref="Datasets.Names"/>).</summary>
    public string Data { get; init; } = "german_credit";

    /// <summary>Trainings per trainer configuration in the determinism check (each retrain is compared with the first).</summary>
    public int Retrains { get; init; }
}

/// <summary>
/// Questions 63–64: why set a random seed, and what is wrong with a <c>get_splits(df)</c> that shuffles and cuts 80/10/10
/// without one. On the German credit data (1000 rows, no duplicate rows): unseeded calls give different test sets, which
/// flips model rankings; seeded calls repeat; a hash of a stable row id survives reordering and new data; seeded,
/// single-threaded ML.NET training repeats bit for bit.
/// </summary>
public sealed class ReproducibleSplitsScenario : Scenario<ReproducibleSplitsSettings>
{
    internal const double TestFraction = 0.1;
    internal const double ValidationFraction = 0.1;

    internal static readonly Claim UnseededSplitsDiffer = new("unseeded-splits-differ",
        "Without a fixed seed, get_splits returns a different split on every call: two models that each call it are tested on different test sets, and one model's test rows were largely the other's training rows.");

    internal static readonly Claim RankingFlips = new("ranking-flips",
        "So the ranking of two models can flip just because each was scored on its own test set (and trained on its own training set): more often than when both models share one split.");

    internal static readonly Claim NoisierComparison = new("noisier-comparison",
        "Scoring each model on its own test set (after training on its own training set) adds noise to the comparison: the difference between the two models' scores varies more than when both share one split.");

    internal static readonly Claim SeededSplitIdentical = new("seeded-split-identical",
        "With a fixed seed, get_splits returns the identical split on every call and every run (a different seed gives a different split).");

    internal static readonly Claim HashSplitStable = new("hash-split-stable",
        "Better still, assign rows by a hash of a stable id: every row keeps its side (train / validation / test) when the data is reordered or new rows arrive, which a seeded random split does not.");

    internal static readonly Claim SeededTrainingReproducible = new("seeded-training-reproducible",
        "Also seed the training: with a seeded MLContext and one thread, ML.NET trains the same model run after run.");

    /// <inheritdoc/>
    public override string Id => "reproducible-splits";

    /// <inheritdoc/>
    public override string Title => "Reproducible splits";

    /// <inheritdoc/>
    public override Question Question { get; } = new(63, "Why do we need to set a random seed? (64: What is wrong with this get_splits function?)");

    /// <inheritdoc/>
    public override IReadOnlyList<Claim> Claims { get; } = [UnseededSplitsDiffer, RankingFlips, NoisierComparison, SeededSplitIdentical, HashSplitStable, SeededTrainingReproducible];

    /// <inheritdoc/>
    public override ReproducibleSplitsSettings DefaultSettings { get; } = new()
    {
        Seed = 63,
        Trials = 80,
        Trees = 30,
        SeedChecks = 20,
        NewDataShare = 0.2,
        Retrains = 3,
    };

    /// <inheritdoc/>
    public override ReproducibleSplitsSettings QuickSettings => DefaultSettings with { Trials = 8, Trees = 5, SeedChecks = 4, Retrains = 2 };

    /// <inheritdoc/>
    public override IReadOnlyList<ScenarioOption<ReproducibleSplitsSettings>> Options { get; } =
    [
        Option("--trials", "Unseeded get_splits calls, each training both models.", s => s.Trials, (s, v) => s with { Trials = v }, OptionRange.Integers(2, 10_000)),
        Option("--trees", "Trees of the FastTree model.", s => s.Trees, (s, v) => s with { Trees = v }, OptionRange.Integers(1, 1000)),
        Option("--seed-checks", "Seeds checked for identical splits.", s => s.SeedChecks, (s, v) => s with { SeedChecks = v }, OptionRange.Integers(1, 10_000)),
        Option("--new-data-share", "Share of rows held back and appended as new data.", s => s.NewDataShare, (s, v) => s with { NewDataShare = v }, OptionRange.Between(0.05, 0.5)),
        Option("--data", "Data set from the catalogue, e.g. german_credit or breast_cancer.", s => s.Data, (s, v) => s with { Data = v }, OptionRange.OneOf(Datasets.Names)),
        Option("--retrains", "Trainings per trainer configuration in the determinism check.", s => s.Retrains, (s, v) => s with { Retrains = v }, OptionRange.Integers(2, 100)),
    ];

    /// <inheritdoc/>
    public override ScenarioResult Run(ReproducibleSplitsSettings settings, IProgressReporter progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        Check(settings);

        var data = Datasets.Load(settings.Data);
        int n = data.RowCount;
        var models = Models.Featurize(data);

        // Sub-seeds, all from settings.Seed: the "environment" stream that unseeded calls draw from, the reordering, the new rows, the seed checks.
        var seeds = new MersenneTwister(settings.Seed);
        int environmentSeed = seeds.Next(), reorderSeed = seeds.Next(), newRowsSeed = seeds.Next(), checkSeed = seeds.Next(), fixedSplitSeed = seeds.Next();

        var stages = new ReportTable("stages", ["stage", "wall-clock seconds"]);
        var clock = Stopwatch.StartNew();
        T Timed<T>(string stage, Func<T> run)
        {
            clock.Restart();
            T result = run();
            stages.AddRow(stage, clock.Elapsed.TotalSeconds);
            return result;
        }

        var ranking = Timed("unseeded calls: train and score both models per call", () => RankingExperiment(settings, models, n, environmentSeed, progress));
        var seeded = Timed("seeded split checks", () => SeedChecks(settings, n, checkSeed));
        var sides = Timed("reorder / append side changes", () => SideExperiment(settings, data, reorderSeed, newRowsSeed, fixedSplitSeed));
        var training = Timed("retraining for determinism", () => TrainingExperiment(settings, models, n, fixedSplitSeed, progress));

        var measurements = new Measurements(
            ranking.ShareInCommon,
            ranking.ShareOfTestInOtherTraining,
            ranking.FlipsShared,
            ranking.FlipsOwn,
            ranking.SdShared,
            ranking.SdOwn,
            seeded.SameIdentical,
            seeded.OtherDifferent,
            sides.Random,
            sides.Hash,
            training.SingleThreadIdentical,
            training.SingleThreadMaxDifference);
        var claims = Judging.Judge(measurements, Wilson);

        return new ScenarioResult
        {
            Tables = [ranking.Overlap, ranking.Table, seeded.Table, sides.Ids, sides.Table, training.Table],
            Timings = [training.MultiThreaded, stages],
            Claims = claims,
            Figures = [ranking.OverlapFigure, ranking.DifferenceFigure, ranking.FlipFigure, sides.Figure],
            Summary = Summary(settings, ranking, seeded, sides, training),
        };
    }

    /// <summary>A 95% Wilson interval as an estimate.</summary>
    internal static Estimate Wilson(Count count)
    {
        var interval = Intervals.Wilson(count.Hits, count.Total);
        return new Estimate(interval.Estimate, interval.Lower, interval.Upper);
    }

    /// <summary>The mean with a 95% Student-t interval.</summary>
    internal static Estimate MeanWithInterval(IReadOnlyList<double> values)
    {
        double mean = values.Mean();
        if (values.Count < 2)
        {
            return new Estimate(mean, double.NaN, double.NaN);
        }

        double half = StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * values.StandardDeviation() / Math.Sqrt(values.Count);
        return new Estimate(mean, mean - half, mean + half);
    }

    /// <summary>Sample standard deviation of the values at the given (possibly repeated) positions.</summary>
    internal static double StandardDeviation(double[] values, ReadOnlySpan<int> rows)
    {
        double[] picked = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            picked[i] = values[rows[i]];
        }

        return picked.StandardDeviation();
    }

    /// <summary>The "unseeded" get_splits: each call gets the next seed of the environment stream.</summary>
    internal static HoldoutSplit GetSplits(int rowCount, int seed) => TrainTestSplit.Split(rowCount, TestFraction, seed, ValidationFraction);

    private static void Check(ReproducibleSplitsSettings s)
    {
        static void AtLeast(int value, int min, string name)
        {
            if (value < min)
            {
                throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} is {value}; it must be at least {min}. Pass a larger value."));
            }
        }

        AtLeast(s.Trials, 2, "--trials");
        AtLeast(s.Trees, 1, "--trees");
        AtLeast(s.SeedChecks, 1, "--seed-checks");
        AtLeast(s.Retrains, 2, "--retrains");
        if (!(s.NewDataShare is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException("--new-data-share", s.NewDataShare,
                string.Create(CultureInfo.InvariantCulture, $"--new-data-share is {s.NewDataShare}; it must be a share strictly between 0 and 1. Pass e.g. 0.2."));
        }
    }

    private sealed record Ranking(string Data, int Rows, Estimate ShareInCommon, Count FlipsShared, Count FlipsOwn, Estimate SdShared, Estimate SdOwn, double MeanDifference, bool FastTreeAhead,
        Estimate ShareOfTestInOtherTraining, ReportTable Overlap, ReportTable Table, Figure OverlapFigure, Figure DifferenceFigure, Figure FlipFigure);

    /// <summary>
    /// Trial t draws seed s_t from the environment stream (an unseeded call in real code takes an arbitrary seed from the
    /// environment), splits 80/10/10, trains both models on the training part and scores AUC on the test part.
    /// Shared split: logistic regression and FastTree of the same trial. Own split: logistic regression of trial t against
    /// FastTree of trial t+1 (cyclically), as if each model had called get_splits itself.
    /// </summary>
    private static Ranking RankingExperiment(ReproducibleSplitsSettings settings, Models models, int n, int environmentSeed, IProgressReporter progress)
    {
        var environment = new MersenneTwister(environmentSeed);
        int trials = settings.Trials;
        var splits = new HoldoutSplit[trials];
        var aucLogistic = new double[trials];
        var aucTree = new double[trials];
        for (int t = 0; t < trials; t++)
        {
            splits[t] = GetSplits(n, environment.Next());
            var train = splits[t].TrainIndices;
            var test = splits[t].TestIndices;
            var labels = models.Labels(test);

            // Training is seeded and single-threaded, so only the split differs between trials.
            aucLogistic[t] = Roc.Auc(labels, models.TrainAndScore(new MLContext(settings.Seed), Models.LogisticRegression(new MLContext(settings.Seed)), train, test));
            aucTree[t] = Roc.Auc(labels, models.TrainAndScore(new MLContext(settings.Seed), Models.FastTree(new MLContext(settings.Seed), 1, settings.Trees), train, test));
            progress.Report("unseeded get_splits calls", t + 1, trials);
        }

        var shared = new double[trials];
        var own = new double[trials];
        var inCommon = new double[trials];
        var jaccard = new double[trials];
        var testWasTraining = new double[trials];
        for (int t = 0; t < trials; t++)
        {
            int next = (t + 1) % trials;
            shared[t] = aucTree[t] - aucLogistic[t];
            own[t] = aucTree[next] - aucLogistic[t];
            inCommon[t] = SplitMeasures.ShareOfSecondIn(splits[t].TestIndices, splits[next].TestIndices);
            jaccard[t] = SplitMeasures.Jaccard(splits[t].TestIndices, splits[next].TestIndices);
            testWasTraining[t] = SplitMeasures.ShareOfSecondIn(splits[t].TrainIndices, splits[next].TestIndices);
        }

        // Reference ranking: the sign of the mean shared-split difference. A comparison "flips" when the other model wins (a tie is no flip).
        double meanDifference = shared.Mean();
        bool treeAhead = meanDifference > 0;
        int Flips(double[] differences) => differences.Count(d => treeAhead ? d < 0 : d > 0);
        Estimate SdWithInterval(double[] differences, int seed)
        {
            var interval = Bootstrap.Percentile(differences.Length, rows => StandardDeviation(differences, rows), seed).Interval;
            return new Estimate(interval.Estimate, interval.Lower, interval.Upper); // as measured, never widened
        }

        var sdShared = SdWithInterval(shared, settings.Seed);
        var sdOwn = SdWithInterval(own, settings.Seed + 1);
        var flipsShared = new Count(Flips(shared), trials);
        var flipsOwn = new Count(Flips(own), trials);

        Estimate shareInCommon = MeanWithInterval(inCommon);
        Estimate jaccardMean = MeanWithInterval(jaccard);
        Estimate trainingShare = MeanWithInterval(testWasTraining);
        var overlap = new ReportTable("test-set-overlap", ["pairs of unseeded calls", "quantity", "mean (95% t interval)", "min", "max"])
            .AddRow(trials, "share of call B's test rows also in call A's test set", shareInCommon, inCommon.Min(), inCommon.Max())
            .AddRow(trials, "Jaccard index of the two test sets", jaccardMean, jaccard.Min(), jaccard.Max())
            .AddRow(trials, "share of call B's test rows that were training rows in call A", trainingShare, testWasTraining.Min(), testWasTraining.Max());

        string reference = treeAhead ? "FastTree ahead" : "logistic regression ahead";
        var table = new ReportTable("ranking-flips", ["comparison", "comparisons", "mean AUC(FastTree) - AUC(logistic) (95% t interval)", "SD of the difference (95% percentile bootstrap)", "reference ranking (sign of the mean shared-split difference)", "other model wins", "ties", "flip rate (95% Wilson)"])
            .AddRow("both models on one split", trials, MeanWithInterval(shared), sdShared, reference, flipsShared.Hits, shared.Count(d => d == 0), Wilson(flipsShared))
            .AddRow("each model on its own unseeded split", trials, MeanWithInterval(own), sdOwn, reference, flipsOwn.Hits, own.Count(d => d == 0), Wilson(flipsOwn));

        var overlapFigure = Figures.Box("test-set-overlap.png", $"Two unseeded 80/10/10 calls ({trials} pairs, {n} rows)", "share of rows",
            [new BoxGroup("B's test rows also in A's test set", inCommon), new BoxGroup("Jaccard index of the test sets", jaccard), new BoxGroup("B's test rows in A's training set", testWasTraining)]);
        var differenceFigure = Figures.Box("auc-differences.png", $"AUC(FastTree) - AUC(logistic regression), {models.Name}, {trials} comparisons", "AUC difference",
            [new BoxGroup("both models on one split", shared), new BoxGroup("each model on its own split", own)]);
        string leader = treeAhead ? "FastTree" : "logistic regression", other = treeAhead ? "logistic regression" : "FastTree";
        var flipFigure = Figures.Bars("ranking-flips.png", $"How often {other} wins, though {leader} leads on average", "share of comparisons (95% Wilson interval)",
            [new BarValue("both models on one split", Wilson(flipsShared)), new BarValue("each model on its own split", Wilson(flipsOwn))]);
        return new Ranking(models.Name, n, shareInCommon, flipsShared, flipsOwn, sdShared, sdOwn, meanDifference, treeAhead, trainingShare, overlap, table, overlapFigure, differenceFigure, flipFigure);
    }

    private sealed record Seeded(Count SameIdentical, Count OtherDifferent, ReportTable Table);

    /// <summary>For each checked seed: two calls with that seed, and one call with the next checked seed.</summary>
    private static Seeded SeedChecks(ReproducibleSplitsSettings settings, int n, int checkSeed)
    {
        var random = new MersenneTwister(checkSeed);
        int[] checkedSeeds = [.. Enumerable.Range(0, settings.SeedChecks + 1).Select(_ => random.Next())];
        var table = new ReportTable("seeded-splits", ["seed", "call 1: SHA-256 of the index lists (first 16 hex digits)", "call 2: SHA-256", "same split", "next seed's SHA-256", "differs from the next seed"]);
        int same = 0, different = 0;
        for (int i = 0; i < settings.SeedChecks; i++)
        {
            string first = SplitMeasures.Fingerprint(GetSplits(n, checkedSeeds[i]));
            string second = SplitMeasures.Fingerprint(GetSplits(n, checkedSeeds[i]));
            string other = SplitMeasures.Fingerprint(GetSplits(n, checkedSeeds[i + 1]));
            same += first == second ? 1 : 0;
            different += first != other ? 1 : 0;
            if (i < 3)
            {
                table.AddRow(checkedSeeds[i], first, second, first == second ? "yes" : "no", other, first != other ? "yes" : "no");
            }
        }

        table.AddRow(string.Create(CultureInfo.InvariantCulture, $"all {settings.SeedChecks} seeds"), "", "", string.Create(CultureInfo.InvariantCulture, $"{same} of {settings.SeedChecks}"), "",
            string.Create(CultureInfo.InvariantCulture, $"{different} of {settings.SeedChecks}"));
        return new Seeded(new Count(same, settings.SeedChecks), new Count(different, settings.SeedChecks), table);
    }

    private sealed record Sides(SideChanges Random, SideChanges Hash, SideChanges LineNumber, int DuplicateRows, ReportTable Ids, ReportTable Table, Figure Figure);

    /// <summary>
    /// Rows changing side after (a) reordering all rows and (b) appending held-back rows, for a seeded random split and for
    /// hash splits keyed by the row's raw CSV text (content id) and by its file line number.
    /// </summary>
    private static Sides SideExperiment(ReproducibleSplitsSettings settings, Dataset data, int reorderSeed, int newRowsSeed, int splitSeed)
    {
        int n = data.RowCount;
        string[] content = RowIds.RawLines(data);
        int duplicates = RowIds.DuplicateCount(content);

        HoldoutSplit RandomSplit(IReadOnlyList<string> ids) => GetSplits(ids.Count, splitSeed);
        HoldoutSplit HashById(IReadOnlyList<string> ids) => ClassicalML.Data.Splits.HashSplit.Assign([.. ids], TestFraction, ValidationFraction);

        // (a) Reordering: position p of the reordered file holds original row order[p]; a line number is the new position.
        int[] order = [.. Enumerable.Range(0, n)];
        Combinatorics.SelectPermutationInplace(order, new MersenneTwister(reorderSeed));

        // (b) Growth: the first file lacks a random share of rows; they are appended at its end later.
        int held = (int)Math.Round(settings.NewDataShare * n);
        var newRows = new HashSet<int>(Combinatorics.GenerateCombination(n, held, new MersenneTwister(newRowsSeed)).Select((chosen, i) => (chosen, i)).Where(p => p.chosen).Select(p => p.i));
        int[] kept = [.. Enumerable.Range(0, n).Where(r => !newRows.Contains(r))];
        int[] grown = [.. kept, .. Enumerable.Range(0, n).Where(newRows.Contains)];

        string Line(int position) => (position + 2).ToString(CultureInfo.InvariantCulture);
        SideChanges Measure(Func<int, string> originalId, Func<int, string> reorderedId, Func<int, string> smallerFileId, Func<int, string> grownFileId, Func<IReadOnlyList<string>, HoldoutSplit> split)
        {
            string[] Ids(int count, Func<int, string> id) => [.. Enumerable.Range(0, count).Select(id)];
            var before = split(Ids(n, originalId)).SetOfRow;
            var afterReorder = SplitMeasures.BackToOriginalOrder(split(Ids(n, reorderedId)).SetOfRow, order);
            var smaller = split(Ids(kept.Length, smallerFileId)).SetOfRow;
            var grownSets = split(Ids(n, grownFileId)).SetOfRow;
            return new SideChanges(
                new Count(SplitMeasures.ChangedSide(before, afterReorder), n),
                new Count(SplitMeasures.ChangedSide(smaller, [.. grownSets.Take(kept.Length)]), kept.Length));
        }

        // Content ids travel with the row; a line number is the row's position in whichever file is split.
        var random = Measure(r => content[r], p => content[order[p]], p => content[kept[p]], p => content[grown[p]], RandomSplit);
        var hash = Measure(r => content[r], p => content[order[p]], p => content[kept[p]], p => content[grown[p]], HashById);
        var line = Measure(Line, Line, Line, Line, HashById);

        var ids = new ReportTable("row-ids", ["id", "rows", "distinct ids", "rows repeating an earlier id"])
            .AddRow("raw CSV line (all field values and the label)", n, n - duplicates, duplicates)
            .AddRow("file line number", n, n, 0);
        var table = new ReportTable("side-changes", ["split", "change to the data", "original rows", "rows that changed side", "share (95% Wilson)"]);
        void Add(string name, SideChanges c)
        {
            table.AddRow(name, "rows reordered", c.Reordered.Total, c.Reordered.Hits, Wilson(c.Reordered));
            table.AddRow(name, string.Create(CultureInfo.InvariantCulture, $"{held} new rows appended"), c.Appended.Total, c.Appended.Hits, Wilson(c.Appended));
        }

        Add("seeded random 80/10/10 (same seed)", random);
        Add("hash of the raw CSV line", hash);
        Add("hash of the file line number", line);
        var figure = Figures.Bars("side-changes.png", "Original rows that changed side (train / validation / test)", "share of rows (95% Wilson interval)",
        [
            new BarValue("random\nreordered", Wilson(random.Reordered)),
            new BarValue("random\nappended", Wilson(random.Appended)),
            new BarValue("hash(row text)\nreordered", Wilson(hash.Reordered)),
            new BarValue("hash(row text)\nappended", Wilson(hash.Appended)),
            new BarValue("hash(line no.)\nreordered", Wilson(line.Reordered)),
            new BarValue("hash(line no.)\nappended", Wilson(line.Appended)),
        ]);
        return new Sides(random, hash, line, duplicates, ids, table, figure);
    }

    private sealed record Training(Count SingleThreadIdentical, double SingleThreadMaxDifference, double SdcaOtherSeedDifference, ReportTable Table, ReportTable MultiThreaded);

    /// <summary>
    /// Retrains each trainer configuration on one fixed split with the same seed and compares the test-set probabilities
    /// with the first training. Single-threaded results are deterministic and decide the verdict; multi-threaded results
    /// go to the timings section because they can change from run to run (see the README).
    /// </summary>
    private static Training TrainingExperiment(ReproducibleSplitsSettings settings, Models models, int n, int splitSeed, IProgressReporter progress)
    {
        var split = GetSplits(n, splitSeed);
        var train = split.TrainIndices;
        var test = split.TestIndices;
        (string Name, Func<MLContext, IEstimator<ITransformer>> Make)[] single =
        [
            ("logistic regression, L-BFGS", ml => Models.LogisticRegression(ml)),
            ("logistic regression, SDCA", ml => Models.Sdca(ml, 1)),
            ("FastTree", ml => Models.FastTree(ml, 1, settings.Trees)),
        ];
        (string Name, Func<MLContext, IEstimator<ITransformer>> Make)[] multi =
        [
            ("logistic regression, SDCA, 2 threads", ml => Models.Sdca(ml, 2)),
            ("logistic regression, SDCA, default threads", ml => Models.Sdca(ml, null)),
            ("FastTree, 2 threads", ml => Models.FastTree(ml, 2, settings.Trees)),
            ("FastTree, default threads", ml => Models.FastTree(ml, null, settings.Trees)),
        ];
        int steps = (single.Length + multi.Length) * settings.Retrains + 2, step = 0;

        (double[][] Runs, double MeanMilliseconds) Repeat(Func<MLContext, IEstimator<ITransformer>> make, int seed, int times)
        {
            var runs = new double[times][];
            var clock = Stopwatch.StartNew();
            for (int r = 0; r < times; r++)
            {
                runs[r] = models.TrainAndScore(new MLContext(seed), make(new MLContext(seed)), train, test);
                progress.Report("retraining", ++step, steps);
            }

            return (runs, clock.Elapsed.TotalMilliseconds / times);
        }

        var table = new ReportTable("training-reproducibility", ["trainer (one thread)", "MLContext seed", "retrains compared with the first", "bit-identical", "max |difference in probability|"]);
        int identical = 0, compared = 0;
        double maxDifference = 0;
        var firstRuns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, make) in single)
        {
            var (runs, _) = Repeat(make, settings.Seed, settings.Retrains);
            firstRuns[name] = runs[0];
            var (same, max) = Compare(runs);
            identical += same;
            compared += runs.Length - 1;
            maxDifference = Math.Max(maxDifference, max);
            table.AddRow(name, settings.Seed, runs.Length - 1, same, max);
        }

        // The seed matters only for trainers that draw random numbers: SDCA shuffles the rows; FastTree with default options draws nothing.
        double sdcaOther = 0;
        foreach (var (name, make) in single.Skip(1))
        {
            var (other, _) = Repeat(make, settings.Seed + 1, 1);
            double max = MaxDifference(firstRuns[name], other[0]);
            sdcaOther = name.Contains("SDCA", StringComparison.Ordinal) ? max : sdcaOther;
            table.AddRow(name + " (seed + 1 vs seed)", settings.Seed + 1, 1, BitIdentical(firstRuns[name], other[0]) ? 1 : 0, max);
        }

        var multiTable = new ReportTable("multi-threaded-training", ["trainer", "retrains compared with the first", "bit-identical", "max |difference in probability|", "mean training time (ms)"]);
        foreach (var (name, make) in multi)
        {
            var (runs, ms) = Repeat(make, settings.Seed, settings.Retrains);
            var (same, max) = Compare(runs);
            multiTable.AddRow(name, runs.Length - 1, same, max, ms);
        }

        return new Training(new Count(identical, compared), maxDifference, sdcaOther, table, multiTable);
    }

    /// <summary>How many runs after the first are bit-identical to it, and the largest absolute difference.</summary>
    internal static (int Identical, double Max) Compare(IReadOnlyList<double[]> runs)
    {
        int identical = 0;
        double max = 0;
        for (int r = 1; r < runs.Count; r++)
        {
            double d = MaxDifference(runs[0], runs[r]);
            identical += BitIdentical(runs[0], runs[r]) ? 1 : 0;
            max = Math.Max(max, d);
        }

        return (identical, max);
    }

    /// <summary>Whether the two arrays hold the same doubles bit for bit.</summary>
    internal static bool BitIdentical(double[] a, double[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => BitConverter.DoubleToInt64Bits(p.First) == BitConverter.DoubleToInt64Bits(p.Second));

    /// <summary>max |a_i - b_i| (NaN when a value is NaN).</summary>
    internal static double MaxDifference(double[] a, double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = Math.Abs(a[i] - b[i]);
            max = double.IsNaN(d) || d > max ? d : max;
            if (double.IsNaN(max))
            {
                return max;
            }
        }

        return max;
    }

    private static string I(FormattableString text) => FormattableString.Invariant(text);

    private static string Summary(ReproducibleSplitsSettings settings, Ranking ranking, Seeded seeded, Sides sides, Training training)
    {
        string leader = ranking.FastTreeAhead ? "FastTree" : "Logistic regression";
        return I($"Two calls of an unseeded 80/10/10 get_splits on the {ranking.Rows} rows of {ranking.Data} share {Numbers.Percent(ranking.ShareInCommon.Value)} of their test rows on average ")
            + I($"(unseeded calls simulated by seeds drawn from a Mersenne Twister stream seeded with {settings.Seed}), and {Numbers.Percent(ranking.ShareOfTestInOtherTraining.Value)} of one call's test rows ")
            + I($"were training rows of the other. {leader} leads by {Numbers.Format(Math.Abs(ranking.MeanDifference))} AUC on average, yet the winner differs from that ranking in ")
            + I($"{ranking.FlipsOwn.Hits} of {ranking.FlipsOwn.Total} comparisons where each model got its own split, against {ranking.FlipsShared.Hits} of {ranking.FlipsShared.Total} when both shared one; the AUC difference has an SD of {Numbers.Format(ranking.SdOwn.Value)} with separate splits against {Numbers.Format(ranking.SdShared.Value)} with a shared one. ")
            + (ranking.FlipsShared.Fraction >= 0.25
                ? I($"With {Numbers.Percent(ranking.FlipsShared.Fraction)} flips even on a shared split, one {Numbers.Percent(TestFraction)} test set cannot rank these two models at all: a seed makes such a ranking repeatable, not right. ")
                : string.Empty)
            + I($"With a seed the split repeats exactly ({seeded.SameIdentical.Hits} of {seeded.SameIdentical.Total} seeds gave identical SHA-256 fingerprints). A seeded random split still moves ")
            + I($"{Numbers.Percent(sides.Random.Reordered.Fraction)} of the rows to another side when the file is reordered and {Numbers.Percent(sides.Random.Appended.Fraction)} when new rows are appended; ")
            + I($"a hash of the raw row text moves {sides.Hash.Reordered.Hits} and {sides.Hash.Appended.Hits}, while a hash of the line number survives appending ({sides.LineNumber.Appended.Hits} moved) but not reordering ")
            + I($"({Numbers.Percent(sides.LineNumber.Reordered.Fraction)}). Seeded single-threaded ML.NET training gave bit-identical predictions in {training.SingleThreadIdentical.Hits} of {training.SingleThreadIdentical.Total} retrains; ")
            + I($"the seed itself matters for SDCA (another seed changes a probability by up to {Numbers.Format(training.SdcaOtherSeedDifference)}). Multi-threaded runs are listed under timings because they need not repeat. ")
            + "So: split once with a fixed seed and save the split (or key it on a stable id), and seed the training too.";
    }
}
