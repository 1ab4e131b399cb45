using System.Diagnostics;
using ClassicalML.Data;
using Microsoft.ML;
using static ClassicalML.Scenarios.BaggingVsBoosting.Experiment;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>Sizes of the experiment, chosen so the full run takes about 40 s of CPU time (measured, single-threaded); spambase is subsampled to 1200 of its 4601 rows.</summary>
public sealed record Settings : ScenarioSettings
{
    /// <summary>Rows of spambase used (stratified subsample of 4601), split half/half into training pool and test set.</summary>
    public int SpambaseRows { get; init; } = 1200;

    /// <summary>Rows of the synthetic set (make_classification, no label noise), split half/half.</summary>
    public int SyntheticRows { get; init; } = 1200;

    /// <summary>Leaves of the deep tree (LightGBM, one tree, learning rate 1, one row per leaf allowed).</summary>
    public int DeepLeaves { get; init; } = 128;

    /// <summary>Bagged deep trees in the ensemble-size experiment (and out-of-bag, diversity).</summary>
    public int Members { get; init; } = 40;

    /// <summary>Trees of FastForest.</summary>
    public int ForestTrees { get; init; } = 20;

    /// <summary>Boosting rounds (stumps) of FastTree GBDT and LightGBM.</summary>
    public int BoostingTrees { get; init; } = 100;

    /// <summary>Learning rate of the boosted stumps.</summary>
    public double LearningRate { get; init; } = 0.3;

    /// <summary>Bootstrap training sets of the bias–variance decomposition.</summary>
    public int BiasVarianceRounds { get; init; } = 6;

    /// <summary>Bagged deep trees per round of the bias–variance decomposition.</summary>
    public int SmallEnsemble { get; init; } = 10;

    /// <summary>Members of the ensemble of identical members.</summary>
    public int IdenticalMembers { get; init; } = 5;

    /// <summary>Bootstrap resamples of test rows for intervals.</summary>
    public int Resamples { get; init; } = 400;

    /// <summary>Rows of the larger split for the out-of-bag claim (half training, half test): all of spambase's 4601, and as many synthetic rows.</summary>
    public int OutOfBagRows { get; init; } = 4601;

    /// <summary>Members of the bagged ensembles matched with boosting in the label-noise experiment.</summary>
    public int NoiseMembers { get; init; } = 20;

    /// <summary>Tree sizes (leaves) at which bagging and boosting are compared under label noise; the first must be 2 (stumps).</summary>
    public IReadOnlyList<int> MatchedLeaves { get; init; } = [2, 8];

    /// <summary>Members of each ensemble of the diversity trend.</summary>
    public int DiversityMembers { get; init; } = 16;

    /// <summary>The diversity levels of the trend, from least to most diverse as designed (the measured error correlation orders them in the judgement).</summary>
    public IReadOnlyList<DiversityLevel> DiversityLevels { get; init; } =
    [
        new("pasting, 90% of rows, all features", 0.9, false, 1),
        new("pasting, 60% of rows, all features", 0.6, false, 1),
        new("bootstrap, all features", 1, true, 1),
        new("bootstrap, 50% of features", 1, true, 0.5),
        new("bootstrap, 25% of features", 1, true, 0.25),
        new("bootstrap, 10% of features", 1, true, 0.1),
    ];

    /// <summary>Neighbours k of the k-NN member of the vote of different algorithms.</summary>
    public int Neighbors { get; init; } = 9;

    /// <summary>Fractions of training labels flipped (test labels stay clean); the label-noise repetitions compare clean labels with the last (noisiest) one.</summary>
    public IReadOnlyList<double> NoiseLevels { get; init; } = [0, 0.1, 0.2, 0.3];

    /// <summary>Rounds of AdaBoost (SAMME) in the label-noise comparison, at clean and the noisiest labels.</summary>
    public int AdaBoostRounds { get; init; } = 50;

    /// <summary>Learning rate of AdaBoost: 1, the reweighting as the answer describes it (no shrinkage).</summary>
    public double AdaBoostLearningRate { get; init; } = 1.0;

    /// <summary>Repetitions per data set of the weak-learner measurement (fresh split or draw and seeds each).</summary>
    public int Repetitions { get; init; } = 20;

    /// <summary>How many of them also run the label-noise measurement (a fresh flip each); at most <see cref="Repetitions"/>.</summary>
    public int NoiseRepetitions { get; init; } = 8;

