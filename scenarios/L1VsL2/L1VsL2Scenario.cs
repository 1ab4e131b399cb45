using System.Globalization;
using System.Diagnostics;
using ClassicalML.Scenarios;
using Microsoft.ML;

namespace ClassicalML.Scenarios.L1VsL2;

/// <summary>Settings of the l1-vs-l2 scenario. The full run fits 4 data sets × 3 penalties × the λ grid (19 points:
/// 1e-2 … 1e4, 3 per decade), the L1 paths of 99 more synthetic and graded draws, takes 1000 bootstrap resamples of
/// the test rows at the tuned λ and 20 refits for selection stability. Quick: 7 grid points, 100 resamples, 3 refits,
/// 400 synthetic rows, 5 draws.</summary>
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

    /// <summary>Independent draws of the synthetic and the graded set for the selection and drop-order claims (draw 1
    /// is the synthetic set of the other claims). Per-draw SDs are about 0.17 (recall), 0.2 (precision), 0.12 and 0.05
    /// (drop-order shares), so 100 draws put the 95% bootstrap interval of each mean within about ±0.04, ±0.04, ±0.025
    /// and ±0.01 of it.</summary>
    public int Draws { get; init; } = 100;

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
    /// <inheritdoc/>
    public override string Id => "l1-vs-l2";

    /// <inheritdoc/>
    public override string Title => "L1 (lasso) vs L2 (ridge) regularization";

    /// <inheritdoc/>
    public override Question Question { get; } = new(5, "What is regularization, why do we use it, and give some examples of common methods?");

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
        Draws = 5,
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
        Option("--draws", "Independent synthetic draws for the selection and drop-order claims.", s => s.Draws, (s, v) => s with { Draws = v }, OptionRange.Integers(5, 1000)),
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

        // Data: a synthetic set whose informative features are known, and three real sets (30, 60 and 57 features).
        var data = Experiment.LoadData(ml, settings);
        var sets = data.Sets;

        // Method: the whole path for each data set and penalty; λ tuned on validation log loss.
        var paths = Experiment.FitPaths(ml, sets, grid, progress);
        double pathSeconds = clock.Elapsed.TotalSeconds;

        // Comparison: exact zeros, selection on the synthetic set, L2 shrinkage, tuned test scores, correlated groups.
        var zeros = sets.Select((s, d) =>
        {
            var l1 = paths.Paths[(d, Penalty.L1)];
            int allZero = Array.FindIndex(l1, p => p.Zeros == s.FeatureCount);
            return new L1ZerosMeasure(s.Name, s.FeatureCount, paths.Tuned(d, Penalty.L1).Zeros, paths.Tuned(d, Penalty.L1).Lambda, allZero < 0 ? double.NaN : grid[allZero]);
        }).ToArray();
        double[] dropLambdas = Experiment.SyntheticDropLambdas(paths);
        var graded = Experiment.GradedDropOrder(ml, settings, grid);
        var draws = Draws.Measure(ml, settings, data, paths, graded.Share, progress);
        double drawSeconds = clock.Elapsed.TotalSeconds;
        var overfitting = Experiment.Overfitting(ml, settings, sets[RunData.SonarIndex], paths);
        var l2 = Experiment.L2Shrink(sets.Length, paths);
        var tuned = Experiment.CompareTuned(settings, sets, paths, progress);
        double bootstrapSeconds = clock.Elapsed.TotalSeconds;
        int bc = RunData.BreastCancerIndex;
        var groups = CorrelatedGroups.Measure(ml, settings, sets[bc], paths.Tuned(bc, Penalty.L1), paths.Tuned(bc, Penalty.L2), paths.Tuned(bc, Penalty.ElasticNet), progress);
        double groupSeconds = clock.Elapsed.TotalSeconds;

        // ML.NET facts beside the claims: how the penalty scales with n, and whether every fit converged.
        var scaling = Experiment.PenaltyScaling(ml, sets[bc]);
        var convergence = Experiment.Convergence(ml, sets, paths, draws);

        // Judge.
        var (refits, sparse, groupChecks, groupConfirming) = groups.ElasticNetRefits;
        var elasticNet = new ElasticNetMeasure(Experiment.ElasticNetAlongPaths(sets, paths), refits, sparse, groupChecks, groupConfirming);
        var measurements = new Measurements(overfitting.Measures, zeros, draws.Recovery, l2, draws.DropOrder, tuned.AucDifferences, settings.AucMargin, groups.Measures, elasticNet);
        var timings = new ReportTable("timings", ["stage", "seconds"])
            .AddRow($"{sets.Length * Experiment.Penalties.Length * grid.Length} path fits", pathSeconds)
            .AddRow($"{settings.Draws - 1} more synthetic and graded draws ({2 * (settings.Draws - 1) * grid.Length} L1 fits)", drawSeconds - pathSeconds)
            .AddRow("bootstrap intervals at the tuned λ", bootstrapSeconds - drawSeconds)
            .AddRow("correlated groups and refits", groupSeconds - bootstrapSeconds)
            .AddRow("penalty scaling and convergence checks", clock.Elapsed.TotalSeconds - groupSeconds)
            .AddRow("whole run", clock.Elapsed.TotalSeconds);
        var run = new RunResult(settings, data, paths, dropLambdas, draws, graded.Table, overfitting.Table, tuned, groups, scaling, convergence, measurements);
        return new ScenarioResult
        {
            Tables = Report.Tables(run),
            Claims = Judging.Judge(measurements),
            Figures = Report.Figures(run),
            Effects = Report.Effects(run),
            Timings = [timings],
            Summary = Report.Summary(run),
        };
    }

    internal static string PenaltyName(Penalty penalty) => penalty switch
    {
        Penalty.L1 => "L1",
        Penalty.L2 => "L2",
        _ => "elastic net",
    };
}
