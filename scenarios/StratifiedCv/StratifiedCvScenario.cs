using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Scenarios;
using Microsoft.ML;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>Settings of the stratified-cv scenario. Fold composition is cheap and gets many repetitions; every model
/// fit (L-BFGS logistic regression per fold) costs, so the fitted cases are small and get the repetitions they need.</summary>
public sealed record StratifiedCvSettings : ScenarioSettings
{
    /// <summary>Repetitions (shuffle seeds) of our splitters for the fold-composition statistics.</summary>
    public int CompositionRepeats { get; init; } = 100;

    /// <summary>Repetitions of ML.NET's CrossValidationSplit for composition (each reads the data once per fold).</summary>
    public int MlNetRepeats { get; init; } = 20;

    /// <summary>Rows of the small subsample of satellite.</summary>
    public int SmallRows { get; init; } = 200;

    /// <summary>Reshuffles with model fits on the small subsample (5 and 10 folds).</summary>
    public int SmallModelRepeats { get; init; } = 40;

    /// <summary>Repetitions of the size × imbalance grid (each a fresh subsample per cell).</summary>
    public int TrendRepeats { get; init; } = 20;

    /// <summary>Rows of the grid's subsamples of letter-Z.</summary>
    public IReadOnlyList<int> TrendSizes { get; init; } = [100, 200, 400, 800];

    /// <summary>Minority shares of the grid's subsamples.</summary>
    public IReadOnlyList<double> TrendShares { get; init; } = [0.05, 0.1, 0.2, 0.4];

    /// <summary>Repetitions of the distribution case on its chosen group.</summary>
    public int ShiftRepeats { get; init; } = 20;

    /// <summary>Random groups of the same size, which give the distribution case's chance spread.</summary>
    public int ShiftRandomGroups { get; init; } = 40;

    /// <summary>Seeds with which ML.NET's BinaryClassification.CrossValidate itself is run on the small subsample.</summary>
    public int CrossValidateRuns { get; init; } = 20;

    /// <summary>Bootstrap resamples (over repetitions) of every interval.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Threads for independent repetitions; the numbers do not depend on it.</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>The learner of every fit.</summary>
    public Learner Learner { get; init; } = new(MaximumIterations: 1000, Tolerance: 1e-7f, L2: 1);
}

/// <summary>Question 30: what stratified cross-validation is and when to use it, measured on satellite (damp grey soil
/// vs rest), letter recognition (Z vs rest), a 200-row subsample of satellite, subsamples of letter-Z of several sizes
/// and minority shares, and credit-g's documented attributes as the answer's "different distributions".</summary>
public sealed class StratifiedCvScenario : Scenario<StratifiedCvSettings>
{
    /// <inheritdoc/>
    public override string Id => "stratified-cv";

    /// <inheritdoc/>
    public override string Title => "Stratified cross-validation";

    /// <inheritdoc/>
    public override Question Question { get; } = new(30, "What is stratified cross-validation and when should we use it?");

    /// <inheritdoc/>
    public override IReadOnlyList<Claim> Claims => Judging.All;

    /// <inheritdoc/>
    public override StratifiedCvSettings DefaultSettings { get; } = new() { Seed = 42 };

    /// <inheritdoc/>
    public override StratifiedCvSettings QuickSettings => DefaultSettings with
    {
        CompositionRepeats = 20, MlNetRepeats = 2, SmallModelRepeats = 4, TrendRepeats = 2, TrendSizes = [100, 400], TrendShares = [0.05, 0.4],
        ShiftRepeats = 2, ShiftRandomGroups = 4, CrossValidateRuns = 2, BootstrapResamples = 200,
    };