    /// <summary>Repetitions run at once (each single-threaded with its own MLContext seed; the output does not depend on it).</summary>
    public int Parallelism { get; init; } = 2;
}

/// <summary>Bagging versus boosting, and why ensembles beat single models (questions 52 and 31).</summary>
public sealed class BaggingVsBoostingScenario : Scenario<Settings>
{
    internal static readonly Claim WeakLearnersCombine = new("weak-learners-combine-into-strong",
        "Bagging and boosting both combine weak learners (barely better than guessing) into a strong learner: an ensemble of stumps errs clearly less (5 points) than one stump.")
    {
        Quote = "a number of weak learners (classifiers/regressors that are barely better than guessing) combine (through averaging or max vote) to create a strong learner that can make accurate predictions",
    };

    internal static readonly Claim BaggingCutsVariance = new("bagging-cuts-variance",
        "Bagging trains models independently on bootstrap samples and averages them, which reduces the variance of a high-variance learner (a deep tree) while leaving its bias about the same.")
    {
        Quote = "Bagging means that you take bootstrap samples (with replacement) of your data set and each sample trains a (potentially) weak learner.",
    };

    internal static readonly Claim BoostingCutsBias = new("boosting-cuts-bias",
        "Boosting trains models sequentially, each focusing on the previous ones' errors, which reduces the bias of a weak learner (a stump).")
    {
        Quote = "instances that were misclassified by the previous learners are given more weight so that subsequent learners give more focus to them during training",
    };

    internal static readonly Claim DiversityMatters = new("diversity-matters",
        "Ensembles score higher than individual models because the errors of diverse models cancel out: the ensemble's gain over its average member grows as the members' errors correlate less, and members whose errors are perfectly correlated gain nothing.")
    {
        Quote = "The key idea for making better predictions is that the models should make different errors.",
    };

    internal static readonly Claim DifferentAlgorithms = new("different-algorithms-vote",
        "Different algorithms make diverse members: the majority vote of logistic regression, k-nearest neighbours and a decision tree scores higher than the individual models.")
    {
        Quote = "Using different ML algorithms. For example, you can combine logistic regression, k-nearest neighbors, and decision trees.",
    };

    internal static readonly Claim BoostingNoiseSensitive = new("boosting-noise-sensitive",
        "Boosting (AdaBoost's reweighting as well as gradient boosting) is more sensitive to label noise than bagging (it keeps focusing on the mislabelled rows), compared at the same tree size.");

    internal static readonly Claim OutOfBagTracksTest = new("oob-tracks-test",
        "The out-of-bag error of a bagged ensemble tracks its test error, so bagging needs no separate validation set.");

    public override string Id => "bagging-vs-boosting";

    public override string Title => "Bagging versus boosting";

    public override Question Question { get; } = new(52, "What's the difference between boosting and bagging?")
    {
        Reconstructed = true,
        Also = [new Question(31, "Why do ensembles typically have higher scores than individual models?")],
    };

    public override IReadOnlyList<Claim> Claims { get; } = [WeakLearnersCombine, BaggingCutsVariance, BoostingCutsBias, DiversityMatters, DifferentAlgorithms, BoostingNoiseSensitive, OutOfBagTracksTest];

    public override Settings DefaultSettings { get; } = new() { Seed = 2024 };

    public override Settings QuickSettings => DefaultSettings with
    {
        SpambaseRows = 400, SyntheticRows = 400, DeepLeaves = 32, Members = 10, ForestTrees = 5, BoostingTrees = 20,
        BiasVarianceRounds = 3, SmallEnsemble = 3, IdenticalMembers = 2, Resamples = 50, NoiseLevels = [0, 0.3], OutOfBagRows = 800, NoiseMembers = 3, AdaBoostRounds = 10, Repetitions = 4, NoiseRepetitions = 2,
        DiversityMembers = 4, DiversityLevels = [DefaultSettings.DiversityLevels[0], DefaultSettings.DiversityLevels[2], DefaultSettings.DiversityLevels[4]],
    };

