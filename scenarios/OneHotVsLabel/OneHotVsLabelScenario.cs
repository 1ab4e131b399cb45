using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using ClassicalML.Models.Convergence;

namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>Settings of <see cref="OneHotVsLabelScenario"/>: German credit 10-fold × 2, four cardinalities × six encodings × two models, all single-threaded.</summary>
public sealed record OneHotVsLabelSettings : ScenarioSettings
{
    /// <summary>German credit: folds per repeat of stratified k-fold.</summary>
    public int GermanFolds { get; init; } = 10;

    /// <summary>German credit: repeats of stratified k-fold (German credit has only 1000 rows, so fits are cheap).</summary>
    public int GermanRepeats { get; init; } = 2;

    /// <summary>German credit: hashing bits per categorical column (16 slots for at most 11 levels).</summary>
    public int GermanHashBits { get; init; } = 4;

    /// <summary>Synthetic set: rows (the same at every cardinality).</summary>
    public int SyntheticRows { get; init; } = 8000;

    /// <summary>Synthetic set: the largest number of levels; the runs use 10, 100, … up to it.</summary>
    public int MaxLevels { get; init; } = 10000;

    /// <summary>Synthetic set: Zipf exponent of the level frequencies (level k drawn with probability ∝ (k+1)^-skew).</summary>
    public double LevelSkew { get; init; } = 1.0;

    /// <summary>Synthetic set: standard deviation of the levels' true log-odds effects.</summary>
    public double LevelEffectSd { get; init; } = 1.0;

    /// <summary>Synthetic set: folds per repeat.</summary>
    public int SyntheticFolds { get; init; } = 5;

    /// <summary>Synthetic set: repeats.</summary>
    public int SyntheticRepeats { get; init; } = 1;

    /// <summary>Synthetic set: hashing bits (2^bits slots for the one nominal column).</summary>
    public int SyntheticHashBits { get; init; } = 10;

    /// <summary>Synthetic set: cardinalities from this many levels on count as "quite large" for the rule of thumb
    /// (the largest cardinality run counts if none reaches it).</summary>
    public int LargeLevels { get; init; } = 1000;

    /// <summary>FastTree: number of trees.</summary>
    public int Trees { get; init; } = 25;

    /// <summary>FastTree: leaves per tree.</summary>
    public int Leaves { get; init; } = 16;
}

/// <summary>
/// Question 57: one-hot against label encoding (and ordinal, mixed and hashed encodings) for logistic regression and
/// FastTree, on German credit (nominal and ordinal columns) and on a synthetic nominal feature with 10 to 10,000 levels.
/// </summary>
public sealed class OneHotVsLabelScenario : Scenario<OneHotVsLabelSettings>
{
    internal static readonly Claim LabelHurtsLinear = new("label-hurts-linear-not-trees",
        "Label encoding a nominal feature invents an order: it hurts a linear model, and matters much less for tree models.")
    {
        Quote = "The categorical feature is not ordinal (like the countries above)",
    };

    internal static readonly Claim OrdinalSuitsOrdinal = new("ordinal-codes-suit-ordinal-features",
        "Label (ordinal) encoding suits truly ordinal features: with the true order it does as well as one-hot with fewer features.")
    {
        Quote = "The categorical feature is ordinal (like Jr. kg, Sr. kg, Primary school, high school)",
    };

    internal static readonly Claim OneHotGrows = new("one-hot-grows-with-categories",
        "With one-hot encoding the number of features (and the memory) grows with the number of categories; with label encoding it does not.")
    {
        Quote = "one-hot encoding can lead to high memory consumption",
    };

    internal static readonly Claim LabelForManyLevels = new("label-when-many-categories",
        "Use label encoding when the number of categories is quite large (and one-hot otherwise).")
    {
        Quote = "The number of categories is quite large",
    };

    internal static readonly CategoricalEncoding[] GermanEncodings = Enum.GetValues<CategoricalEncoding>();

    internal static readonly CategoricalEncoding[] SyntheticEncodings =
        [CategoricalEncoding.NumericOnly, CategoricalEncoding.OneHot, CategoricalEncoding.Label, CategoricalEncoding.Hashing, CategoricalEncoding.Count, CategoricalEncoding.Target];

