using ClassicalML.Evaluation;
using MathNet.Numerics.Random;

namespace ClassicalML.Scenarios.Tests;

/// <summary>A tiny test-only scenario: two seeded normal samples, their means with normal-approximation
/// intervals, three claims judged with the built-in criteria, and one figure of each kind.</summary>
internal sealed class TwoSamplesScenario : Scenario<TwoSamplesScenario.Settings>
{
    internal sealed record Settings : ScenarioSettings
    {
        public int Size { get; init; }

        public double Shift { get; init; }
    }

    internal static readonly Claim ShiftedIsLarger = new("shifted-is-larger", "The shifted sample has the larger mean.");
    internal static readonly Claim ShiftIsLarge = new("shift-is-large", "The shift is at least 0.5.");
    internal static readonly Claim MostPairsOrdered = new("most-pairs-ordered", "Most shifted draws exceed their paired baseline draw.");

    public override string Id => "two-samples";

    public override string Title => "Two samples";

    public override Question Question { get; } = new(99, "Does a shifted sample have a larger mean?");

    public override IReadOnlyList<Claim> Claims { get; } = [ShiftedIsLarger, ShiftIsLarge, MostPairsOrdered];

    public override Settings DefaultSettings => new() { Seed = 7, Size = DefaultSize, Shift = 1.0 };

    public override Settings QuickSettings => DefaultSettings with { Size = 40 };

    public override IReadOnlyList<ScenarioOption<Settings>> Options { get; } =
    [
        Option("--size", "Draws per sample.", s => s.Size, (s, v) => s with { Size = v }, OptionRange.Integers(2, 100_000)),
        Option("--shift", "Shift of the second sample's mean.", s => s.Shift, (s, v) => s with { Shift = v }, OptionRange.Between(-10, 10)),
    ];

    internal static ScenarioOption<Settings> MakeOption(string name) => Option(name, "A size.", s => s.Size, (s, v) => s with { Size = v });

    /// <summary>The size of the full settings (400); a value outside --size's range makes the scenario's own defaults invalid.</summary>
    internal int DefaultSize { get; init; } = 400;

    /// <summary>When set, the result carries a wall-clock timing table (written to timings.json, not report.json).</summary>
    internal bool WithTimings { get; init; }

    /// <summary>The cross-setting rule of <see cref="CheckSettings"/>, if any.</summary>
    internal Func<Settings, string?>? Consistency { get; init; }

    public override string? CheckSettings(Settings settings) => Consistency?.Invoke(settings);

    /// <summary>Counts the runs, so tests can check that a bad option stops the host before any work.</summary>
    internal int Runs { get; private set; }

    /// <summary>When set, the claims are returned in reverse order (the report must still follow <see cref="Claims"/>).</summary>
    internal bool ReverseClaims { get; init; }

    public override ScenarioResult Run(Settings settings, IProgressReporter progress)
    {
        Runs++;
        var random = new MersenneTwister(settings.Seed);
        var normal = new MathNet.Numerics.Distributions.Normal(0, 1, random);
        double[] baseline = new double[settings.Size];
        double[] shifted = new double[settings.Size];
        for (int i = 0; i < settings.Size; i++)
        {
            baseline[i] = normal.Sample();
            shifted[i] = normal.Sample() + settings.Shift;
            progress.Report("drawing", i + 1, settings.Size);
        }

        Interval a = MeanWithInterval(baseline);
        Interval b = MeanWithInterval(shifted);
        int ordered = baseline.Zip(shifted).Count(p => p.Second > p.First);
        var table = new ReportTable("means", ["sample", "n", "mean (95% normal CI)", "sd"])
            .AddRow("baseline", settings.Size, a, MathNet.Numerics.Statistics.Statistics.StandardDeviation(baseline))
            .AddRow("shifted", settings.Size, b, MathNet.Numerics.Statistics.Statistics.StandardDeviation(shifted));

        double[] sortedA = [.. baseline.Order()];
        double[] sortedB = [.. shifted.Order()];
        double[] quantiles = [.. Enumerable.Range(0, sortedA.Length).Select(i => (i + 0.5) / sortedA.Length)];
        ClaimResult[] claims =
            [
                ShiftedIsLarger.Judge(new IntervalComparisonCriterion("shifted mean", Direction.Greater, "baseline mean").Evaluate(b, a)),
                ShiftIsLarge.Judge(new ThresholdCriterion("mean difference", Direction.Greater, 0.5, 0.25).Evaluate(b.Estimate - a.Estimate)),
                MostPairsOrdered.Judge(new FractionCriterion("pairs ordered", 0.75, 0.5).Evaluate(ordered, settings.Size)),
            ];
        return new ScenarioResult
        {
            Tables = [table],
            Claims = ReverseClaims ? [.. claims.Reverse()] : claims,
            Figures =
            [
                Figures.Line("quantiles.png", "Sorted draws", "quantile", "value",
                    [new Series("baseline", quantiles, sortedA), new Series("shifted", quantiles, sortedB)]),
                Figures.Box("box.png", "Draws", "value", [new BoxGroup("baseline", baseline), new BoxGroup("shifted", shifted)]),
                Figures.Bars("means.png", "Means", "mean", [new BarValue("baseline", a), new BarValue("shifted", b)]),
                Figures.Roc("roc.png", "ROC", [new Series("model", [0, 0.2, 1], [0, 0.7, 1])]),
                Figures.PrecisionRecall("pr.png", "Precision-recall", [new Series("model", [1, 0.7, 0], [0.5, 0.8, 1])], 0.5),
            ],
            Timings = WithTimings ? [new ReportTable("stage-times", ["stage", "seconds"]).AddRow("drawing", 0.125)] : [],
            Summary = $"The shifted mean is {Numbers.Format(b)} against {Numbers.Format(a)}.",
        };
    }

    private static Interval MeanWithInterval(double[] values)
    {
        double mean = values.Average();
        double se = MathNet.Numerics.Statistics.Statistics.StandardDeviation(values) / Math.Sqrt(values.Length);
        return new Interval(mean, mean - (1.96 * se), mean + (1.96 * se), 0.95, "normal approximation");
    }
}

/// <summary>A scenario whose run throws, for the host's error handling.</summary>
internal sealed class FailingScenario : Scenario<FailingScenario.Settings>
{
    internal sealed record Settings : ScenarioSettings;

    public override string Id => "failing";

    public override string Title => "Failing";

    public override Question Question { get; } = new(1, "What happens when a run throws?");

    public override IReadOnlyList<Claim> Claims { get; } = [new Claim("never-judged", "Never judged.")];

    public override Settings DefaultSettings { get; } = new() { Seed = 1 };

    public override ScenarioResult Run(Settings settings, IProgressReporter progress) =>
        throw new InvalidOperationException("data set 'x' is missing\nsecond line");
}