    /// <inheritdoc/>
    public override IReadOnlyList<ScenarioOption<StratifiedCvSettings>> Options { get; } =
    [
        Option("--composition-repeats", "Shuffle seeds for the fold-composition statistics.", s => s.CompositionRepeats, (s, v) => s with { CompositionRepeats = v }, OptionRange.Integers(2, 10_000)),
        Option("--small-model-repeats", "Reshuffles with model fits on the small subsample.", s => s.SmallModelRepeats, (s, v) => s with { SmallModelRepeats = v }, OptionRange.Integers(2, 1000)),
        Option("--trend-repeats", "Repetitions of the size x imbalance grid.", s => s.TrendRepeats, (s, v) => s with { TrendRepeats = v }, OptionRange.Integers(2, 1000)),
        Option("--shift-repeats", "Repetitions of the distribution case.", s => s.ShiftRepeats, (s, v) => s with { ShiftRepeats = v }, OptionRange.Integers(2, 1000)),
        Option("--shift-random-groups", "Random groups that give the distribution case's chance spread.", s => s.ShiftRandomGroups, (s, v) => s with { ShiftRandomGroups = v }, OptionRange.Integers(2, 1000)),
        Option("--small-rows", "Rows of the small satellite subsample.", s => s.SmallRows, (s, v) => s with { SmallRows = v }, OptionRange.Integers(100, 6434)),
    ];

    /// <inheritdoc/>
    public override ScenarioResult Run(StratifiedCvSettings settings, IProgressReporter progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        var s = settings;
        var seeds = new StageSeeds(s);
        var ml = new MLContext(s.Seed);

        // Data: satellite (damp grey soil vs rest), letter (Z vs rest), a simple random subsample of satellite, credit-g.
        var satellite = Datasets.Satellite();
        var sample = TrainTestSplit.Split(satellite.RowCount, (double)s.SmallRows / satellite.RowCount, s.Seed).TestIndices;
        var small = new CaseData($"satellite-{s.SmallRows}", satellite.Select(sample.AsSpan()), ml);
        var letter = new CaseData("letter-Z", Datasets.LetterRecognition(), ml);
        CaseData[] cases = [new("satellite", satellite, ml), letter, small];

        // Baseline and method side by side: plain vs stratified k-fold (and ML.NET's folds), composition and scores.
        var composition = CompositionStep.Measure(cases, seeds.Repeats, s.CompositionRepeats, s.MlNetRepeats, ml, progress);
        var scores = FoldScores.Measure(small, s.Learner, seeds.Repeats, s.SmallModelRepeats, s.Threads, progress);
        var trend = Trend.Measure(letter, s.Learner, [.. s.TrendSizes], [.. s.TrendShares], seeds.Trend, s.Threads, progress);
        var shift = DistributionShift.Measure(Datasets.GermanCredit(), s.Learner, seeds.Shift, seeds.ShiftRandom, seeds.Candidates, s.Threads, progress);
        var mlnet = MlNetChecks.Run(small, s.Learner, seeds.Repeats, s.CrossValidateRuns, progress);
        var convergence = ConvergenceChecks.Representative(s.Learner, small, letter, s.TrendSizes.Max(), shift, seeds.Repeats[0]);

        // Comparison and verdicts.
        var measurements = Comparison.Measure(cases, composition, scores, trend, shift, seeds.Bootstrap, s.BootstrapResamples);
        var claims = Judging.Judge(measurements);
        return Report.Build(new ReportInput(s, cases, composition, scores, trend, shift, mlnet, convergence, measurements, claims));
    }
}

/// <summary>The seeds of every stage, each derived from the scenario's seed by name (<see cref="Seeds.Derive"/>), so that
/// a stage's numbers do not change when another stage, or its repetition count, does.</summary>
internal sealed class StageSeeds
{
    public StageSeeds(StratifiedCvSettings s)
    {
        int[] Draw(string stage, int count) => [.. Enumerable.Range(0, count).Select(r => Seeds.Derive(s.Seed, $"{stage} {r}"))];

        Repeats = Draw("repetition", new[] { s.CompositionRepeats, s.MlNetRepeats, s.SmallModelRepeats, s.CrossValidateRuns }.Max());
        Trend = Draw("trend repetition", s.TrendRepeats);
        Shift = Draw("shift repetition", s.ShiftRepeats);
        ShiftRandom = Draw("random group", s.ShiftRandomGroups);
        Candidates = Seeds.Derive(s.Seed, "shift candidates");
        Bootstrap = Seeds.Derive(s.Seed, "bootstrap");
    }

    /// <summary>Shuffle seeds of the composition, the small data set's fits and the CrossValidate runs.</summary>
    public int[] Repeats { get; }

    public int[] Trend { get; }

    public int[] Shift { get; }

    public int[] ShiftRandom { get; }

    public int Candidates { get; }

    public int Bootstrap { get; }
}