    internal static readonly ModelKind[] Models = [ModelKind.Logistic, ModelKind.FastTree];

    /// <summary>Numeric features of the synthetic set (standard normal, true coefficients drawn by the generator).</summary>
    internal const int SyntheticNumericFeatures = 3;

    public override string Id => "one-hot-vs-label";

    public override string Title => "One-hot vs label encoding";

    public override Question Question { get; } = new(57, "When to use a Label Encoding vs. One Hot Encoding?") { Reconstructed = true };

    public override IReadOnlyList<Claim> Claims { get; } = [LabelHurtsLinear, OrdinalSuitsOrdinal, OneHotGrows, LabelForManyLevels];

    public override OneHotVsLabelSettings DefaultSettings { get; } = new() { Seed = 57 };

    public override OneHotVsLabelSettings QuickSettings => DefaultSettings with
    {
        GermanFolds = 2,
        GermanRepeats = 1,
        SyntheticRows = 1000,
        MaxLevels = 100,
        SyntheticFolds = 2,
        Trees = 5,
        Leaves = 8,
    };

    public override IReadOnlyList<ScenarioOption<OneHotVsLabelSettings>> Options { get; } =
    [
        Option("--german-folds", "German credit: folds per repeat.", s => s.GermanFolds, (s, v) => s with { GermanFolds = v }, OptionRange.Integers(2, 20)),
        Option("--german-repeats", "German credit: repeats of stratified k-fold.", s => s.GermanRepeats, (s, v) => s with { GermanRepeats = v }, OptionRange.Integers(1, 100)),
        Option("--german-hash-bits", "German credit: hashing bits per column.", s => s.GermanHashBits, (s, v) => s with { GermanHashBits = v }, OptionRange.Integers(1, 16)),
        Option("--synthetic-rows", "Synthetic set: rows at every cardinality.", s => s.SyntheticRows, (s, v) => s with { SyntheticRows = v }, OptionRange.Integers(400, 1_000_000)),
        Option("--max-levels", "Synthetic set: largest number of levels (runs 10, 100, ... up to it).", s => s.MaxLevels, (s, v) => s with { MaxLevels = v }, OptionRange.Integers(10, 100_000)),
        Option("--level-skew", "Synthetic set: Zipf exponent of level frequencies.", s => s.LevelSkew, (s, v) => s with { LevelSkew = v }, OptionRange.AtLeast(0)),
        Option("--level-effect-sd", "Synthetic set: SD of the levels' true log-odds effects.", s => s.LevelEffectSd, (s, v) => s with { LevelEffectSd = v }, OptionRange.AtLeast(0)),
        Option("--synthetic-folds", "Synthetic set: folds per repeat.", s => s.SyntheticFolds, (s, v) => s with { SyntheticFolds = v }, OptionRange.Integers(2, 20)),
        Option("--synthetic-repeats", "Synthetic set: repeats of stratified k-fold.", s => s.SyntheticRepeats, (s, v) => s with { SyntheticRepeats = v }, OptionRange.Integers(1, 100)),
        Option("--synthetic-hash-bits", "Synthetic set: hashing bits.", s => s.SyntheticHashBits, (s, v) => s with { SyntheticHashBits = v }, OptionRange.Integers(1, 20)),
        Option("--large-levels", "Synthetic set: cardinalities from this many levels count as large.", s => s.LargeLevels, (s, v) => s with { LargeLevels = v }, OptionRange.Integers(10, 100_000)),
        Option("--trees", "FastTree: number of trees.", s => s.Trees, (s, v) => s with { Trees = v }, OptionRange.Integers(1, 1000)),
        Option("--leaves", "FastTree: leaves per tree.", s => s.Leaves, (s, v) => s with { Leaves = v }, OptionRange.Integers(2, 1024)),
    ];

    /// <summary>The cardinalities run: 10, 100, 1000, … up to <paramref name="maxLevels"/> (added last if not a power of ten).</summary>
    internal static int[] LevelGrid(int maxLevels)
    {
        var grid = new List<int>();
        for (long levels = 10; levels <= maxLevels; levels *= 10)
        {
            grid.Add((int)levels);
        }

        if (grid[^1] != maxLevels)
        {
            grid.Add(maxLevels);
        }

        return [.. grid];
    }

