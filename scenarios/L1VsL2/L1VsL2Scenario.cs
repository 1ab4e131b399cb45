using System.Diagnostics;
using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using MathNet.Numerics.Random;
using Microsoft.ML;

namespace L1VsL2;

/// <summary>Settings of the l1-vs-l2 scenario. The full run fits 4 data sets × 3 penalties × the λ grid (19 points:
/// 1e-2 … 1e4, 3 per decade), takes 1000 bootstrap resamples of the test rows at the tuned λ and 20 refits for
/// selection stability: about 10 s of CPU. Quick: 7 grid points, 100 resamples, 3 refits, 400 synthetic rows.</summary>
public sealed record L1VsL2Settings : ScenarioSettings
{
    /// <summary>The smallest λ (ML.NET's units: the weight of the penalty against the SUM of the row losses).</summary>
    public double LambdaMin { get; init; } = 1e-2;

    /// <summary>The largest λ.</summary>
    public double LambdaMax { get; init; } = 1e4;

    /// <summary>Grid points per decade of λ.</summary>
    public int PointsPerDecade { get; init; } = 3;

    /// <summary>Share of rows held out for the test set (stratified).</summary>
    public double TestFraction { get; init; } = 0.25;

    /// <summary>Share of rows held out for choosing λ (stratified).</summary>
    public double ValidationFraction { get; init; } = 0.25;

    /// <summary>Bootstrap resamples of the test rows for the intervals at the tuned λ.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Bootstrap refits of the breast-cancer training rows to see which member of a correlated group L1 keeps.</summary>
    public int StabilityRefits { get; init; } = 20;

    /// <summary>Rows of the synthetic data set.</summary>
    public int SyntheticSamples { get; init; } = 1000;

    /// <summary>Informative features of the synthetic data set (the rest of its 20 features are pure noise).</summary>
    public int SyntheticInformative { get; init; } = 5;

    /// <summary>The AUC margin within which L1 and L2 count as equivalent.</summary>
    public double AucMargin { get; init; } = 0.02;
}

/// <summary>
/// Question 5: what is regularization, and how do L1 (lasso) and L2 (ridge) differ? Regularization adds a penalty on
/// the weights to the training loss: L1 adds λΣ|w| and sets weights exactly to zero (feature selection), L2 adds λΣw²
/// and shrinks them without zeroing, spreading weight among correlated features. Measured with ML.NET's L-BFGS
/// logistic regression on three real data sets and one synthetic set with known informative features.
/// </summary>
public sealed class L1VsL2Scenario : Scenario<L1VsL2Settings>
{
    private static readonly Penalty[] Penalties = [Penalty.L1, Penalty.L2, Penalty.ElasticNet];

    /// <summary>Groups of near-duplicate breast-cancer measurements (radius, perimeter and area of the same nuclei).</summary>
    internal static readonly (string Name, string[] Members)[] BreastCancerGroups =
    [
        ("mean size", ["mean_radius", "mean_perimeter", "mean_area"]),
        ("worst size", ["worst_radius", "worst_perimeter", "worst_area"]),
        ("size error", ["radius_error", "perimeter_error", "area_error"]),
    ];

    /// <inheritdoc/>
    public override string Id => "l1-vs-l2";

    /// <inheritdoc/>
    public override string Title => "L1 (lasso) vs L2 (ridge) regularization";

    /// <inheritdoc/>
    public override Question Question { get; } = new(5, "What is regularization? What is the difference between L1 (lasso) and L2 (ridge) regularization?");

    /// <inheritdoc/>
    public override IReadOnlyList<Claim> Claims => Judging.All;

    /// <inheritdoc/>
    public override L1VsL2Settings DefaultSettings { get; } = new() { Seed = 42 };

    /// <inheritdoc/>
    public override L1VsL2Settings QuickSettings => DefaultSettings with
    {
        PointsPerDecade = 1,
        BootstrapResamples = 100,
        StabilityRefits = 3,
        SyntheticSamples = 400,
    };

    /// <inheritdoc/>
    public override IReadOnlyList<ScenarioOption<L1VsL2Settings>> Options { get; } =
    [
        Option("--points-per-decade", "Grid points per decade of λ.", s => s.PointsPerDecade, (s, v) => s with { PointsPerDecade = v }, OptionRange.Integers(1, 20)),
        Option("--lambda-min", "Smallest λ (ML.NET units).", s => s.LambdaMin, (s, v) => s with { LambdaMin = v }, OptionRange.Above(0)),
        Option("--lambda-max", "Largest λ (ML.NET units).", s => s.LambdaMax, (s, v) => s with { LambdaMax = v }, OptionRange.Above(0)),
        Option("--resamples", "Bootstrap resamples at the tuned λ.", s => s.BootstrapResamples, (s, v) => s with { BootstrapResamples = v }, OptionRange.Integers(10, 100_000)),
        Option("--refits", "Bootstrap refits for the stability of L1's choice within a group.", s => s.StabilityRefits, (s, v) => s with { StabilityRefits = v }, OptionRange.Integers(1, 1000)),
        Option("--synthetic-samples", "Rows of the synthetic data set.", s => s.SyntheticSamples, (s, v) => s with { SyntheticSamples = v }, OptionRange.Integers(100, 100_000)),
        Option("--auc-margin", "AUC margin for 'similar performance'.", s => s.AucMargin, (s, v) => s with { AucMargin = v }, OptionRange.Between(0, 0.5)),
    ];

