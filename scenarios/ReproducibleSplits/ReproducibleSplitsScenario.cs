using System.Diagnostics;
using System.Globalization;
using ClassicalML.Data;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Settings of the reproducible-splits scenario.</summary>
public sealed record ReproducibleSplitsSettings : ScenarioSettings
{
    /// <summary>get_splits calls measured without training (sizes, row order, overlap of consecutive calls).</summary>
    public int Calls { get; init; }

    /// <summary>get_splits calls that train and score the three models (logistic regression, a single tree, FastTree).</summary>
    public int Trials { get; init; }

    /// <summary>Trees of the FastTree model of the tied pair (30, not ML.NET's 100, for run time).</summary>
    public int Trees { get; init; }

    /// <summary>Seeds checked for "same seed, same output".</summary>
    public int SeedChecks { get; init; }

    /// <summary>Share of rows deleted from the file between two executions.</summary>
    public double DeleteShare { get; init; }

    /// <summary>Share of rows held back and appended later as new data.</summary>
    public double NewDataShare { get; init; }

    /// <summary>The data set from the catalogue (<see cref="Datasets.Names"/>).</summary>
    public string Data { get; init; } = "german_credit";

    /// <summary>Trainings per trainer configuration in the determinism check (each retrain is compared with the first).</summary>
    public int Retrains { get; init; }

    /// <summary>Bootstrap resamples of the calls for every interval of the ranking experiment.</summary>
    public int Resamples { get; init; }
}

/// <summary>
/// Questions 64 and 63 (reconstructed): what is wrong with a get_splits that masks rows by <c>np.random.rand</c>
/// without a seed when n models are compared, and how rand() works. On German credit: the mask's sizes vary and it
/// keeps file order (nothing is "ordered"); unseeded calls give nearly disjoint test sets; models that each call
/// get_splits pick the worse model more often than models sharing one split; a seed repeats the split and keeps old
/// rows when rows are appended, but not when rows are reordered or deleted; a hash of a stable id keeps them all.
/// </summary>
public sealed class ReproducibleSplitsScenario : Scenario<ReproducibleSplitsSettings>
{
    /// <summary>Call t of get_splits runs after <c>np.random.seed(FirstCallSeedPerSeed · seed + t)</c>.</summary>
    internal const int FirstCallSeedPerSeed = 1000;

    /// <inheritdoc/>
    public override string Id => "reproducible-splits";

    /// <inheritdoc/>
    public override string Title => "Reproducible splits";

    /// <inheritdoc/>
    public override Question Question { get; } = new(64,
        "Given that we want to evaluate the performance of 'n' different machine learning models on the same data, why would the following splitting mechanism be incorrect :")
    {
        Also = [new Question(63, "How Random Number Generator Works, e.g. rand() function in python works?") { Reconstructed = true }],
    };

    /// <inheritdoc/>
    public override IReadOnlyList<Claim> Claims => Judging.All;

    /// <inheritdoc/>
    public override ReproducibleSplitsSettings DefaultSettings { get; } = new()
    {
        Seed = 63, Calls = 1000, Trials = 200, Trees = 30, SeedChecks = 20, DeleteShare = 0.1, NewDataShare = 0.2, Retrains = 3, Resamples = 1000,
    };

    /// <inheritdoc/>
    public override ReproducibleSplitsSettings QuickSettings => DefaultSettings with { Calls = 100, Trials = 12, Trees = 5, SeedChecks = 4, Retrains = 2, Resamples = 200 };

    /// <inheritdoc/>
    public override IReadOnlyList<ScenarioOption<ReproducibleSplitsSettings>> Options { get; } =
    [
        Option("--calls", "get_splits calls measured without training.", s => s.Calls, (s, v) => s with { Calls = v }, OptionRange.Integers(2, 100_000)),
        Option("--trials", "get_splits calls that train and score the models.", s => s.Trials, (s, v) => s with { Trials = v }, OptionRange.Integers(2, 10_000)),
        Option("--trees", "Trees of the FastTree model of the tied pair.", s => s.Trees, (s, v) => s with { Trees = v }, OptionRange.Integers(1, 1000)),
        Option("--seed-checks", "Seeds checked for identical output.", s => s.SeedChecks, (s, v) => s with { SeedChecks = v }, OptionRange.Integers(1, 10_000)),
        Option("--delete-share", "Share of rows deleted between two executions.", s => s.DeleteShare, (s, v) => s with { DeleteShare = v }, OptionRange.Between(0.05, 0.5)),
        Option("--new-data-share", "Share of rows held back and appended as new data.", s => s.NewDataShare, (s, v) => s with { NewDataShare = v }, OptionRange.Between(0.05, 0.5)),
        Option("--data", "Data set from the catalogue, e.g. german_credit or breast_cancer.", s => s.Data, (s, v) => s with { Data = v }, OptionRange.OneOf(Datasets.Names)),
        Option("--retrains", "Trainings per trainer configuration in the determinism check.", s => s.Retrains, (s, v) => s with { Retrains = v }, OptionRange.Integers(2, 100)),
        Option("--resamples", "Bootstrap resamples of the calls.", s => s.Resamples, (s, v) => s with { Resamples = v }, OptionRange.Integers(100, 100_000)),
    ];