    public override ScenarioResult Run(OneHotVsLabelSettings settings, IProgressReporter progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        Validate(settings);

        // Data: German credit (7 numeric, 9 nominal, 4 ordinal columns) and a synthetic nominal feature with 10 … MaxLevels levels.
        var data = ReadData(settings);
        var steps = new StepCounter(progress, TotalSteps(data));

        // Baseline: the numeric features alone, on the same folds as every encoding.
        var baseline = RunEncodings(settings, data, [CategoricalEncoding.NumericOnly], steps);

        // Method: every encoding, its encoder fitted on the training folds only.
        var method = RunEncodings(settings, data, [.. GermanEncodings.Where(e => e != CategoricalEncoding.NumericOnly)], steps);

        // Memory: what the trainer holds per row, as the levels grow (one column) and as the columns grow (German credit).
        var memory = MeasureMemory(settings, data, steps);
        var convergence = CheckConvergence(settings, data);

        // Comparison: paired corrected resampled t intervals on the same folds.
        var runs = baseline.Merge(method);
        var synthetic = data.Synthetic.Select((set, k) => new SyntheticRun(set.Levels, set.LevelsSeen, runs.Synthetic[k], memory.Synthetic[k])).ToList();
        var measurements = Measure(settings, runs.German, memory.German, synthetic);

        // Judge: each claim's criterion on the measured numbers.
        var claims = Judging.Judge(measurements);
        return new ScenarioResult
        {
            Tables = [.. Report.Tables(settings, runs.German, memory.German, synthetic), Report.RemedyTable(settings, synthetic), Report.ColumnTable(memory.Columns), Report.ConvergenceTable(convergence)],
            Claims = claims,
            Effects = Effects(measurements, synthetic[^1], settings.SyntheticFolds),
            Timings = [Report.TimingTable(runs.German, synthetic)],
            Figures = Report.BuildFigures(settings, runs.German, synthetic),
            Summary = Report.Summary(settings, data.German, runs.German, synthetic, measurements, memory.Columns, convergence),
        };
    }

    /// <summary>Loads German credit and draws the synthetic sets, each with its repeated stratified folds.</summary>
    private static ScenarioData ReadData(OneHotVsLabelSettings settings)
    {
        var german = Datasets.GermanCredit();
        var germanSplits = new RepeatedStratifiedKFold(settings.GermanFolds, settings.GermanRepeats, Seeds.Derive(settings.Seed, "German credit folds")).Split<bool>(german.BinaryLabels());
        var levelGrid = LevelGrid(settings.MaxLevels);
        var synthetic = levelGrid.Select((levels, k) =>
        {
            var drawn = SyntheticData.MakeHighCardinality(Seeds.Derive(settings.Seed, $"synthetic data {k}"), settings.SyntheticRows, levels,
                SyntheticNumericFeatures, settings.LevelEffectSd, settings.LevelSkew);
            var dataset = drawn.ToDataset();
            var splits = new RepeatedStratifiedKFold(settings.SyntheticFolds, settings.SyntheticRepeats, Seeds.Derive(settings.Seed, "synthetic folds")).Split<bool>(dataset.BinaryLabels());
            return new SyntheticSet(levels, drawn.GetLevelCodes().Distinct().Count(), dataset, splits);
        }).ToList();
        return new ScenarioData(german, germanSplits, synthetic);
    }

    /// <summary>Cross-validates each of <paramref name="encodings"/> with both models on German credit and on every synthetic set.</summary>
    private static RunGrid RunEncodings(OneHotVsLabelSettings settings, ScenarioData data, IReadOnlyList<CategoricalEncoding> encodings, StepCounter steps)
    {
        var german = new Dictionary<(CategoricalEncoding, ModelKind), EncodingRun>();
        foreach (var (encoding, model) in encodings.SelectMany(e => Models.Select(m => (e, m))))
        {
            german[(encoding, model)] = EncodingRuns.Run(data.German, encoding, model, data.GermanSplits, settings.Seed, settings.GermanHashBits, settings.Trees, settings.Leaves);
            steps.Step("German credit");
        }

        var synthetic = data.Synthetic.Select(set =>
        {
            var runs = new Dictionary<(CategoricalEncoding, ModelKind), EncodingRun>();
            foreach (var (encoding, model) in encodings.Where(SyntheticEncodings.Contains).SelectMany(e => Models.Select(m => (e, m))))
            {
                runs[(encoding, model)] = EncodingRuns.Run(set.Data, encoding, model, set.Splits, settings.Seed, settings.SyntheticHashBits, settings.Trees, settings.Leaves);
                steps.Step(string.Create(CultureInfo.InvariantCulture, $"synthetic, {set.Levels} levels"));
            }

            return runs;
        }).ToList();
        return new RunGrid(german, synthetic);
    }

