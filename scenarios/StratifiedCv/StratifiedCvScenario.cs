using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Scenarios;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace StratifiedCv;

/// <summary>Settings of the stratified-cv scenario. Fold composition is cheap and gets many repetitions; model fits
/// (L-BFGS logistic regression per fold) are the cost, so the large data sets get few repetitions and 5 folds only.</summary>
public sealed record StratifiedCvSettings : ScenarioSettings
{
    /// <summary>Repetitions (shuffle seeds) of our splitters for the fold-composition statistics.</summary>
    public int CompositionRepeats { get; init; } = 100;

    /// <summary>Repetitions of ML.NET's CrossValidationSplit for composition (each reads the data once per fold).</summary>
    public int MlNetRepeats { get; init; } = 6;

    /// <summary>Repetitions with model fits on the small subsample (5 and 10 folds).</summary>
    public int SmallModelRepeats { get; init; } = 16;

    /// <summary>Repetitions with model fits on the full data sets.</summary>
    public int LargeModelRepeats { get; init; } = 3;

    /// <summary>Folds of the model fits on the full data sets.</summary>
    public int LargeModelFolds { get; init; } = 5;

    /// <summary>Rows of the small subsample of satellite.</summary>
    public int SmallRows { get; init; } = 200;

    /// <summary>Quantile of the mean spectral value above which a satellite row is "day" (bright).</summary>
    public double DayQuantile { get; init; } = 0.7;

    /// <summary>Seeds with which ML.NET's BinaryClassification.CrossValidate itself is run on the small subsample.</summary>
    public int CrossValidateRuns { get; init; } = 10;

    /// <summary>Bootstrap resamples (over repetitions) of every ratio's interval.</summary>
    public int BootstrapResamples { get; init; } = 1000;
}