    /// <inheritdoc/>
    public override string? CheckSettings(L1VsL2Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.LambdaMin < settings.LambdaMax
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"--lambda-min is {settings.LambdaMin} and --lambda-max is {settings.LambdaMax}; --lambda-min must be less than --lambda-max. Pass e.g. --lambda-min {DefaultSettings.LambdaMin} --lambda-max {DefaultSettings.LambdaMax}.");
    }

    /// <inheritdoc/>
    public override ScenarioResult Run(L1VsL2Settings settings, IProgressReporter progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        var clock = Stopwatch.StartNew();
        var ml = new MLContext(settings.Seed);
        double[] grid = PathAnalysis.LogGrid(settings.LambdaMin, settings.LambdaMax, settings.PointsPerDecade);

        // Data: a synthetic set whose informative features are known, and three real sets (57, 30 and 60 features).
        const int syntheticFeatures = 20;
        var synthetic = SyntheticData.MakeClassification(settings.Seed, samples: settings.SyntheticSamples, features: syntheticFeatures,
            informative: settings.SyntheticInformative, redundant: 0, repeated: 0, flipY: 0.01);
        (string Name, Dataset Data)[] sources =
        [
            ("synthetic", synthetic.ToDataset("synthetic")),
            ("breast cancer", Datasets.BreastCancer()),
            ("sonar", Datasets.Sonar()),
            ("spambase", Datasets.Spambase()),
        ];
        var sets = sources.Select((s, i) => RegularizationPath.Prepare(ml, s.Data, s.Name, SubSeed(settings.Seed, 1, i), settings.TestFraction, settings.ValidationFraction)).ToArray();

        // Method: the whole path for each data set and penalty.
        int totalFits = sets.Length * Penalties.Length * grid.Length;
        int done = 0;
        var paths = new Dictionary<(int Set, Penalty Penalty), PathPoint[]>();
        for (int d = 0; d < sets.Length; d++)
        {
            foreach (var penalty in Penalties)
            {
                var points = new PathPoint[grid.Length];
                for (int k = 0; k < grid.Length; k++)
                {
                    points[k] = RegularizationPath.Fit(ml, sets[d], penalty, grid[k]);
                    progress.Report("regularization paths", ++done, totalFits);
                }

                paths[(d, penalty)] = points;
            }
        }

        double pathSeconds = clock.Elapsed.TotalSeconds;
        var tuned = paths.ToDictionary(p => p.Key, p => PathAnalysis.ArgMin([.. p.Value.Select(x => x.ValidationLogLoss)]));
        PathPoint Tuned(int d, Penalty p) => paths[(d, p)][tuned[(d, p)]];

        var tables = new List<ReportTable> { SetupTable(settings, grid), DataTable(sets) };
        tables.AddRange(sets.Select((s, d) => PathTable(s, d, grid, paths)));

        // Claim 1: exact zeros along the L1 path, and at the tuned λ.
        var zeroMeasures = sets.Select((s, d) =>
        {
            var l1 = paths[(d, Penalty.L1)];
            int allZero = Array.FindIndex(l1, p => p.Zeros == s.FeatureCount);
            return new L1ZerosMeasure(s.Name, s.FeatureCount, Tuned(d, Penalty.L1).Zeros, Tuned(d, Penalty.L1).Lambda, allZero < 0 ? double.NaN : grid[allZero]);
        }).ToArray();

        // Claim 1b and 3: the synthetic set, whose informative features are known.
        int[] informative = [.. synthetic.InformativeFeatures];
        var syntheticL1 = paths[(0, Penalty.L1)];
        var recoveryAtTuned = PathAnalysis.Recovery(Tuned(0, Penalty.L1).Weights, informative);
        int[] noise = [.. synthetic.NoiseFeatures];
        var recovery = new RecoveryMeasure(recoveryAtTuned.Kept, recoveryAtTuned.Precision, recoveryAtTuned.Recall,
            noise.Count(j => Tuned(0, Penalty.L1).Weights[j] == 0), noise.Length);

        // For the summary only (it uses the truth): the path's best selection by F1.
        var bestSelection = syntheticL1.Select((p, k) => (k, r: PathAnalysis.Recovery(p.Weights, informative)))
            .Select(t => (t.k, t.r, f1: t.r.Kept == 0 ? 0 : 2 * t.r.Precision * t.r.Recall / (t.r.Precision + t.r.Recall)))
            .OrderByDescending(t => t.f1).ThenBy(t => t.k).First();
        tables.Add(RecoveryTable(grid, paths, informative, tuned));
        double[] drop = PathAnalysis.DropLambdas(grid, [.. syntheticL1.Select(p => p.Weights)]);
        double informativeLast = PathAnalysis.InformativeLastShare(drop, informative);
        tables.Add(DropOrderTable(sets[0], synthetic, drop, syntheticL1[0].Weights));

        // Claim 2: L2 never zeroes a weight, and its norm falls with λ.
        int l2Zeros = 0, l2Weights = 0, decreases = 0, steps = 0;
        for (int d = 0; d < sets.Length; d++)
        {
            var l2 = paths[(d, Penalty.L2)];
            l2Zeros += l2.Sum(p => p.Zeros);
            l2Weights += l2.Sum(p => p.Weights.Length);
            var (dec, st) = PathAnalysis.Decreases([.. l2.Select(p => p.L2Norm)]);
            decreases += dec;
            steps += st;
        }

        tables.Add(ShrinkageTable(sets, paths));

        // Claim 4: the tuned models on the test rows, with bootstrap intervals.
        progress.Report("bootstrap at the tuned λ", 0, sets.Length);
        var tunedTable = new ReportTable("tuned-test-scores",
            ["data set", "penalty", "tuned λ", "λ / n_train", "zero weights", "test ROC AUC (95% CI)", "test log loss (95% CI)", "test accuracy at 0.5 (95% Wilson)"]);
        var diffTable = new ReportTable("tuned-l1-minus-l2",
            ["data set", "λ L1", "λ L2", "AUC(L1) − AUC(L2) (95% paired CI)", "log loss(L1) − log loss(L2) (95% paired CI)"]);
        var differences = new List<TunedDifference>();
        for (int d = 0; d < sets.Length; d++)
        {
            var labels = sets[d].TestLabels;
            foreach (var penalty in Penalties)
            {
                var p = Tuned(d, penalty);
                var auc = Bootstrap.Percentile(labels, p.TestScores, Roc.Auc, SubSeed(settings.Seed, 2, d), settings.BootstrapResamples, stratified: true);
                var logLoss = Bootstrap.Percentile(labels, p.TestScores, RegularizationPath.LogLoss, SubSeed(settings.Seed, 3, d), settings.BootstrapResamples, stratified: true);
                var report = BinaryEvaluation.Evaluate(labels, p.TestScores);
                var accuracy = Intervals.Wilson(report.TruePositives + report.TrueNegatives, report.N);
                tunedTable.AddRow(sets[d].Name, PenaltyName(penalty), p.Lambda, p.Lambda / sets[d].TrainRows, p.Zeros,
                    ToEstimate(auc), ToEstimate(logLoss), new Estimate(accuracy.Estimate, accuracy.Lower, accuracy.Upper));
            }

            var a = Tuned(d, Penalty.L1);
            var b = Tuned(d, Penalty.L2);
            var aucDiff = ToEstimate(Bootstrap.PairedDifference(labels, a.TestScores, b.TestScores, Roc.Auc, SubSeed(settings.Seed, 4, d), settings.BootstrapResamples, stratified: true));
            var lossDiff = ToEstimate(Bootstrap.PairedDifference(labels, a.TestScores, b.TestScores, RegularizationPath.LogLoss, SubSeed(settings.Seed, 5, d), settings.BootstrapResamples, stratified: true));
            diffTable.AddRow(sets[d].Name, a.Lambda, b.Lambda, aucDiff, lossDiff);
            differences.Add(new TunedDifference(sets[d].Name, aucDiff));
            progress.Report("bootstrap at the tuned λ", d + 1, sets.Length);
        }

        tables.Add(tunedTable);
        tables.Add(diffTable);
        double bootstrapSeconds = clock.Elapsed.TotalSeconds;

        // Claim 5: groups of near-duplicate breast-cancer features, and an exact copy.
        var groups = CorrelatedGroups(ml, settings, sets[1], Tuned(1, Penalty.L1), Tuned(1, Penalty.L2), Tuned(1, Penalty.ElasticNet), progress, tables, out var groupBars, out var copyResult, out string stabilityText, out var enGroups);
        double groupSeconds = clock.Elapsed.TotalSeconds;

        // ML.NET's penalty scaling: refit on every training row twice.
        var scaling = PenaltyScaling(ml, sets[1], tables);

        var claims = new[]
        {
            Judging.JudgeL1Zeros(zeroMeasures),
            Judging.JudgeRecovery(recovery),
            Judging.JudgeL2(new L2ShrinkMeasure(l2Zeros, l2Weights, decreases, steps)),
            Judging.JudgeDropOrder(informativeLast),
            Judging.JudgeTunedSimilar(differences, settings.AucMargin),
            Judging.JudgeCorrelated(groups),
            Judging.JudgeElasticNet(new ElasticNetMeasure([.. sets.Select((s, d) => (s.Name, Tuned(d, Penalty.ElasticNet).Zeros))], enGroups)),
        };

        double[] logGrid = [.. grid.Select(Math.Log10)];
        var figures = new List<Figure>
        {
            CoefficientFigure("coefficient-path-l1.png", "L1 (lasso) coefficient path, synthetic data", logGrid, syntheticL1, synthetic),
            CoefficientFigure("coefficient-path-l2.png", "L2 (ridge) coefficient path, synthetic data", logGrid, paths[(0, Penalty.L2)], synthetic),
            Figures.Line("sparsity.png", "Share of weights exactly zero", "log10 λ (ML.NET units)", "share of weights exactly 0",
                [
                    .. sets.Select((s, d) => new Series($"L1, {s.Name}", logGrid, [.. paths[(d, Penalty.L1)].Select(p => (double)p.Zeros / s.FeatureCount)])),
                    .. sets.Select((s, d) => new Series($"elastic net, {s.Name}", logGrid, [.. paths[(d, Penalty.ElasticNet)].Select(p => (double)p.Zeros / s.FeatureCount)])),
                    new Series("L2, largest share over the 4 data sets", logGrid,
                        [.. grid.Select((_, k) => sets.Select((s, d) => (double)paths[(d, Penalty.L2)][k].Zeros / s.FeatureCount).Max())]),
                ]),
            Figures.Line("test-auc.png", "Test ROC AUC along the path", "log10 λ (ML.NET units)", "test ROC AUC",
                [.. sets.SelectMany((s, d) => new[] { Penalty.L1, Penalty.L2 }.Select(p =>
                    new Series($"{PenaltyName(p)}, {s.Name}", logGrid, [.. paths[(d, p)].Select(x => x.TestAuc)])))]),
            Figures.Bars("group-share.png", "Breast cancer: largest member's share of a correlated group", $"share of the group's Σ|w| (whiskers: {settings.StabilityRefits} refits)", groupBars),
        };

        var timings = new ReportTable("timings", ["stage", "seconds"])
            .AddRow($"{totalFits} path fits", pathSeconds)
            .AddRow("bootstrap intervals at the tuned λ", bootstrapSeconds - pathSeconds)
            .AddRow("correlated groups and refits", groupSeconds - bootstrapSeconds)
            .AddRow("whole run", clock.Elapsed.TotalSeconds);

        return new ScenarioResult
        {
            Tables = tables,
            Claims = claims,
            Figures = figures,
            Timings = [timings],
            Summary = Summary(sets, zeroMeasures, recovery, informativeLast, l2Zeros, l2Weights, differences, groups, copyResult, stabilityText, scaling, (grid[bestSelection.k], bestSelection.r.Precision, bestSelection.r.Recall), informative.Length),
        };
    }

    internal static int SubSeed(int seed, int stream, int index) => unchecked((seed * 1_000_003) + (stream * 10_007) + index);

    internal static string PenaltyName(Penalty penalty) => penalty switch
    {
        Penalty.L1 => "L1",
        Penalty.L2 => "L2",
        _ => "elastic net",
    };

    // A percentile interval can, rarely, miss the full-data estimate (skewed statistics, few resamples); it is
    // reported as measured.
    internal static Estimate ToEstimate(BootstrapInterval i) =>
        double.IsNaN(i.Lower) || double.IsNaN(i.Upper) ? new(i.Estimate, double.NaN, double.NaN) : new(i.Estimate, i.Lower, i.Upper);

    private static ReportTable SetupTable(L1VsL2Settings settings, double[] grid)
    {
        var c = CultureInfo.InvariantCulture;
        return new ReportTable("setup", ["item", "value"])
            .AddRow("model", "ML.NET LbfgsLogisticRegression (L-BFGS; OWL-QN when L1Regularization > 0), NumberOfThreads = 1, other options at their defaults")
            .AddRow("objective", "Σᵢ logloss(yᵢ, σ(w·xᵢ + b)) + L1Regularization·‖w‖₁ + (L2Regularization/2)·‖w‖₂², bias not penalized (ML.NET divides it all by n, which moves no minimum; see ml-net-penalty-scaling)")
            .AddRow("penalties", "L1 only: L1Regularization = λ, L2Regularization = 0; L2 only: L1 = 0, L2 = λ (both options default to 1, so each is set explicitly); elastic net: L1 = L2 = λ/2 (scikit-learn's l1_ratio = 0.5 with C = 1/λ)")
            .AddRow("features", "z-scored with NormalizeMeanVariance(fixZero: false), mean and variance from the training rows only")
            .AddRow("split", string.Create(c, $"stratified train / validation / test = {Numbers.Percent(1 - settings.TestFraction - settings.ValidationFraction)} / {Numbers.Percent(settings.ValidationFraction)} / {Numbers.Percent(settings.TestFraction)} (TrainTestSplit.Stratified)"))
            .AddRow("λ grid", string.Create(c, $"{grid.Length} points, {Numbers.Format(grid[0])} … {Numbers.Format(grid[^1])}, {settings.PointsPerDecade} per decade (log-spaced)"))
            .AddRow("tuning", "per data set and penalty, the λ with the smallest validation log loss (the weaker λ on ties); the test rows never choose anything")
            .AddRow("exact zero", "a weight equal to 0 in LinearBinaryModelParameters.Weights (single precision)")
            .AddRow("intervals", string.Create(c, $"stratified percentile bootstrap of the test rows, {settings.BootstrapResamples} resamples (paired for differences); accuracy: Wilson score interval; group shares: 2.5–97.5% range over {settings.StabilityRefits} bootstrap refits of the training rows"));
    }

    private static ReportTable DataTable(PreparedData[] sets)
    {
        var table = new ReportTable("data-sets", ["data set", "features", "train rows", "validation rows", "test rows"]);
        foreach (var s in sets)
        {
            table.AddRow(s.Name, s.FeatureCount, s.TrainRows, s.ValidationLabels.Length, s.TestLabels.Length);
        }

        return table;
    }

    private static ReportTable PathTable(PreparedData set, int d, double[] grid, Dictionary<(int, Penalty), PathPoint[]> paths)
    {
        var table = new ReportTable("path-" + set.Name.Replace(' ', '-'),
            ["λ", "λ / n_train", "L1 zeros", "L1 ‖w‖₂", "L1 val log loss", "L1 test AUC", "L2 zeros", "L2 ‖w‖₂", "L2 val log loss", "L2 test AUC", "EN zeros", "EN val log loss", "EN test AUC"]);
        for (int k = 0; k < grid.Length; k++)
        {
            var a = paths[(d, Penalty.L1)][k];
            var b = paths[(d, Penalty.L2)][k];
            var e = paths[(d, Penalty.ElasticNet)][k];
            table.AddRow(grid[k], grid[k] / set.TrainRows, a.Zeros, a.L2Norm, a.ValidationLogLoss, a.TestAuc, b.Zeros, b.L2Norm, b.ValidationLogLoss, b.TestAuc, e.Zeros, e.ValidationLogLoss, e.TestAuc);
        }

        return table;
    }

    private static ReportTable RecoveryTable(double[] grid, Dictionary<(int, Penalty), PathPoint[]> paths, int[] informative, Dictionary<(int Set, Penalty Penalty), int> tuned)
    {
        var table = new ReportTable("synthetic-recovery",
            ["λ", "L1 kept", "L1 precision", "L1 recall", "EN kept", "EN precision", "EN recall", "tuned on validation"]);
        for (int k = 0; k < grid.Length; k++)
        {
            var a = PathAnalysis.Recovery(paths[(0, Penalty.L1)][k].Weights, informative);
            var e = PathAnalysis.Recovery(paths[(0, Penalty.ElasticNet)][k].Weights, informative);
            string mark = string.Join(", ", Penalties.Where(p => tuned[(0, p)] == k).Select(PenaltyName));
            table.AddRow(grid[k], a.Kept, a.Precision, a.Recall, e.Kept, e.Precision, e.Recall, mark);
        }

        return table;
    }

    private static ReportTable DropOrderTable(PreparedData set, SyntheticClassification synthetic, double[] drop, double[] weakest)
    {
        var table = new ReportTable("synthetic-l1-drop-order",
            ["feature", "role", "L1 drops it at λ (weight 0 from here on)", "λ / n_train", "weight at the smallest λ"]);
        foreach (int j in Enumerable.Range(0, drop.Length).OrderByDescending(j => drop[j]).ThenBy(j => j))
        {
            table.AddRow(set.FeatureNames[j], synthetic.FeatureRoles[j].ToString().ToLowerInvariant(), drop[j], drop[j] / set.TrainRows, weakest[j]);
        }

        return table;
    }

    private static ReportTable ShrinkageTable(PreparedData[] sets, Dictionary<(int, Penalty), PathPoint[]> paths)
    {
        var table = new ReportTable("shrinkage",
            ["data set", "penalty", "‖w‖₂ at the smallest λ", "‖w‖₂ at the largest λ", "zeros at the largest λ", "smallest |w| at the largest λ"]);
        for (int d = 0; d < sets.Length; d++)
        {
            foreach (var penalty in Penalties)
            {
                var path = paths[(d, penalty)];
                table.AddRow(sets[d].Name, PenaltyName(penalty), path[0].L2Norm, path[^1].L2Norm, path[^1].Zeros, path[^1].Weights.Min(Math.Abs));
            }
        }

        return table;
    }

    private static List<GroupMeasure> CorrelatedGroups(MLContext ml, L1VsL2Settings settings, PreparedData set, PathPoint l1, PathPoint l2, PathPoint en,
        IProgressReporter progress, List<ReportTable> tables, out List<BarValue> bars, out CopyResult copyResult, out string stabilityText, out List<(string Group, int Size, int L1Kept, int ElasticNetKept)> enGroups)
    {
        var names = set.FeatureNames.ToList();
        var weightTable = new ReportTable("correlated-groups",
            ["group", "min |r| in group (train)", "member", "L1 weight (tuned λ)", "L2 weight (tuned λ)", "EN weight (tuned λ)", $"L1 non-zero in refits", $"L1 largest in refits", $"L2 largest in refits"]);
        var measures = new List<GroupMeasure>();

        // Refits on bootstrap resamples of the training rows: which member does L1 keep? (Row indices drawn here:
        // the library's bootstrap resamples metrics, not training sets.)
        var random = new MersenneTwister(SubSeed(settings.Seed, 6, 0));
        var refits = new List<(double[] L1, double[] L2)>();
        for (int r = 0; r < settings.StabilityRefits; r++)
        {
            int[] rows = [.. set.TrainIndices.Select(_ => set.TrainIndices[random.Next(set.TrainIndices.Length)])];
            var view = set.View(ml, rows);
            refits.Add((RegularizationPath.Train(ml, view, l1.Lambda, 0).Weights, RegularizationPath.Train(ml, view, 0, l2.Lambda).Weights));
            progress.Report("refits for selection stability", r + 1, settings.StabilityRefits);
        }

        bars = [];
        enGroups = [];
        var stability = new List<string>();
        foreach (var (groupName, members) in BreastCancerGroups)
        {
            int[] idx = [.. members.Select(m => names.IndexOf(m))];
            double minR = PathAnalysis.MinAbsCorrelation([.. idx.Select(j => set.TrainFeatures[j])]);
            var g1 = PathAnalysis.GroupShare(l1.Weights, idx);
            var g2 = PathAnalysis.GroupShare(l2.Weights, idx);
            measures.Add(new GroupMeasure(groupName, idx.Length, g1.Kept, g1.LargestShare, g2.Kept, g2.LargestShare));
            enGroups.Add((groupName, idx.Length, g1.Kept, PathAnalysis.GroupShare(en.Weights, idx).Kept));
            foreach (int j in idx)
            {
                int nonZero = refits.Count(f => f.L1[j] != 0);
                int largest1 = refits.Count(f => PathAnalysis.GroupShare(f.L1, idx).Largest == j);
                int largest2 = refits.Count(f => PathAnalysis.GroupShare(f.L2, idx).Largest == j);
                weightTable.AddRow(groupName, minR, names[j], l1.Weights[j], l2.Weights[j], en.Weights[j], nonZero, largest1, largest2);
            }

            var choices = refits.Select(f => PathAnalysis.GroupShare(f.L1, idx).Largest).GroupBy(j => j).OrderByDescending(c => c.Count()).ThenBy(c => c.Key)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{(c.Key < 0 ? "none kept" : names[c.Key])} {c.Count()}"));
            stability.Add($"{groupName}: {string.Join(", ", choices)}");
            bars.Add(new BarValue(g1.Kept == 0 ? $"{ShortName(groupName)} L1 (all 0)" : $"{ShortName(groupName)} L1", ShareEstimate(g1.LargestShare, refits.Select(f => PathAnalysis.GroupShare(f.L1, idx).LargestShare))));
            bars.Add(new BarValue($"{ShortName(groupName)} L2", ShareEstimate(g2.LargestShare, refits.Select(f => PathAnalysis.GroupShare(f.L2, idx).LargestShare))));
        }

        // An exact copy of one feature: the lasso optimum is then not unique, and which one L-BFGS/OWL-QN returns decides.
        const string copied = "worst_radius";
        int source = names.IndexOf(copied);
        var x = set.Source.GetNumericMatrix();
        int n = x.GetLength(0), p = x.GetLength(1);
        var withCopy = new double[n, p + 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++)
            {
                withCopy[i, j] = x[i, j];
            }

            withCopy[i, p] = x[i, source];
        }

        var copyData = Dataset.FromNumeric("breast cancer + copy", withCopy, set.Source.BinaryLabels(), [.. names, copied + "_copy"]);
        var copySet = RegularizationPath.Prepare(ml, copyData, "breast cancer + copy", SubSeed(settings.Seed, 1, 1), settings.TestFraction, settings.ValidationFraction);
        var c1 = RegularizationPath.Train(ml, copySet.Train, l1.Lambda, 0).Weights;
        var c2 = RegularizationPath.Train(ml, copySet.Train, 0, l2.Lambda).Weights;
        int[] pair = [source, p];
        var s1 = PathAnalysis.GroupShare(c1, pair);
        var s2 = PathAnalysis.GroupShare(c2, pair);
        weightTable.AddRow("exact copy (not in the verdict)", 1.0, copied, c1[source], c2[source], "", "", "", "");
        weightTable.AddRow("exact copy (not in the verdict)", 1.0, copied + "_copy", c1[p], c2[p], "", "", "", "");
        bars.Add(new BarValue("copy L1", new Estimate(s1.LargestShare, s1.LargestShare, s1.LargestShare)));
        bars.Add(new BarValue("copy L2", new Estimate(s2.LargestShare, s2.LargestShare, s2.LargestShare)));
        copyResult = new CopyResult(copied, c1[source], c1[p], s1.LargestShare, s2.LargestShare);

        stabilityText = string.Create(CultureInfo.InvariantCulture, $"L1's largest member across {settings.StabilityRefits} bootstrap refits at the same λ: {string.Join("; ", stability)}");
        var shareTable = new ReportTable("correlated-group-shares",
            ["group", "members", "L1 kept", "L1 largest share", "L2 kept", "L2 largest share"]);
        foreach (var m in measures)
        {
            shareTable.AddRow(m.Group, m.Size, m.L1Kept, m.L1Share, m.L2Kept, m.L2Share);
        }

        tables.Add(weightTable);
        tables.Add(shareTable);
        return measures;
    }

    private static string ShortName(string group) => group.Split(' ')[0];

    private static Estimate ShareEstimate(double value, IEnumerable<double> refits)
    {
        double[] defined = [.. refits.Where(v => !double.IsNaN(v))];
        if (defined.Length == 0)
        {
            return new Estimate(value, double.NaN, double.NaN);
        }

        // The 2.5–97.5% range of the refits (the full-data value may fall outside it; reported as measured).
        double lower = MathNet.Numerics.Statistics.Statistics.QuantileCustom(defined, 0.025, MathNet.Numerics.Statistics.QuantileDefinition.R7);
        double upper = MathNet.Numerics.Statistics.Statistics.QuantileCustom(defined, 0.975, MathNet.Numerics.Statistics.QuantileDefinition.R7);
        return double.IsNaN(value) ? new Estimate(value, double.NaN, double.NaN) : new Estimate(value, lower, upper);
    }

    private static (double SameLambda, double DoubleLambda, string Conclusion) PenaltyScaling(MLContext ml, PreparedData set, List<ReportTable> tables)
    {
        // If the penalty weighed against the MEAN loss, doubling every row would change nothing at the same λ; if it
        // weighs against the SUM, doubling the rows is the same as halving λ, so (2n rows, 2λ) reproduces (n rows, λ).
        int[] twice = [.. set.TrainIndices, .. set.TrainIndices];
        var doubled = set.View(ml, twice);
        var table = new ReportTable("ml-net-penalty-scaling",
            ["penalty", "λ", "max |w|, n rows", "max |Δw|: 2n rows, same λ", "max |Δw|: 2n rows, 2λ"]);
        double worstSame = double.PositiveInfinity, worstDouble = 0;
        const double lambda = 1;
        foreach (var penalty in new[] { Penalty.L1, Penalty.L2 })
        {
            var (l1, l2) = RegularizationPath.Strengths(penalty, lambda);
            var w = RegularizationPath.Train(ml, set.Train, l1, l2).Weights;
            var same = RegularizationPath.Train(ml, doubled, l1, l2).Weights;
            var dbl = RegularizationPath.Train(ml, doubled, 2 * l1, 2 * l2).Weights;
            double dSame = w.Zip(same).Max(t => Math.Abs(t.First - t.Second));
            double dDouble = w.Zip(dbl).Max(t => Math.Abs(t.First - t.Second));
            table.AddRow(PenaltyName(penalty), lambda, w.Max(Math.Abs), dSame, dDouble);
            worstSame = Math.Min(worstSame, dSame);
            worstDouble = Math.Max(worstDouble, dDouble);
        }

        tables.Add(table);
        string conclusion = worstDouble < worstSame / 10
            ? "the SUM of the row losses (doubling the rows equals halving λ; λ / n is the mean-loss equivalent)"
            : worstSame < worstDouble / 10
                ? "the MEAN of the row losses (doubling the rows changes nothing at the same λ)"
                : "neither the sum nor the mean cleanly (the refits disagree)";
        return (worstSame, worstDouble, conclusion);
    }

    private static Figure CoefficientFigure(string file, string title, double[] logGrid, PathPoint[] path, SyntheticClassification synthetic)
    {
        // Informative features first, so their legend entries come first.
        var order = Enumerable.Range(0, synthetic.FeatureCount).OrderBy(j => synthetic.FeatureRoles[j] == FeatureRole.Informative ? 0 : 1).ThenBy(j => j);
        return Figures.Line(file, title, "log10 λ (ML.NET units)", "weight (z-scored features)",
            [.. order.Select((j, i) => new Series(LegendName(j, i), logGrid, [.. path.Select(p => p.Weights[j])]))]);

        // One legend entry for all noise lines (ScottPlot leaves series with an empty name out of the legend).
        string LegendName(int feature, int position) =>
            synthetic.FeatureRoles[feature] == FeatureRole.Informative ? $"x{feature} (informative)"
            : position == synthetic.InformativeFeatures.Count ? $"noise features ({synthetic.NoiseFeatures.Count} lines)"
            : string.Empty;
    }

    private static string Summary(PreparedData[] sets, L1ZerosMeasure[] zeros, RecoveryMeasure recovery, double informativeLast, int l2Zeros, int l2Weights,
        List<TunedDifference> differences, List<GroupMeasure> groups, CopyResult copy, string stabilityText, (double SameLambda, double DoubleLambda, string Conclusion) scaling, (double Lambda, double Precision, double Recall) best, int informativeCount)
    {
        var c = CultureInfo.InvariantCulture;
        bool sumScaled = scaling.Conclusion.StartsWith("the SUM", StringComparison.Ordinal);
        string zeroText = string.Join(", ", zeros.Select(z => string.Create(c, $"{z.DataSet} {z.ZerosAtTuned}/{z.Features}")));
        string diffText = string.Join(", ", differences.Select(d => $"{d.DataSet} {d.AucDifference}"));
        string groupText = string.Join(", ", groups.Select(g => string.Create(c, $"{g.Group} {Numbers.Format(g.L1Share)} vs {Numbers.Format(g.L2Share)}")));
        string recoveryComment = recovery.Precision < 1 && recovery.Recall >= 1
            ? string.Create(c, $"tuning λ for prediction kept {recovery.NoiseCount - recovery.NoiseDropped} of {recovery.NoiseCount} noise features as well, although λ = {Numbers.Format(best.Lambda)} on the same path selects with precision {Numbers.Format(best.Precision)} and recall {Numbers.Format(best.Recall)}")
            : recovery.Recall < 1 ? "it missed informative features" : "a clean selection";
        string copyComment = copy.L1Share < 0.99
            ? "so with identical features 'L1 keeps one' fails: the lasso optimum is not unique and this optimizer, starting from zero with equal gradients, splits the weight"
            : "so L1 kept one of the identical pair";
        string scalingText = string.Create(c, $"ML.NET's L1Regularization and L2Regularization weigh the penalty against {scaling.Conclusion}: refitting on every breast-cancer training row twice moved the weights by up to {Numbers.Format(scaling.SameLambda)} at the same λ but only {Numbers.Format(scaling.DoubleLambda)} at 2λ");
        string scalingConsequence = sumScaled
            ? string.Create(c, $", so the same λ is weaker on spambase ({sets[3].TrainRows} training rows) than on sonar ({sets[2].TrainRows}); the tables give λ / n_train, the mean-loss equivalent. ")
            : ". ";
        string[] parts =
        [
            scalingText + scalingConsequence,
            string.Create(c, $"At the validation-tuned λ, L1 (OWL-QN inside ML.NET's L-BFGS) had zeroed {zeroText} weights (every weight from the λ in the first claim's evidence on); L2 left {l2Zeros} of {l2Weights} weights exactly zero over all its fits. "),
            string.Create(c, $"On the synthetic data the tuned L1 model kept {recovery.Kept} features with precision {Numbers.Format(recovery.Precision)} and recall {Numbers.Format(recovery.Recall)} for the {informativeCount} informative ones ({recoveryComment}); along the path the informative features outlived the noise in {Numbers.Percent(informativeLast)} of (informative, noise) pairs. "),
            $"Tuned on validation, test AUC(L1) − AUC(L2) was {diffText}. ",
            $"In breast cancer's radius/perimeter/area groups the largest member's share of the group's weight was (L1 vs L2) {groupText}. {stabilityText}. ",
            $"With an exact copy of {copy.Feature} added, L1 gave the two copies weights {Numbers.Format(copy.L1Original)} and {Numbers.Format(copy.L1Copy)}, {copyComment}.",
        ];
        return string.Concat(parts);
    }

    /// <summary>The exact-copy experiment: L1 weights of a feature and its copy, and the largest share under each penalty.</summary>
    private sealed record CopyResult(string Feature, double L1Original, double L1Copy, double L1Share, double L2Share);
}