    /// <summary>Encoded sizes of every encoding, and one-hot against label as German credit's categorical columns are added one group at a time.</summary>
    private static MemoryStudy MeasureMemory(OneHotVsLabelSettings settings, ScenarioData data, StepCounter steps)
    {
        var german = GermanEncodings.ToDictionary(e => e, e => EncodingRuns.Size(data.German, e, settings.GermanHashBits));
        var synthetic = data.Synthetic.Select(set => SyntheticEncodings.ToDictionary(e => e, e => EncodingRuns.Size(set.Data, e, settings.SyntheticHashBits))).ToList();
        var all = data.German.Schema.CategoricalColumns;
        var columns = ColumnCounts(all.Count).Select(count =>
        {
            var used = all.Take(count).ToList();
            // The first repeat's folds only: the sweep reads a trend, and the claims do not rest on it.
            EncodingRun Lr(CategoricalEncoding e) => EncodingRuns.Run(data.German, e, ModelKind.Logistic, [data.GermanSplits[0]], settings.Seed, settings.GermanHashBits, settings.Trees, settings.Leaves, used);
            var oneHot = EncodingRuns.Size(data.German, CategoricalEncoding.OneHot, settings.GermanHashBits, used);
            var label = EncodingRuns.Size(data.German, CategoricalEncoding.Label, settings.GermanHashBits, used);
            var gap = AucDifference(Lr(CategoricalEncoding.OneHot), Lr(CategoricalEncoding.Label), settings.GermanFolds);
            steps.Step("German credit, columns");
            return new ColumnCase(count, used.Sum(c => c.Levels.Count), oneHot, label, gap);
        }).ToList();
        return new MemoryStudy(german, synthetic, columns);
    }

    /// <summary>Refits the first fold of every logistic encoding (German credit and the largest cardinality) with 1/100 of the tolerance.</summary>
    private static List<(string Data, CategoricalEncoding Encoding, ConvergenceCheck Check)> CheckConvergence(OneHotVsLabelSettings settings, ScenarioData data)
    {
        var top = data.Synthetic[^1];
        var german = GermanEncodings.Where(e => e != CategoricalEncoding.NumericOnly)
            .Select(e => ("German credit", e, EncodingRuns.CheckConvergence(data.German, e, data.GermanSplits[0], settings.Seed, settings.GermanHashBits)));
        var synthetic = SyntheticEncodings.Where(e => e != CategoricalEncoding.NumericOnly)
            .Select(e => (string.Create(CultureInfo.InvariantCulture, $"synthetic, {top.Levels} levels"), e, EncodingRuns.CheckConvergence(top.Data, e, top.Splits[0], settings.Seed, settings.SyntheticHashBits)));
        return [.. german, .. synthetic];
    }

    /// <summary>Numbers of German credit's categorical columns used in the column sweep: 1, then about thirds, then all.</summary>
    internal static int[] ColumnCounts(int columns) => [.. new[] { 1, Math.Max(1, columns / 3), Math.Max(1, 2 * columns / 3), columns }.Distinct()];

    private static int TotalSteps(ScenarioData data) =>
        (GermanEncodings.Length * Models.Length) + (data.Synthetic.Count * SyntheticEncodings.Length * Models.Length) + ColumnCounts(data.German.Schema.CategoricalColumns.Count).Length;