/// <summary>Question 30: what stratified cross-validation is and when to use it, measured on satellite (damp grey soil
/// vs rest), letter recognition (Z vs rest) and a 200-row subsample of satellite.</summary>
public sealed class StratifiedCvScenario : Scenario<StratifiedCvSettings>
{
    private static readonly int[] FoldCounts = [5, 10];
    private const string Small = "satellite-200";

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
        CompositionRepeats = 20, MlNetRepeats = 2, SmallModelRepeats = 4, LargeModelRepeats = 1, CrossValidateRuns = 2, BootstrapResamples = 200,
    };

    /// <inheritdoc/>
    public override IReadOnlyList<ScenarioOption<StratifiedCvSettings>> Options { get; } =
    [
        Option("--composition-repeats", "Shuffle seeds for the fold-composition statistics.", s => s.CompositionRepeats, (s, v) => s with { CompositionRepeats = v }, OptionRange.Integers(2, 10_000)),
        Option("--small-model-repeats", "Repetitions with model fits on the small subsample.", s => s.SmallModelRepeats, (s, v) => s with { SmallModelRepeats = v }, OptionRange.Integers(2, 1000)),
        Option("--large-model-repeats", "Repetitions with model fits on the full data sets.", s => s.LargeModelRepeats, (s, v) => s with { LargeModelRepeats = v }, OptionRange.Integers(1, 100)),
        Option("--small-rows", "Rows of the small satellite subsample.", s => s.SmallRows, (s, v) => s with { SmallRows = v }, OptionRange.Integers(100, 6434)),
    ];

    /// <inheritdoc/>
    public override ScenarioResult Run(StratifiedCvSettings settings, IProgressReporter progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        var master = new MersenneTwister(settings.Seed, threadSafe: false);
        int maxRepeats = new[] { settings.CompositionRepeats, settings.MlNetRepeats, settings.SmallModelRepeats, settings.LargeModelRepeats, settings.CrossValidateRuns }.Max();
        int[] seeds = [.. Enumerable.Range(0, maxRepeats).Select(_ => master.Next())];
        int bootstrapSeed = master.Next();
        var ml = new MLContext(settings.Seed);
        // Data: satellite (damp grey soil vs rest), letter (Z vs rest), and a simple random 200-row subsample of satellite.
        var satellite = Datasets.Satellite();
        double[] brightness = MeanSpectralValue(satellite);
        double dayThreshold = Statistics.Quantile(brightness, settings.DayQuantile);
        bool[] day = [.. brightness.Select(b => b > dayThreshold)];
        var letter = Datasets.LetterRecognition();
        var sample = TrainTestSplit.Split(satellite.RowCount, (double)settings.SmallRows / satellite.RowCount, settings.Seed).TestIndices;
        var smallData = satellite.Select(sample.AsSpan());
        CaseData[] cases =
        [
            new("satellite", satellite, satellite.BinaryLabels(), day, ml),
            new("letter-Z", letter, letter.BinaryLabels(), null, ml),
            new(Small, smallData, smallData.BinaryLabels(), [.. sample.Select(i => day[i])], ml),
        ];

        var composition = new Dictionary<(string, int, Splitter), CompositionStats[]>();
        var dayComposition = new Dictionary<(string, int, Splitter), CompositionStats[]>();
        var firstCounts = new Dictionary<(string, int, Splitter), FoldCount[]>();
        var firstDayCounts = new Dictionary<(string, int, Splitter), FoldCount[]>();
        int grouped = 0, keyed = 0;

        // 1. Fold composition: cheap, many shuffle seeds.
        int step = 0, steps = cases.Length * FoldCounts.Length;
        foreach (var data in cases)
        {
            foreach (int k in FoldCounts)
            {
                foreach (var splitter in OurSplitters(data))
                {
                    var stats = new CompositionStats[settings.CompositionRepeats];
                    var dayStats = new CompositionStats[settings.CompositionRepeats];
                    for (int r = 0; r < settings.CompositionRepeats; r++)
                    {
                        var split = Experiment.Split(data, splitter, k, seeds[r]);
                        var counts = FoldComposition.Count(split, data.Labels);
                        stats[r] = FoldComposition.Summarize(counts);
                        if (data.Day is { } flags)
                        {
                            var dayCounts = FoldComposition.Count(split, flags);
                            dayStats[r] = FoldComposition.Summarize(dayCounts);
                            if (r == 0)
                            {
                                firstDayCounts[(data.Name, k, splitter)] = dayCounts;
                            }
                        }

                        if (r == 0)
                        {
                            firstCounts[(data.Name, k, splitter)] = counts;
                        }
                    }

                    composition[(data.Name, k, splitter)] = stats;
                    if (data.Day is not null)
                    {
                        dayComposition[(data.Name, k, splitter)] = dayStats;
                    }
                }

                foreach (var splitter in new[] { Splitter.MlNet, Splitter.MlNetLabelKey })
                {
                    var stats = new CompositionStats[settings.MlNetRepeats];
                    for (int r = 0; r < settings.MlNetRepeats; r++)
                    {
                        var counts = Experiment.MlNetCounts(Experiment.MlNetFolds(ml, data, k, seeds[r], splitter == Splitter.MlNetLabelKey));
                        stats[r] = FoldComposition.Summarize(counts);
                        if (splitter == Splitter.MlNetLabelKey)
                        {
                            keyed++;
                            grouped += counts.Count(c => c.Flagged > 0) == 1 && counts.Count(c => c.Size > c.Flagged) == 1 ? 1 : 0;
                        }

                        if (r == 0)
                        {
                            firstCounts[(data.Name, k, splitter)] = counts;
                        }
                    }

                    composition[(data.Name, k, splitter)] = stats;
                }

                progress.Report("fold composition", ++step, steps);
            }
        }


        // 2. Model fits: per-fold average precision and F1 of the same learner under each splitter.
        var scores = new Dictionary<(string, int, Splitter), FoldScore[][]>();
        var modelCases = cases.SelectMany(c => (c.Name == Small ? FoldCounts : [settings.LargeModelFolds]).Select(k => (Data: c, K: k))).ToList();
        step = 0;
        steps = modelCases.Sum(m => Repeats(settings, m.Data) * ModelSplitters(m.Data).Count());
        foreach (var (data, k) in modelCases)
        {
            int repeats = Repeats(settings, data);
            foreach (var splitter in ModelSplitters(data))
            {
                var perRepeat = new FoldScore[repeats][];
                for (int r = 0; r < repeats; r++)
                {
                    var context = new MLContext(seeds[r]);
                    if (splitter == Splitter.MlNet)
                    {
                        var folds = Experiment.MlNetFolds(context, data, k, seeds[r], labelAsKey: false);
                        perRepeat[r] = Experiment.Score(context, data, folds, Experiment.MlNetCounts(folds));
                    }
                    else
                    {
                        perRepeat[r] = Experiment.Score(context, data, Experiment.Split(data, splitter, k, seeds[r]));
                    }

                    progress.Report("model fits", ++step, steps);
                }

                scores[(data.Name, k, splitter)] = perRepeat;
            }

        }


        // 3. ML.NET's CrossValidate itself on the small data, without and with the label as sampling key.
        var small = cases.Single(c => c.Name == Small);
        var crossValidateThrew = (Threw: 0, Runs: 0);
        var crossValidate = new ReportTable("crossvalidate-runs",
            ["data set", "folds", "samplingKeyColumnName", "runs", "succeeded", "threw", "same folds as CrossValidationSplit", "first error"]);
        foreach (int k in FoldCounts)
        {
            foreach (bool labelKey in new[] { false, true })
            {
                int ok = 0, threw = 0, same = 0;
                string firstError = "-";
                for (int r = 0; r < settings.CrossValidateRuns; r++)
                {
                    var context = new MLContext(seeds[r]);
                    try
                    {
                        var results = context.BinaryClassification.CrossValidate(small.View, Experiment.Pipeline(context), k, "Label", labelKey ? "Label" : null, seeds[r]);
                        ok++;
                        var viaSplit = Experiment.MlNetCounts(Experiment.MlNetFolds(context, small, k, seeds[r], labelKey));
                        var viaCv = results.OrderBy(x => x.Fold).Select(x => x.ScoredHoldOutSet.GetColumn<bool>("Label").ToArray())
                            .Select(l => new FoldCount(l.Length, l.Count(b => b))).ToArray();
                        same += viaSplit.SequenceEqual(viaCv) ? 1 : 0;
                    }
                    catch (Exception e) when (e is InvalidOperationException or ArgumentException)
                    {
                        threw++;
                        firstError = firstError == "-" ? $"{e.GetType().Name}: {Experiment.FirstSentence(e.Message)}" : firstError;
                    }
                }

                crossValidate.AddRow(Small, k, labelKey ? "Label" : "(none)", settings.CrossValidateRuns, ok, threw, $"{same} of {ok}", firstError);
                if (!labelKey && k == FoldCounts[^1])
                {
                    crossValidateThrew = (threw, settings.CrossValidateRuns);
                }
            }
        }

        // What the fold scores become with the label as sampling key (one seed, 5 folds, our evaluation of each fold).
        var keyFolds = Experiment.MlNetFolds(ml, small, 5, seeds[0], labelAsKey: true);
        var keyCounts = Experiment.MlNetCounts(keyFolds);
        var keyScores = Experiment.Score(new MLContext(seeds[0]), small, keyFolds, keyCounts);
        var keyTable = new ReportTable("label-key-folds", ["fold", "test rows", "positives", "training rows", "AP", "F1", "note"]);
        for (int f = 0; f < keyScores.Length; f++)
        {
            keyTable.AddRow(f + 1, keyCounts[f].Size, keyCounts[f].Flagged, small.Rows - keyCounts[f].Size, keyScores[f].AveragePrecision, keyScores[f].F1,
                keyScores[f].Note.Length > 0 ? keyScores[f].Note : keyScores[f].ApUndefined ? "AP undefined: no positive in the test part" : "-");
        }

        return Report(settings, cases, dayThreshold, composition, dayComposition, firstCounts, firstDayCounts, scores, modelCases, (grouped, keyed),
            crossValidate, crossValidateThrew, keyTable, bootstrapSeed);
    }

    private static ScenarioResult Report(
        StratifiedCvSettings settings,
        CaseData[] cases,
        double dayThreshold,
        Dictionary<(string, int, Splitter), CompositionStats[]> composition,
        Dictionary<(string, int, Splitter), CompositionStats[]> dayComposition,
        Dictionary<(string, int, Splitter), FoldCount[]> firstCounts,
        Dictionary<(string, int, Splitter), FoldCount[]> firstDayCounts,
        Dictionary<(string, int, Splitter), FoldScore[][]> scores,
        List<(CaseData Data, int K)> modelCases,
        (int Grouped, int Total) labelKey,
        ReportTable crossValidate,
        (int Threw, int Runs) crossValidateThrew,
        ReportTable keyTable,
        int bootstrapSeed)
    {
        int b = bootstrapSeed;
        int resamples = settings.BootstrapResamples;
        string CaseName(string data, int k) => $"{data}, {k} folds";

        var dataTable = new ReportTable("data-sets",
            ["data set", "rows", "positives", "positive share", "day share", "positive share by day", "positive share by night", "model repetitions"]);
        foreach (var c in cases)
        {
            double ShareWhere(bool isDay) => c.Day is { } d
                ? (double)c.Labels.Where((label, i) => label && d[i] == isDay).Count() / d.Count(x => x == isDay)
                : double.NaN;
            dataTable.AddRow(c.Name, c.Rows, c.Positives, (double)c.Positives / c.Rows,
                c.Day is { } d ? (double)d.Count(x => x) / d.Length : double.NaN, ShareWhere(true), ShareWhere(false),
                Repeats(settings, c));
        }

        // Composition table and the ratios judged by claims 1, 2 and 5.
        var compositionTable = new ReportTable("fold-composition",
            ["data set", "folds", "splitter", "repetitions", "mean |share - overall|", "max |share - overall|", "max |count - expected| (rows)",
             "folds without minority", "share of folds without minority (Wilson 95%)", "folds only minority", "empty folds"]);
        var classRatio = new List<CaseEstimate>();
        var mlnetRatio = new List<CaseEstimate>();
        EmptyFoldCounts? emptyFolds = null;
        foreach (var c in cases)
        {
            foreach (int k in FoldCounts)
            {
                foreach (var splitter in OurSplitters(c).Concat([Splitter.MlNet, Splitter.MlNetLabelKey]))
                {
                    var s = composition[(c.Name, k, splitter)];
                    int folds = s.Sum(x => x.Folds), without = s.Sum(x => x.FoldsWithoutFlagged);
                    compositionTable.AddRow(c.Name, k, Name(splitter), s.Length, s.Average(x => x.MeanAbsShareDeviation), s.Max(x => x.MaxAbsShareDeviation),
                        s.Max(x => x.MaxAbsCountDeviation), without, RepetitionStats.Wilson(without, folds), s.Sum(x => x.FoldsOnlyFlagged), s.Sum(x => x.EmptyFolds));
                }

                var plain = composition[(c.Name, k, Splitter.Plain)];
                var strat = composition[(c.Name, k, Splitter.Stratified)];
                var mlnet = composition[(c.Name, k, Splitter.MlNet)];
                classRatio.Add(new(CaseName(c.Name, k), RepetitionStats.MeanRatio(
                    [.. strat.Select(x => x.MeanAbsShareDeviation)], [.. plain.Select(x => x.MeanAbsShareDeviation)], b++, resamples)));
                mlnetRatio.Add(new(CaseName(c.Name, k), RepetitionStats.MeanRatio(
                    [.. mlnet.Select(x => x.MeanAbsShareDeviation)], [.. strat.Take(mlnet.Length).Select(x => x.MeanAbsShareDeviation)], b++, resamples)));
                if (c.Name == Small && k == FoldCounts[^1])
                {
                    emptyFolds = new EmptyFoldCounts(CaseName(c.Name, k), strat.Sum(x => x.FoldsWithoutFlagged), strat.Sum(x => x.Folds),
                        plain.Sum(x => x.FoldsWithoutFlagged), plain.Sum(x => x.Folds));
                }
            }
        }

        // Model scores and the ratios judged by claims 3, 4 and 7.
        var scoreTable = new ReportTable("fold-scores",
            ["data set", "folds", "splitter", "repetitions", "mean CV AP", "mean SD of fold AP", "SD of CV mean AP over repetitions",
             "mean SD of fold F1", "folds with AP undefined", "folds scored"]);
        var foldSpread = new List<CaseEstimate>();
        var estimateSpread = new List<CaseEstimate>();
        var largeEstimateSpread = new List<CaseEstimate>();
        var attribute = new List<CaseEstimate>();
        foreach (var (c, k) in modelCases)
        {
            foreach (var splitter in ModelSplitters(c))
            {
                var s = scores[(c.Name, k, splitter)];
                double[] cvMeans = [.. s.Select(r => RepetitionStats.DefinedMean(r.Select(f => f.AveragePrecision)))];
                scoreTable.AddRow(c.Name, k, Name(splitter), s.Length, cvMeans.Average(), s.Average(r => RepetitionStats.DefinedSd(r.Select(f => f.AveragePrecision))),
                    RepetitionStats.DefinedSd(cvMeans), s.Average(r => RepetitionStats.DefinedSd(r.Select(f => f.F1))),
                    s.Sum(r => r.Count(f => f.ApUndefined)), s.Sum(r => r.Length));
            }

            double[] FoldSd(Splitter splitter) => [.. scores[(c.Name, k, splitter)].Select(r => RepetitionStats.DefinedSd(r.Select(f => f.AveragePrecision)))];
            double[] CvMean(Splitter splitter) => [.. scores[(c.Name, k, splitter)].Select(r => RepetitionStats.DefinedMean(r.Select(f => f.AveragePrecision)))];
            foldSpread.Add(new(CaseName(c.Name, k), RepetitionStats.MeanRatio(FoldSd(Splitter.Stratified), FoldSd(Splitter.Plain), b++, resamples)));
            var sdRatio = new CaseEstimate(CaseName(c.Name, k), RepetitionStats.SdRatio(CvMean(Splitter.Stratified), CvMean(Splitter.Plain), b++, resamples));
            if (c.Name == Small)
            {
                estimateSpread.Add(sdRatio); // an SD over repetitions needs many repetitions: only the small data set has them
            }
            else
            {
                largeEstimateSpread.Add(sdRatio);
            }
            if (c.Day is not null)
            {
                attribute.Add(new($"fold AP SD, {CaseName(c.Name, k)}", RepetitionStats.MeanRatio(FoldSd(Splitter.ByDay), FoldSd(Splitter.Plain), b++, resamples)));
            }
        }

        // Day/night composition (claim 7).
        var dayTable = new ReportTable("day-night-composition",
            ["data set", "folds", "splitter", "repetitions", "mean |day share - overall|", "max |day count - expected| (rows)", "folds without day rows",
             "mean |minority share - overall|"]);
        foreach (var c in cases.Where(c => c.Day is not null))
        {
            foreach (int k in FoldCounts)
            {
                foreach (var splitter in OurSplitters(c))
                {
                    var s = dayComposition[(c.Name, k, splitter)];
                    dayTable.AddRow(c.Name, k, Name(splitter), s.Length, s.Average(x => x.MeanAbsShareDeviation), s.Max(x => x.MaxAbsCountDeviation),
                        s.Sum(x => x.FoldsWithoutFlagged), composition[(c.Name, k, splitter)].Average(x => x.MeanAbsShareDeviation));
                }

                attribute.Insert(0, new($"day-share deviation, {CaseName(c.Name, k)}", RepetitionStats.MeanRatio(
                    [.. dayComposition[(c.Name, k, Splitter.ByDay)].Select(x => x.MeanAbsShareDeviation)],
                    [.. dayComposition[(c.Name, k, Splitter.Plain)].Select(x => x.MeanAbsShareDeviation)], b++, resamples)));
            }
        }

        var measurements = new Measurements
        {
            ClassRatio = classRatio,
            EmptyFolds = emptyFolds ?? throw new InvalidOperationException("the small data set was not measured at 10 folds."),
            FoldSpread = foldSpread,
            EstimateSpread = estimateSpread,
            MlNetDeviation = mlnetRatio,
            LabelKey = labelKey,
            Attribute = attribute,
        };
        var ratioTable = new ReportTable("ratios", ["claim", "case", "ratio (95% bootstrap over repetitions)"]);
        foreach (var (claim, list) in new[]
        {
            (Judging.KeepsClassRatio.Id, measurements.ClassRatio), (Judging.LowerFoldSpread.Id, measurements.FoldSpread),
            (Judging.LowerEstimateVariance.Id, measurements.EstimateSpread), ("not judged (few repetitions)", largeEstimateSpread),
            (Judging.MlNetNotStratified.Id, measurements.MlNetDeviation),
            (Judging.StratifyByDistribution.Id, measurements.Attribute),
        })
        {
            foreach (var e in list)
            {
                ratioTable.AddRow(claim, e.Case, e.Value);
            }
        }

        var claims = Judging.Judge(measurements);
        var figures = Figures(cases, firstCounts, firstDayCounts, scores, modelCases);
        return new ScenarioResult
        {
            Tables = [dataTable, compositionTable, scoreTable, ratioTable, dayTable, crossValidate, keyTable],
            Claims = claims,
            Figures = figures,
            Summary = Summary(measurements, composition, scores, dayThreshold, settings, crossValidateThrew),
        };
    }

    private static List<Figure> Figures(
        CaseData[] cases,
        Dictionary<(string, int, Splitter), FoldCount[]> firstCounts,
        Dictionary<(string, int, Splitter), FoldCount[]> firstDayCounts,
        Dictionary<(string, int, Splitter), FoldScore[][]> scores,
        List<(CaseData Data, int K)> modelCases)
    {
        var figures = new List<Figure>();
        var small = cases.Single(c => c.Name == Small);
        double share = (double)small.Positives / small.Rows;
        Splitter[] rows = [Splitter.Plain, Splitter.Stratified, Splitter.MlNet, Splitter.MlNetLabelKey];
        figures.Add(ClassicalML.Scenarios.Figures.Grid("fold-composition.png", CompositionGrid(
            $"Minority share per test fold: {Small}, 10 folds, one seed",
            rows, [.. rows.Select(s => firstCounts[(Small, 10, s)])], share),
            $"minority/rows; white = {Numbers.Percent(share)}, red more, blue fewer, grey empty"));
        Splitter[] dayRows = [Splitter.Plain, Splitter.Stratified, Splitter.ByDay, Splitter.ByLabelAndDay];
        double dayShare = (double)small.Day!.Count(x => x) / small.Rows;
        figures.Add(ClassicalML.Scenarios.Figures.Grid("day-night-composition.png", CompositionGrid(
            $"Day (bright) share per test fold: {Small}, 10 folds, one seed",
            dayRows, [.. dayRows.Select(s => firstDayCounts[(Small, 10, s)])], dayShare),
            $"day rows/rows; white = {Numbers.Percent(dayShare)}, red more, blue fewer"));

        foreach (var c in cases)
        {
            var groups = new List<BoxGroup>();
            foreach (var (data, k) in modelCases.Where(m => m.Data.Name == c.Name))
            {
                foreach (var splitter in new[] { Splitter.Plain, Splitter.Stratified, Splitter.MlNet })
                {
                    double[] ap = [.. scores[(c.Name, k, splitter)].SelectMany(r => r).Select(f => f.AveragePrecision).Where(x => !double.IsNaN(x))];
                    groups.Add(new BoxGroup($"{ShortName(splitter)}\nk={k}", ap));
                }
            }

            figures.Add(ClassicalML.Scenarios.Figures.Box($"fold-ap-{c.Name.ToLowerInvariant()}.png",
                $"Fold AP, {c.Name} (all repetitions; folds without a positive left out)", "average precision of one fold", groups));
        }

        var dayGroups = new List<BoxGroup>();
        foreach (var (data, k) in modelCases.Where(m => m.Data.Name == Small))
        {
            foreach (var splitter in new[] { Splitter.Plain, Splitter.Stratified, Splitter.ByDay, Splitter.ByLabelAndDay })
            {
                dayGroups.Add(new BoxGroup($"{ShortName(splitter)}\nk={k}",
                    [.. scores[(Small, k, splitter)].SelectMany(r => r).Select(f => f.AveragePrecision).Where(x => !double.IsNaN(x))]));
            }
        }

        figures.Add(ClassicalML.Scenarios.Figures.Box("fold-ap-day-night.png",
            $"Fold AP, {Small}: stratified on label, day/night or both", "average precision of one fold", dayGroups));
        return figures;
    }

    private static CellGrid CompositionGrid(string title, Splitter[] rows, FoldCount[][] counts, double overall)
    {
        int k = counts[0].Length;
        var values = new double[rows.Length, k];
        var texts = new string[rows.Length, k];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int f = 0; f < k; f++)
            {
                var c = counts[r][f];
                values[r, f] = c.Size == 0 ? double.NaN : (double)c.Flagged / c.Size;
                texts[r, f] = c.Size == 0 ? "empty" : string.Create(CultureInfo.InvariantCulture, $"{c.Flagged}/{c.Size}");
            }
        }

        return new CellGrid(title, "test fold", [.. rows.Select(ShortName)], [.. Enumerable.Range(1, k).Select(f => f.ToString(CultureInfo.InvariantCulture))],
            values, texts, overall, overall);
    }

    private static string Summary(
        Measurements m,
        Dictionary<(string, int, Splitter), CompositionStats[]> composition,
        Dictionary<(string, int, Splitter), FoldScore[][]> scores,
        double dayThreshold,
        StratifiedCvSettings settings,
        (int Threw, int Runs) crossValidateThrew)
    {
        var plain = composition[(Small, 10, Splitter.Plain)];
        var strat = composition[(Small, 10, Splitter.Stratified)];
        var plainScores = scores[(Small, 10, Splitter.Plain)];
        int undefined = plainScores.Sum(r => r.Count(f => f.ApUndefined));
        int scored = plainScores.Sum(r => r.Length);
        var unsettled = m.FoldSpread.Where(e => !(e.Value.Upper < 1)).ToList();
        bool scoresMoveLess = m.FoldSpread.Min(e => e.Value.Value) > m.ClassRatio.Max(e => e.Value.Value);
        string scoresLead = scoresMoveLess ? "The scores gain less from stratification than the composition does: " : "For the scores, ";
        string unsettledText = unsettled.Count > 0 ? $"; the interval includes 1 for {string.Join(" and ", unsettled.Select(e => e.Case))}, so there the gain is not established" : string.Empty;
        string Ratios(IReadOnlyList<CaseEstimate> list) => string.Join(", ", list.Select(e => $"{e.Value} ({e.Case})"));
        return string.Create(CultureInfo.InvariantCulture,
            $"Stratified k-fold kept every fold's minority count within {strat.Max(x => x.MaxAbsCountDeviation):0.##} rows of its expected value; "
            + $"shuffled k-fold strayed by up to {plain.Max(x => x.MaxAbsCountDeviation):0.##} rows on {Small} at 10 folds, where {m.EmptyFolds.PlainEmpty} of {m.EmptyFolds.PlainFolds} plain folds "
            + $"({Numbers.Percent((double)m.EmptyFolds.PlainEmpty / m.EmptyFolds.PlainFolds)}) had no minority row at all, leaving average precision undefined in {undefined} of {scored} scored folds; stratified folds never lacked it. "
            + $"The stratified / plain ratio of the minority-share deviation was {Ratios(m.ClassRatio.Take(2).ToList())}. "
            + $"ML.NET's CrossValidate is not stratified (deviation ratio to stratified {Ratios(m.MlNetDeviation.Take(1).ToList())}), and passing the label as samplingKeyColumnName "
            + $"put each class into a single fold in {m.LabelKey.Grouped} of {m.LabelKey.Total} splits. "
            + $"On {Small} with 10 folds, BinaryClassification.CrossValidate itself threw in {crossValidateThrew.Threw} of {crossValidateThrew.Runs} runs (table crossvalidate-runs gives the error: ML.NET's evaluator refuses a test fold without a positive). "
            + $"{scoresLead}the stratified / plain ratio of the fold AP spread was {Ratios(m.FoldSpread)}"
            + $"{unsettledText}. The spread of the CV mean over reshuffles had ratio {Ratios(m.EstimateSpread)}. "
            + $"For the answer's day/night case, satellite rows brighter than the {settings.DayQuantile:0.##} quantile of the mean spectral value ({dayThreshold:0.#}) were called day: "
            + $"stratifying on it gave ratios {Ratios(m.Attribute)}.");
    }

    private static IEnumerable<Splitter> OurSplitters(CaseData data) =>
        data.Day is null ? [Splitter.Plain, Splitter.Stratified] : [Splitter.Plain, Splitter.Stratified, Splitter.ByDay, Splitter.ByLabelAndDay];

    /// <summary>Splitters with model fits: all on the small data; on the large data (costly fits) the label + day/night
    /// strata are left out.</summary>
    private static IEnumerable<Splitter> ModelSplitters(CaseData data) =>
        OurSplitters(data).Where(s => data.Name == Small || s != Splitter.ByLabelAndDay).Concat([Splitter.MlNet]);

    private static int Repeats(StratifiedCvSettings settings, CaseData data) => data.Name == Small ? settings.SmallModelRepeats : settings.LargeModelRepeats;

    private static double[] MeanSpectralValue(Dataset satellite)
    {
        var matrix = satellite.GetNumericMatrix();
        int n = matrix.GetLength(0), p = matrix.GetLength(1);
        var mean = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < p; j++)
            {
                sum += matrix[i, j];
            }

            mean[i] = sum / p;
        }

        return mean;
    }

    internal static string Name(Splitter splitter) => splitter switch
    {
        Splitter.Plain => "k-fold (shuffled)",
        Splitter.Stratified => "stratified k-fold (label)",
        Splitter.MlNet => "ML.NET CrossValidate",
        Splitter.MlNetLabelKey => "ML.NET CrossValidate, samplingKeyColumnName = Label",
        Splitter.ByDay => "stratified on day/night",
        Splitter.ByLabelAndDay => "stratified on label + day/night",
        _ => splitter.ToString(),
    };

    internal static string ShortName(Splitter splitter) => splitter switch
    {
        Splitter.Plain => "plain",
        Splitter.Stratified => "stratified",
        Splitter.MlNet => "ML.NET",
        Splitter.MlNetLabelKey => "ML.NET key=Label",
        Splitter.ByDay => "by day",
        Splitter.ByLabelAndDay => "label+day",
        _ => splitter.ToString(),
    };
}
