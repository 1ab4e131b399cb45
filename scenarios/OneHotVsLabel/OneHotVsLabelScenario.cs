using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using ClassicalML.Models.Convergence;

namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>Settings of <see cref="OneHotVsLabelScenario"/>; the defaults take about 30 s of CPU (280 single-threaded cross-validation fits), quick about 10 s.</summary>
public sealed record OneHotVsLabelSettings : ScenarioSettings
{
    /// <summary>German credit: folds per repeat of stratified k-fold.</summary>
    public int GermanFolds { get; init; } = 5;

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
        var levelGrid = LevelGrid(settings.MaxLevels);
        var total = (GermanEncodings.Length * Models.Length) + (levelGrid.Length * SyntheticEncodings.Length * Models.Length);
        var done = 0;

        // German credit: 7 numeric, 9 nominal and 4 ordinal columns; every encoding and model on the same folds.
        var german = Datasets.GermanCredit();
        var germanSplits = new RepeatedStratifiedKFold(settings.GermanFolds, settings.GermanRepeats, settings.Seed).Split<bool>(german.BinaryLabels());
        var germanRuns = new Dictionary<(CategoricalEncoding, ModelKind), EncodingRun>();
        foreach (var encoding in GermanEncodings)
        {
            foreach (var model in Models)
            {
                germanRuns[(encoding, model)] = EncodingRuns.Run(german, encoding, model, germanSplits, settings.Seed, settings.GermanHashBits, settings.Trees, settings.Leaves);
                progress.Report("German credit", ++done, total);
            }
        }

        var germanSizes = GermanEncodings.ToDictionary(e => e, e => EncodingRuns.Size(german, e, settings.GermanHashBits));
        var convergence = GermanEncodings.Where(e => e != CategoricalEncoding.NumericOnly)
            .Select(e => ("German credit", e, EncodingRuns.CheckConvergence(german, e, germanSplits[0], settings.Seed, settings.GermanHashBits))).ToList();

        // Synthetic: one nominal feature with 10 … MaxLevels levels (Zipf frequencies, random effects) plus 3 numeric features.
        var synthetic = new List<SyntheticRun>();
        for (var k = 0; k < levelGrid.Length; k++)
        {
            var data = SyntheticData.MakeHighCardinality(unchecked(settings.Seed + 1 + k), settings.SyntheticRows, levelGrid[k],
                SyntheticNumericFeatures, settings.LevelEffectSd, settings.LevelSkew);
            var dataset = data.ToDataset();
            var splits = new RepeatedStratifiedKFold(settings.SyntheticFolds, settings.SyntheticRepeats, settings.Seed).Split<bool>(dataset.BinaryLabels());
            var runs = new Dictionary<(CategoricalEncoding, ModelKind), EncodingRun>();
            foreach (var encoding in SyntheticEncodings)
            {
                foreach (var model in Models)
                {
                    runs[(encoding, model)] = EncodingRuns.Run(dataset, encoding, model, splits, settings.Seed, settings.SyntheticHashBits, settings.Trees, settings.Leaves);
                    progress.Report(string.Create(CultureInfo.InvariantCulture, $"synthetic, {levelGrid[k]} levels"), ++done, total);
                }
            }

            var sizes = SyntheticEncodings.ToDictionary(e => e, e => EncodingRuns.Size(dataset, e, settings.SyntheticHashBits));
            if (k == levelGrid.Length - 1)
            {
                convergence.AddRange(SyntheticEncodings.Where(e => e != CategoricalEncoding.NumericOnly).Select(e =>
                    (string.Create(CultureInfo.InvariantCulture, $"synthetic, {levelGrid[k]} levels"), e, EncodingRuns.CheckConvergence(dataset, e, splits[0], settings.Seed, settings.SyntheticHashBits))));
            }

            synthetic.Add(new SyntheticRun(levelGrid[k], data.GetLevelCodes().Distinct().Count(), runs, sizes));
        }