    /// <summary>The main effects, signed, for the scikit-learn replication.</summary>
    private static List<Effect> Effects(Measurements m, SyntheticRun top, int folds) =>
    [
        new("german-logistic-onehot-minus-label", "German credit, logistic regression: AUC(one-hot) − AUC(label codes), mean over the folds", m.Penalty.LogisticGap.Estimate),
        new("german-tree-onehot-minus-label", "German credit, boosted trees: AUC(one-hot) − AUC(label codes)", m.Penalty.TreeGap.Estimate),
        new("german-logistic-true-order-minus-onehot", "German credit, logistic regression: AUC(ordinal columns ranked, nominal one-hot) − AUC(all one-hot)", m.Ordinal.Difference.Estimate),
        new("onehot-feature-growth", "synthetic: growth exponent of one-hot's feature count over the cardinalities (1 = proportional)", Judging.GrowthExponent(m.Growth.OneHot, p => p.Features)),
        new("many-levels-logistic-label-minus-onehot", $"synthetic, {m.HighCardinality.Levels} levels, logistic regression: AUC(label) − AUC(one-hot)", m.HighCardinality.LogisticLabelVsOneHot.Estimate),
        new("many-levels-tree-label-minus-onehot", $"synthetic, {m.HighCardinality.Levels} levels, boosted trees: AUC(label) − AUC(one-hot)", m.HighCardinality.TreeLabelVsOneHot.Estimate),
        .. new[] { CategoricalEncoding.Hashing, CategoricalEncoding.Count, CategoricalEncoding.Target }.SelectMany(e => Models.Select(model => new Effect(
            $"many-levels-{(model == ModelKind.Logistic ? "logistic" : "tree")}-{e.Name()}-minus-onehot",
            $"synthetic, {top.Levels} levels, {model.Name()}: AUC({e.Name()}) − AUC(one-hot)",
            AucDifference(top.Runs[(e, model)], top.Runs[(CategoricalEncoding.OneHot, model)], folds).Estimate))),
    ];

    /// <summary>Reports progress one finished step at a time.</summary>
    private sealed class StepCounter(IProgressReporter progress, int total)
    {
        private int _done;

        public void Step(string what) => progress.Report(what, Math.Min(++_done, total), total);
    }

    /// <summary>The runs and sizes at one cardinality.</summary>
    internal sealed record SyntheticRun(int Levels, int LevelsSeen, Dictionary<(CategoricalEncoding, ModelKind), EncodingRun> Runs, Dictionary<CategoricalEncoding, EncodedSize> Sizes);

    private static void Validate(OneHotVsLabelSettings s)
    {
        static void AtLeast(int value, int min, string name, string fix)
        {
            if (value < min)
            {
                throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} is {value}; it must be at least {min}. {fix}"));
            }
        }