    /// <inheritdoc/>
    public override ScenarioResult Run(ReproducibleSplitsSettings settings, IProgressReporter progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        Check(settings);
        var stages = new Stages();

        // Data: German credit, one-hot encoded once (the encoder learns only each column's levels, no labels).
        var data = Datasets.Load(settings.Data);
        var models = Models.Featurize(data);
        int firstCall = FirstCallSeedPerSeed * settings.Seed, checkSeed = Seeds.Derive(settings.Seed, "seed checks"), fixedSplitSeed = Seeds.Derive(settings.Seed, "fixed split");
        var sideSeeds = new Sides.Seeds(fixedSplitSeed, Seeds.Derive(settings.Seed, "reorder"), Seeds.Derive(settings.Seed, "delete"), Seeds.Derive(settings.Seed, "append"));

        // Baseline: the answer's get_splits itself, called as unseeded scripts call it, and what a seed does to it.
        var mechanism = stages.Time("get_splits calls (no training)", () => Mechanism.Measure(data.RowCount, settings.Calls, firstCall));
        var demonstrations = stages.Time("seed checks", () => SeedChecks.Measure(data.RowCount, settings.SeedChecks, checkSeed));

        // Method: two pairs of models compared on one shared split and on their own splits.
        var ranking = stages.Time("get_splits calls training three models each",
            () => Ranking.Measure(models, settings.Trials, firstCall, settings.Trees, settings.Seed, settings.Resamples, progress));

        // Comparison: which split keeps rows on their side when the file changes; does seeded training repeat.
        var sides = stages.Time("reorder / delete / append side changes", () => Sides.Measure(data, settings.DeleteShare, settings.NewDataShare, sideSeeds));
        var training = stages.Time("retraining and convergence", () => Training.Measure(models, fixedSplitSeed, settings.Seed, settings.Retrains, settings.Trees, progress));
        var python = PythonFacts.Load(Path.GetDirectoryName(typeof(ReproducibleSplitsScenario).Assembly.Location) ?? AppContext.BaseDirectory);

        // Judge.
        var measurements = new Measurements(mechanism, ranking.Different, ranking.Tied, demonstrations, sides.SeededGetSplits, sides.ContentHash,
            training.SingleThreadIdentical, training.SingleThreadMaxDifference);
        return Report.Build(settings, models.Name, measurements, sides, training, python, Judging.Judge(measurements), stages.Table);
    }

    private static void Check(ReproducibleSplitsSettings s)
    {
        static void AtLeast(int value, int min, string name)
        {
            if (value < min)
            {
                throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} is {value}; it must be at least {min}. Pass a larger value."));
            }
        }

        static void Share(double value, string name)
        {
            if (!(value is > 0 and < 1))
            {
                throw new ArgumentOutOfRangeException(name, value,
                    string.Create(CultureInfo.InvariantCulture, $"{name} is {value}; it must be a share strictly between 0 and 1. Pass e.g. 0.2."));
            }
        }

        AtLeast(s.Calls, 2, "--calls");
        AtLeast(s.Trials, 3, "--trials");
        AtLeast(s.Trees, 1, "--trees");
        AtLeast(s.SeedChecks, 1, "--seed-checks");
        AtLeast(s.Retrains, 2, "--retrains");
        AtLeast(s.Resamples, 1, "--resamples");
        Share(s.DeleteShare, "--delete-share");
        Share(s.NewDataShare, "--new-data-share");
        int maxSeed = (int.MaxValue - Math.Max(s.Calls, s.Trials)) / FirstCallSeedPerSeed;
        if (s.Seed < 0 || s.Seed > maxSeed)
        {
            throw new ArgumentOutOfRangeException("--seed", s.Seed, string.Create(CultureInfo.InvariantCulture,
                $"--seed is {s.Seed}; get_splits call t takes numpy seed {FirstCallSeedPerSeed}·seed + t, which must stay within 0 and 2^31 - 1. Pass a seed from 0 to {maxSeed}."));
        }
    }

    /// <summary>Wall-clock seconds per stage, for the timings section only.</summary>
    private sealed class Stages
    {
        public ReportTable Table { get; } = new("stages", ["stage", "wall-clock seconds"]);

        public T Time<T>(string stage, Func<T> run)
        {
            var clock = Stopwatch.StartNew();
            T result = run();
            Table.AddRow(stage, clock.Elapsed.TotalSeconds);
            return result;
        }
    }
}