        var measurements = Measure(settings, germanRuns, germanSizes, synthetic);
        return new ScenarioResult
        {
            Tables = [.. Tables(settings, germanRuns, germanSizes, synthetic), ConvergenceTable(convergence)],
            Claims = Judging.Judge(measurements),
            Effects = Effects(measurements),
            Timings = [TimingTable(germanRuns, synthetic)],
            Figures = BuildFigures(settings, germanRuns, synthetic),
            Summary = Summary(settings, german.Schema.CategoricalColumns.Count(c => c.IsOrdinal), germanRuns, synthetic, measurements)
                + string.Create(CultureInfo.InvariantCulture, $" The answer's one-hot condition, \"The number of categorical features is less\", confuses the number of categorical features (columns: German credit has {german.Schema.CategoricalColumns.Count}) with the number of categories of one feature (levels: {synthetic[^1].LevelsSeen} drawn at the largest cardinality here); one-hot's width grows with the levels, whatever the number of columns.")
                + string.Create(CultureInfo.InvariantCulture, $" {convergence.Count(c => c.Item3.Converged)} of {convergence.Count} logistic fits checked for convergence (first fold of each encoding, German credit and the largest cardinality, refitted with 1/100 of the tolerance) moved their weights and objective by less than {Numbers.Format(LbfgsConvergence.DefaultThreshold)} (relative)."),
        };
    }

    private static ReportTable ConvergenceTable(IEnumerable<(string Data, CategoricalEncoding Encoding, ConvergenceCheck Check)> checks)
    {
        var table = new ReportTable("convergence",
            ["data set", "encoding", "trainer", "cap", "tolerance", "check (cap, tolerance)", "relative weight change", "relative objective change", "converged (both < threshold)"]);
        foreach (var (data, encoding, check) in checks)
        {
            table.AddRow(data, encoding.Name(), "LbfgsLogisticRegression (first fold)", check.IterationCap == int.MaxValue ? "none (int.MaxValue)" : check.IterationCap.ToString(CultureInfo.InvariantCulture),
                check.Tolerance, $"{(check.CheckCap == int.MaxValue ? "none" : check.CheckCap.ToString(CultureInfo.InvariantCulture))}, {Numbers.Format(check.CheckTolerance)}",
                check.WeightChange, check.ObjectiveChange, (check.Converged ? "yes" : "no") + $" (threshold {Numbers.Format(check.Threshold)})");
        }

        return table;
    }

    /// <summary>The main effects, signed, for the scikit-learn replication.</summary>
    private static List<Effect> Effects(Measurements m) =>
    [
        new("german-logistic-onehot-minus-label", "German credit, logistic regression: AUC(one-hot) − AUC(label codes), mean over the folds", m.Penalty.LogisticGap.Value),
        new("german-tree-onehot-minus-label", "German credit, boosted trees: AUC(one-hot) − AUC(label codes)", m.Penalty.TreeGap.Value),
        new("german-logistic-true-order-minus-onehot", "German credit, logistic regression: AUC(ordinal columns ranked, nominal one-hot) − AUC(all one-hot)", m.Ordinal.Difference.Value),
        new("onehot-feature-growth", "synthetic: growth exponent of one-hot's feature count over the cardinalities (1 = proportional)", Judging.GrowthExponent(m.Growth.OneHot, p => p.Features)),
        new("many-levels-logistic-label-minus-onehot", $"synthetic, {m.HighCardinality.Levels} levels, logistic regression: AUC(label) − AUC(one-hot)", m.HighCardinality.LogisticLabelVsOneHot.Value),
        new("many-levels-tree-label-minus-onehot", $"synthetic, {m.HighCardinality.Levels} levels, boosted trees: AUC(label) − AUC(one-hot)", m.HighCardinality.TreeLabelVsOneHot.Value),
    ];

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

        AtLeast(s.GermanFolds, 2, "--german-folds", "Use 5.");
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

    /// <summary>The 95% corrected resampled t interval (ClassicalML.Evaluation) of fold values from k-fold, as an estimate.</summary>
    internal static Estimate FoldMean(double[] values, int folds) => Ci(CorrectedResampledT.Interval(values, ResamplingDesign.KFold(folds)));

    internal static Estimate Auc(EncodingRun run, int folds) => FoldMean(run.FoldAuc, folds);

    internal static Estimate AucDifference(EncodingRun a, EncodingRun b, int folds) => Ci(CorrectedResampledT.Paired(a.FoldAuc, b.FoldAuc, ResamplingDesign.KFold(folds)));

    private static Estimate Ci(CorrectedTInterval t) => new(t.Mean, t.Lower, t.Upper);

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
            Ci(CorrectedResampledT.Paired(lrGap, treeGap, ResamplingDesign.KFold(gk))),
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

    private static List<ReportTable> Tables(
        OneHotVsLabelSettings settings,
        Dictionary<(CategoricalEncoding, ModelKind), EncodingRun> german,
        Dictionary<CategoricalEncoding, EncodedSize> germanSizes,
        List<SyntheticRun> synthetic)
    {
        string[] sizeColumns = ["features", "non-zeros", "dense bytes (rows × features × 4)", "sparse bytes (non-zeros × 8)", "bytes as ML.NET holds them"];
        var germanEncodings = new ReportTable("german-encodings", ["encoding", "what it does", .. sizeColumns]);
        foreach (var e in GermanEncodings)
        {
            var s = germanSizes[e];
            germanEncodings.AddRow(e.Name(), e.Description(settings.GermanHashBits), s.Features, s.NonZeros, s.DenseBytes, s.SparseBytes, s.StoredBytes);
        }

        string[] scoreColumns = ["model", "test AUC (mean, 95% corrected t CI)", "test F1 at 0.5 (mean, 95% corrected t CI)", "AUC − AUC(one-hot), paired per fold"];
        var germanScores = new ReportTable("german-scores", ["encoding", .. scoreColumns]);
        foreach (var m in Models)
        {
            foreach (var e in GermanEncodings)
            {
                germanScores.AddRow(e.Name(), m.Name(), Auc(german[(e, m)], settings.GermanFolds), FoldMean(german[(e, m)].FoldF1, settings.GermanFolds),
                    e == CategoricalEncoding.OneHot ? "reference" : AucDifference(german[(e, m)], german[(CategoricalEncoding.OneHot, m)], settings.GermanFolds));
            }
        }

        var syntheticSizes = new ReportTable("synthetic-sizes", ["levels", "levels drawn", "encoding", .. sizeColumns]);
        var syntheticScores = new ReportTable("synthetic-scores", ["levels", "encoding", .. scoreColumns]);
        foreach (var r in synthetic)
        {
            foreach (var e in SyntheticEncodings)
            {
                var s = r.Sizes[e];
                syntheticSizes.AddRow(r.Levels, r.LevelsSeen, e.Name(), s.Features, s.NonZeros, s.DenseBytes, s.SparseBytes, s.StoredBytes);
            }

            foreach (var m in Models)
            {
                foreach (var e in SyntheticEncodings)
                {
                    syntheticScores.AddRow(r.Levels, e.Name(), m.Name(), Auc(r.Runs[(e, m)], settings.SyntheticFolds),
                        FoldMean(r.Runs[(e, m)].FoldF1, settings.SyntheticFolds),
                        e == CategoricalEncoding.OneHot ? "reference" : AucDifference(r.Runs[(e, m)], r.Runs[(CategoricalEncoding.OneHot, m)], settings.SyntheticFolds));
                }
            }
        }

        return [germanEncodings, germanScores, syntheticSizes, syntheticScores];
    }

    private static ReportTable TimingTable(Dictionary<(CategoricalEncoding, ModelKind), EncodingRun> german, List<SyntheticRun> synthetic)
    {
        var table = new ReportTable("training-time", ["data set", "encoding", "model", "folds", "training seconds (sum over folds)", "ms per fold"]);
        void Add(string data, EncodingRun run)
        {
            var seconds = run.TrainingTime.TotalSeconds;
            table.AddRow(data, run.Encoding.Name(), run.Model.Name(), run.FoldAuc.Length, Math.Round(seconds, 3), Math.Round(1000 * seconds / run.FoldAuc.Length, 1));
        }

        foreach (var run in german.Values)
        {
            Add("German credit", run);
        }

        foreach (var r in synthetic)
        {
            foreach (var run in r.Runs.Values)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"synthetic, {r.Levels} levels"), run);
            }
        }

        return table;
    }

    private static List<Figure> BuildFigures(OneHotVsLabelSettings settings, Dictionary<(CategoricalEncoding, ModelKind), EncodingRun> german, List<SyntheticRun> synthetic)
    {
        var figures = new List<Figure>();
        var folds = settings.GermanFolds * settings.GermanRepeats;
        foreach (var m in Models)
        {
            var slug = m == ModelKind.Logistic ? "logistic" : "fasttree";
            figures.Add(Scenarios.Figures.Bars($"german-auc-{slug}.png",
                string.Create(CultureInfo.InvariantCulture, $"German credit, {m.Name()}: test AUC by encoding ({folds} folds, 95% CI)"),
                "test ROC AUC", [.. GermanEncodings.Select(e => new BarValue(e.Name(), Auc(german[(e, m)], settings.GermanFolds)))]));
            figures.Add(Scenarios.Figures.Bars($"german-f1-{slug}.png",
                string.Create(CultureInfo.InvariantCulture, $"German credit, {m.Name()}: test F1 at 0.5 by encoding ({folds} folds, 95% CI)"),
                "test F1 (threshold 0.5)", [.. GermanEncodings.Select(e => new BarValue(e.Name(), FoldMean(german[(e, m)].FoldF1, settings.GermanFolds)))]));
            figures.Add(Scenarios.Figures.Bars($"german-auc-vs-one-hot-{slug}.png",
                string.Create(CultureInfo.InvariantCulture, $"German credit, {m.Name()}: AUC minus one-hot AUC (95% CI)"),
                "AUC − AUC(one-hot), paired per fold",
                [.. GermanEncodings.Where(e => e != CategoricalEncoding.OneHot)
                    .Select(e => new BarValue(e.Name(), AucDifference(german[(e, m)], german[(CategoricalEncoding.OneHot, m)], settings.GermanFolds)))]));
        }

        double[] x = [.. synthetic.Select(r => Math.Log10(r.Levels))];
        Series Gap(CategoricalEncoding e, ModelKind m) => new($"{e.Name()}, {m.ShortName()}",
            x, [.. synthetic.Select(r => AucDifference(r.Runs[(e, m)], r.Runs[(CategoricalEncoding.OneHot, m)], settings.SyntheticFolds).Value)]);
        figures.Add(LineFigures.Line("synthetic-auc-vs-one-hot.png", "Synthetic nominal feature: AUC minus one-hot's AUC (same model, same folds)",
            "log10(number of levels)", "AUC − AUC(one-hot)",
            [
                new Series("one-hot (reference)", x, [.. x.Select(_ => 0.0)]),
                Gap(CategoricalEncoding.Label, ModelKind.Logistic),
                Gap(CategoricalEncoding.Label, ModelKind.FastTree),
                Gap(CategoricalEncoding.Hashing, ModelKind.Logistic),
                Gap(CategoricalEncoding.Hashing, ModelKind.FastTree),
                Gap(CategoricalEncoding.NumericOnly, ModelKind.Logistic),
            ],
            [new LineStyle("#808080", Markers: false, Dashed: true), .. Enumerable.Repeat(new LineStyle(), 5)]));

        Series SizeSeries(string name, Func<EncodedSize, double> size, CategoricalEncoding e) =>
            new(name, x, [.. synthetic.Select(r => Math.Log10(size(r.Sizes[e])))]);
        figures.Add(LineFigures.Line("synthetic-features.png", "Synthetic nominal feature: number of features after encoding",
            "log10(number of levels)", "log10(number of features)",
            [
                SizeSeries("one-hot", s => s.Features, CategoricalEncoding.OneHot),
                SizeSeries(string.Create(CultureInfo.InvariantCulture, $"hashing ({settings.SyntheticHashBits} bits)"), s => s.Features, CategoricalEncoding.Hashing),
                SizeSeries("label", s => s.Features, CategoricalEncoding.Label),
            ]));
        // The three sparse sizes coincide when every row has one non-zero per column; then one line is drawn for them.
        CategoricalEncoding[] sparse = [CategoricalEncoding.OneHot, CategoricalEncoding.Hashing, CategoricalEncoding.Label];
        bool sameSparse = synthetic.All(r => sparse.All(e => r.Sizes[e].SparseBytes == r.Sizes[CategoricalEncoding.OneHot].SparseBytes));
        Series[] sparseSeries = sameSparse
            ? [SizeSeries("one-hot = hashing = label, sparse (non-zeros × 8)", s => s.SparseBytes, CategoricalEncoding.OneHot)]
            : [.. sparse.Select(e => SizeSeries($"{e.Name()}, sparse (non-zeros × 8)", s => s.SparseBytes, e))];
        figures.Add(LineFigures.Line("synthetic-memory.png",
            string.Create(CultureInfo.InvariantCulture, $"Synthetic nominal feature: bytes of the encoded data ({settings.SyntheticRows} rows)"),
            "log10(number of levels)", "log10(bytes)",
            [
                SizeSeries("one-hot, dense (rows × features × 4)", s => s.DenseBytes, CategoricalEncoding.OneHot),
                SizeSeries("hashing, dense", s => s.DenseBytes, CategoricalEncoding.Hashing),
                SizeSeries("label, dense", s => s.DenseBytes, CategoricalEncoding.Label),
                .. sparseSeries,
            ]));
        return figures;
    }

    private static string Summary(
        OneHotVsLabelSettings settings,
        int ordinalColumns,
        Dictionary<(CategoricalEncoding, ModelKind), EncodingRun> german,
        List<SyntheticRun> synthetic,
        Measurements m)
    {
        static string F(double v) => Numbers.Format(v);
        var gk = settings.GermanFolds;
        var lrOneHot = Auc(german[(CategoricalEncoding.OneHot, ModelKind.Logistic)], gk);
        var lrLabel = Auc(german[(CategoricalEncoding.Label, ModelKind.Logistic)], gk);
        var lrOrdinal = Auc(german[(CategoricalEncoding.Ordinal, ModelKind.Logistic)], gk);
        var lrNumeric = Auc(german[(CategoricalEncoding.NumericOnly, ModelKind.Logistic)], gk);
        var ftOneHot = Auc(german[(CategoricalEncoding.OneHot, ModelKind.FastTree)], gk);
        var ftLabel = Auc(german[(CategoricalEncoding.Label, ModelKind.FastTree)], gk);
        var lrMixed = Auc(german[(CategoricalEncoding.Mixed, ModelKind.Logistic)], gk);
        var top = synthetic[^1];
        var first = synthetic[0];
        var h = m.HighCardinality;
        var p = m.Penalty;
        EncodedSize Top(CategoricalEncoding e) => top.Sizes[e];
        return string.Create(CultureInfo.InvariantCulture,
            $"On German credit ({german[(CategoricalEncoding.OneHot, ModelKind.Logistic)].FoldAuc.Length} folds), logistic regression scores AUC {lrOneHot} with one-hot encoding "
            + $"and {lrLabel} with arbitrary label codes, a paired gap of {p.LogisticGap}; numeric features alone give {lrNumeric}. "
            + $"FastTree scores {ftOneHot} one-hot and {ftLabel} label-encoded (gap {p.TreeGap}). "
            + $"Label codes in the true order for the {ordinalColumns} ordinal columns (arbitrary codes for the nominal ones) give logistic regression {lrOrdinal}; ranking the ordinal columns and one-hot encoding "
            + $"the nominal ones (mixed) gives {lrMixed}, {m.Ordinal.Difference} against all one-hot, with {m.Ordinal.OrdinalFeatures} instead of {m.Ordinal.OneHotFeatures} features. "
            + $"On the synthetic nominal feature ({settings.SyntheticRows} rows, Zipf exponent {F(settings.LevelSkew)}; each cardinality is its own draw, "
            + $"so compare encodings within a cardinality), one-hot needs {first.Sizes[CategoricalEncoding.OneHot].Features} features "
            + $"at {first.Levels} levels and {Top(CategoricalEncoding.OneHot).Features} at {top.Levels} ({top.LevelsSeen} levels drawn); as a dense Single matrix that is "
            + $"{F(Top(CategoricalEncoding.OneHot).DenseBytes / 1e6)} MB against {F(Top(CategoricalEncoding.Label).DenseBytes / 1e6)} MB for label encoding, while ML.NET holds "
            + $"the one-hot rows as sparse vectors in {F(Top(CategoricalEncoding.OneHot).StoredBytes / 1e6)} MB. "
            + $"At {top.Levels} levels, label encoding adds {h.LogisticLabelVsNumeric} AUC to logistic regression's numeric features and differs from one-hot by "
            + $"{h.LogisticLabelVsOneHot}; for FastTree label − one-hot is {h.TreeLabelVsOneHot}. Hashing into {1 << settings.SyntheticHashBits} slots ({h.HashFeatures} features "
            + $"at every cardinality) differs from one-hot by {h.LogisticHashVsOneHot} (logistic) and {h.TreeHashVsOneHot} (FastTree). "
            + $"Intervals are 95% corrected resampled t intervals over the folds (Nadeau and Bengio); differences are paired on the same folds.");
    }
}