        AtLeast(s.GermanFolds, 2, "--german-folds", "Use 10.");
        AtLeast(s.GermanRepeats, 1, "--german-repeats", "Use 2.");
        AtLeast(s.SyntheticFolds, 2, "--synthetic-folds", "Use 5.");
        AtLeast(s.SyntheticRepeats, 1, "--synthetic-repeats", "Use 1.");
        AtLeast(s.MaxLevels, 10, "--max-levels", "The smallest cardinality run is 10.");
        AtLeast(s.SyntheticRows, 20 * s.SyntheticFolds, "--synthetic-rows", "Each fold needs rows of both classes; use 8000.");
        AtLeast(s.Trees, 1, "--trees", "Use 25.");
        AtLeast(s.Leaves, 2, "--leaves", "Use 16.");
        if (s.GermanHashBits is < 1 or > 16 || s.SyntheticHashBits is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(s), string.Create(CultureInfo.InvariantCulture,
                $"--german-hash-bits is {s.GermanHashBits} and --synthetic-hash-bits is {s.SyntheticHashBits}; they must be in [1, 16] and [1, 20]. Use 4 and 10."));
        }
    }

    /// <summary>The 95% corrected resampled t interval (ClassicalML.Evaluation) of fold values from k-fold.</summary>
    internal static Interval FoldMean(double[] values, int folds) => CorrectedResampledT.Interval(values, ResamplingDesign.KFold(folds)).ToInterval();

    internal static Interval Auc(EncodingRun run, int folds) => FoldMean(run.FoldAuc, folds);

    internal static Interval AucDifference(EncodingRun a, EncodingRun b, int folds) => CorrectedResampledT.Paired(a.FoldAuc, b.FoldAuc, ResamplingDesign.KFold(folds)).ToInterval();

    private static Measurements Measure(
        OneHotVsLabelSettings settings,
        Dictionary<(CategoricalEncoding, ModelKind), EncodingRun> german,
        Dictionary<CategoricalEncoding, EncodedSize> germanSizes,
        List<SyntheticRun> synthetic)
    {
        int gk = settings.GermanFolds, sk = settings.SyntheticFolds;
        int germanRows = germanSizes[CategoricalEncoding.OneHot].Rows;
        static double[] Gap(EncodingRun a, EncodingRun b) => [.. a.FoldAuc.Zip(b.FoldAuc, (x, y) => x - y)];
        var lrGap = Gap(german[(CategoricalEncoding.OneHot, ModelKind.Logistic)], german[(CategoricalEncoding.Label, ModelKind.Logistic)]);
        var treeGap = Gap(german[(CategoricalEncoding.OneHot, ModelKind.FastTree)], german[(CategoricalEncoding.Label, ModelKind.FastTree)]);
        var penalty = new LabelPenalty(
            FoldMean(lrGap, gk),
            FoldMean(treeGap, gk),
            CorrectedResampledT.Paired(lrGap, treeGap, ResamplingDesign.KFold(gk)).ToInterval(),
            germanRows);

        var ordinal = new OrdinalComparison(
            AucDifference(german[(CategoricalEncoding.Mixed, ModelKind.Logistic)], german[(CategoricalEncoding.OneHot, ModelKind.Logistic)], gk),
            germanSizes[CategoricalEncoding.Mixed].Features,
            germanSizes[CategoricalEncoding.OneHot].Features,
            germanRows);

        SizePoint Point(SyntheticRun r, CategoricalEncoding e) => new(r.Levels, r.Sizes[e].Features, r.Sizes[e].DenseBytes, r.Sizes[e].SparseBytes);
        var growth = new SizeGrowth(
            [.. synthetic.Select(r => Point(r, CategoricalEncoding.OneHot))],
            [.. synthetic.Select(r => Point(r, CategoricalEncoding.Label))]);

        var top = synthetic[^1];
        EncodingRun R(CategoricalEncoding e, ModelKind m) => top.Runs[(e, m)];
        var high = new HighCardinalityComparison(
            top.Levels,
            AucDifference(R(CategoricalEncoding.Label, ModelKind.Logistic), R(CategoricalEncoding.OneHot, ModelKind.Logistic), sk),
            AucDifference(R(CategoricalEncoding.Label, ModelKind.FastTree), R(CategoricalEncoding.OneHot, ModelKind.FastTree), sk),
            AucDifference(R(CategoricalEncoding.Label, ModelKind.Logistic), R(CategoricalEncoding.NumericOnly, ModelKind.Logistic), sk),
            AucDifference(R(CategoricalEncoding.Hashing, ModelKind.Logistic), R(CategoricalEncoding.OneHot, ModelKind.Logistic), sk),
            AucDifference(R(CategoricalEncoding.Hashing, ModelKind.FastTree), R(CategoricalEncoding.OneHot, ModelKind.FastTree), sk),
            top.Sizes[CategoricalEncoding.OneHot].Features,
            top.Sizes[CategoricalEncoding.Label].Features,
            top.Sizes[CategoricalEncoding.Hashing].Features,
            settings.SyntheticRows);
        int largeFrom = Math.Min(settings.LargeLevels, synthetic[^1].Levels);
        var many = synthetic.Where(r => r.Levels >= largeFrom).SelectMany(r => Models.Select(model => new CardinalityCase(r.Levels, model.Name(),
            AucDifference(r.Runs[(CategoricalEncoding.Label, model)], r.Runs[(CategoricalEncoding.OneHot, model)], sk),
            AucDifference(r.Runs[(CategoricalEncoding.OneHot, model)], r.Runs[(CategoricalEncoding.NumericOnly, model)], sk),
            settings.SyntheticRows))).ToList();
        return new Measurements(penalty, ordinal, growth, high, many);
    }

}