    public override IReadOnlyList<ScenarioOption<Settings>> Options { get; } =
    [
        Option("--spambase-rows", "Rows of spambase used (stratified subsample), split half/half.", s => s.SpambaseRows, (s, v) => s with { SpambaseRows = v }, OptionRange.Integers(100, 4601)),
        Option("--synthetic-rows", "Rows of the synthetic set, split half/half.", s => s.SyntheticRows, (s, v) => s with { SyntheticRows = v }, OptionRange.Integers(100, 100_000)),
        Option("--members", "Bagged deep trees in the ensemble-size experiment.", s => s.Members, (s, v) => s with { Members = v }, OptionRange.Integers(2, 1000)),
        Option("--boosting-trees", "Boosting rounds (stumps).", s => s.BoostingTrees, (s, v) => s with { BoostingTrees = v }, OptionRange.Integers(2, 10_000)),
        Option("--rounds", "Bootstrap training sets of the bias-variance decomposition.", s => s.BiasVarianceRounds, (s, v) => s with { BiasVarianceRounds = v }, OptionRange.Integers(2, 100)),
        Option("--oob-rows", "Rows of the larger split for the out-of-bag claim (half training, half test).", s => s.OutOfBagRows, (s, v) => s with { OutOfBagRows = v }, OptionRange.Integers(200, 4601)),
        Option("--repetitions", "Repetitions of the weak-learner measurement per data set.", s => s.Repetitions, (s, v) => s with { Repetitions = v }, OptionRange.Integers(2, 1000)),
        Option("--noise-repetitions", "How many of them also run the label-noise measurement (at most --repetitions).", s => s.NoiseRepetitions, (s, v) => s with { NoiseRepetitions = v }, OptionRange.Integers(2, 1000)),
        Option("--parallelism", "Repetitions run at once (the output does not depend on it).", s => s.Parallelism, (s, v) => s with { Parallelism = v }, OptionRange.Integers(1, 64)),
        Option("--small-ensemble", "Bagged deep trees per bias-variance round.", s => s.SmallEnsemble, (s, v) => s with { SmallEnsemble = v }, OptionRange.Integers(1, 1000)),
    ];

    public override ScenarioResult Run(Settings settings, IProgressReporter progress)
    {
        var context = new MLContext(settings.Seed);
        var timings = new ReportTable("stage-times", ["stage", "seconds"]);
        var clock = Stopwatch.StartNew();
        void Lap(string stage)
        {
            timings.AddRow(stage, Math.Round(clock.Elapsed.TotalSeconds, 2));
            clock.Restart();
        }

        var (sets, large) = LoadData(context, settings);
        Lap("data");
        RequireStumpsFirst(settings);
        var report = new ReportBuilder(settings.MatchedLeaves);
        var repeated = Repetitions.Measure(settings, progress); // the weak-learner and label-noise claims, over fresh splits or draws
        Lap("repetitions (weak learners, label noise)");
        var evidence = new List<DatasetEvidence>();
        for (var d = 0; d < sets.Length; d++)
        {
            var data = sets[d];
            var seed = Seeds.Derive(settings.Seed, $"data set {data.Name}");
            var n = data.TestLabels.Length;
            report.Data.AddRow(data.Name, data.Train.RowCount, n, data.Test.Schema.NumericColumns.Count, data.TestLabels.Count(l => l) / (double)n);

            // Baseline: single learners. Method: ensembles of growing size. Comparisons: diversity, out-of-bag, bias–variance, label noise.
            var singles = Steps.SingleLearners(context, settings, data, report);
            var bagged = Steps.EnsembleSizes(context, settings, data, seed, singles, report);
            Lap(data.Name + ": ensemble sizes");
            var diversity = Steps.Diversity(context, settings, data, seed, bagged, report);
            var trend = DiversityTrend.Measure(context, settings, data, seed, report);
            var outOfBag = Steps.OutOfBag(context, settings, large[d], seed, report);
            var voting = Voting.Measure(context, settings, large[d], seed, outOfBag, report);
            Lap(data.Name + ": diversity, voting and out-of-bag");
            var biasVariance = Steps.BiasVariance(context, settings, data, seed, progress, report);
            Lap(data.Name + ": bias-variance");
            var noise = Repetitions.NoiseTable(report, settings, repeated[d]);
            var adaBoost = AdaBoostNoise.Measure(settings, repeated[d], report);
            Repetitions.Report(report, settings, repeated[d]);

            var e = new DatasetEvidence
            {
                Dataset = data.Name,
                TestRows = n,
                VarianceChange = biasVariance.VarianceChange,
                BiasChange = biasVariance.BiasChange,
                BoostingBiasChange = biasVariance.BoostingBiasChange,
                DiverseGain = diversity.Gain,
                IdenticalGain = diversity.IdenticalGain,
                DiversityTrend = trend.RankCorrelation,
                VoteVsBest = voting.VsBest,
                VoteVsMean = voting.VsMean,
                VoteTestRows = voting.TestRows,
                Repetitions = settings.Repetitions,
                NoiseRepetitions = repeated[d].NoiseRuns,
                NoiseDamage = [.. settings.MatchedLeaves.Select((leaves, m) => (leaves, repeated[d].OverNoise(r => r.GradientDamage(m))))],
                AdaBoostNoiseDamage = [.. adaBoost.Select(c => (c.Leaves, c.ExtraDamage))],
                AdaBoostFocus = [.. adaBoost.Select(c => (c.Leaves, c.Concentration))],
                BaggedStumpGain = repeated[d].Over(r => r.BaggedStumpGain),
                BoostedStumpGain = repeated[d].Over(r => r.BoostedStumpGain),
                OutOfBagMinusTest = outOfBag.Difference,
                OutOfBagTestRows = outOfBag.TestRows,
            };
            evidence.Add(e);
            Summary.Add(report, settings, data, e, singles, bagged, diversity, outOfBag, biasVariance, noise);
            AdaBoostNoise.Summarize(report, settings, data.Name, adaBoost);
            DiversitySummary.Add(report, data, trend, voting);
        }

        return new ScenarioResult
        {
            Tables = report.Tables,
            Timings = [timings, report.MemberTimes],
            Claims = Judging.Judge(evidence),
            Figures = report.Figures,
            Effects = report.Effects,
            Summary = string.Join(" ", report.Summaries) + " " + Summary.Notes,
        };
    }

    /// <summary>The weak-learner claim compares one stump with bagged and boosted stumps, so the matched tree sizes start with 2 leaves.</summary>
    private static void RequireStumpsFirst(Settings settings)
    {
        if (settings.MatchedLeaves.Count == 0 || settings.MatchedLeaves[0] != 2)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), string.Join(", ", settings.MatchedLeaves),
                "MatchedLeaves must start with 2 (stumps): the weak-learner claim compares one stump with bagged and boosted stumps. Use [2, 8].");
        }
    }

    /// <summary>The two data sets (spambase subsampled, synthetic), and for the out-of-bag claim a larger split of each.</summary>
    private static (PreparedData[] Sets, PreparedData[] Large) LoadData(MLContext context, Settings settings)
    {
        var spam = Datasets.Spambase();
        var (spamTrain, spamTest) = SubsampleAndSplit(spam.BinaryLabels(), settings.SpambaseRows, Seeds.Derive(settings.Seed, "spambase split"));
        var synthetic = SyntheticData.MakeClassification(Seeds.Derive(settings.Seed, "synthetic data"), samples: settings.SyntheticRows, features: 20, informative: 6, redundant: 4, flipY: 0.0).ToDataset("synthetic");
        var (synTrain, synTest) = SubsampleAndSplit(synthetic.BinaryLabels(), settings.SyntheticRows, Seeds.Derive(settings.Seed, "synthetic split"));

        // The out-of-bag error is measured on the training rows and the test error on the test rows: two independent
        // proportions, whose Newcombe interval is only narrower than the ±3-point margin with a few thousand rows.
        var (spamLargeTrain, spamLargeTest) = SubsampleAndSplit(spam.BinaryLabels(), settings.OutOfBagRows, Seeds.Derive(settings.Seed, "large spambase split"));
        var syntheticLarge = SyntheticData.MakeClassification(Seeds.Derive(settings.Seed, "large synthetic data"), samples: settings.OutOfBagRows, features: 20, informative: 6, redundant: 4, flipY: 0.0).ToDataset("synthetic");
        var (synLargeTrain, synLargeTest) = SubsampleAndSplit(syntheticLarge.BinaryLabels(), settings.OutOfBagRows, Seeds.Derive(settings.Seed, "large synthetic split"));
        return (
            [new("spambase", spam, spamTrain, spamTest, context), new("synthetic", synthetic, synTrain, synTest, context)],
            [new("spambase", spam, spamLargeTrain, spamLargeTest, context), new("synthetic", syntheticLarge, synLargeTrain, synLargeTest, context)]);
    }
}
