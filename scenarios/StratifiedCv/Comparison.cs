using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>Turns the raw measurements of every step into the effects the claims are judged on, each with its
/// 95% interval and the number of replicates behind it.</summary>
internal static class Comparison
{
    /// <summary>z of a two-sided 95% normal interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static Measurements Measure(
        IReadOnlyList<CaseData> cases, CompositionResult composition, FoldScoreResult small, TrendResult trend, ShiftResult shift, int bootstrapSeed, int resamples)
    {
        int b = bootstrapSeed;
        var classRatio = new List<EffectCase>();
        var mlnet = new List<EffectCase>();
        foreach (var c in cases)
        {
            foreach (int k in CompositionStep.FoldCounts)
            {
                double[] Deviation(Splitter s) => [.. composition.Stats[(c.Name, k, s)].Select(x => x.MeanAbsShareDeviation)];
                double[] plain = Deviation(Splitter.Plain), strat = Deviation(Splitter.Stratified), ml = Deviation(Splitter.MlNet);
                classRatio.Add(new(CaseName(c.Name, k), RepetitionStats.MeanRatio(strat, plain, Seeds.Derive(b, $"class ratio {CaseName(c.Name, k)}"), resamples), plain.Length));
                mlnet.Add(new(CaseName(c.Name, k), RepetitionStats.MeanRatio(ml, [.. strat.Take(ml.Length)], Seeds.Derive(b, $"ML.NET deviation {CaseName(c.Name, k)}"), resamples), ml.Length));
            }
        }

        var plainSmall = composition.Stats[(small.Data, 10, Splitter.Plain)];
        var stratSmall = composition.Stats[(small.Data, 10, Splitter.Stratified)];
        var empty = new EmptyFoldCounts(CaseName(small.Data, 10), stratSmall.Sum(x => x.FoldsWithoutFlagged), stratSmall.Sum(x => x.Folds),
            plainSmall.Sum(x => x.FoldsWithoutFlagged), plainSmall.Sum(x => x.Folds));
        var foldSpread = new List<EffectCase>();
        var estimateSpread = new List<EffectCase>();
        foreach (int k in CompositionStep.FoldCounts)
        {
            foldSpread.Add(new(CaseName(small.Data, k), RepetitionStats.MeanRatio(FoldApSd(small, k, Splitter.Stratified), FoldApSd(small, k, Splitter.Plain), Seeds.Derive(b, $"fold spread {CaseName(small.Data, k)}"), resamples), small.Repeats));
            estimateSpread.Add(new(CaseName(small.Data, k), RepetitionStats.SdRatio(CvMeanAp(small, k, Splitter.Stratified), CvMeanAp(small, k, Splitter.Plain), Seeds.Derive(b, $"estimate spread {CaseName(small.Data, k)}"), resamples), small.Repeats));
        }

        return new Measurements
        {
            ClassRatio = classRatio,
            EmptyFolds = empty,
            FoldSpread = foldSpread,
            EstimateSpread = estimateSpread,
            Trend = TrendSlopes(trend, Seeds.Derive(b, "trend slopes"), resamples),
            Shift = ShiftEffect(shift),
            MlNetDeviation = mlnet,
            LabelKey = (composition.LabelKeyGrouped, composition.LabelKeySplits),
        };
    }

    public static string CaseName(string data, int k) => $"{data}, {k} folds";

    /// <summary>Per repetition: the SD of the defined fold APs (NaN with fewer than two).</summary>
    public static double[] FoldApSd(FoldScoreResult r, int k, Splitter s) => [.. r.Scores[(k, s)].Select(rep => RepetitionStats.DefinedSd(rep.Select(f => f.AveragePrecision)))];

    /// <summary>Per repetition: the CV estimate, the mean of the defined fold APs.</summary>
    public static double[] CvMeanAp(FoldScoreResult r, int k, Splitter s) => [.. r.Scores[(k, s)].Select(rep => RepetitionStats.DefinedMean(rep.Select(f => f.AveragePrecision)))];

    /// <summary>The slopes of the benefit over log2(rows) and log2(share), with percentile bootstrap intervals that
    /// resample whole repetitions (the same resamples for both slopes).</summary>
    public static IReadOnlyList<EffectCase> TrendSlopes(TrendResult trend, int seed, int resamples)
    {
        double[] full = Trend.Slopes(trend, [.. Enumerable.Range(0, trend.Repeats)]);
        string[] names = ["per doubling of the rows", "per doubling of the minority share"];
        return [.. Enumerable.Range(0, 2).Select(i => new EffectCase(names[i],
            trend.Repeats < 2 || double.IsNaN(full[i]) ? new Interval(double.NaN, double.NaN, double.NaN, 0.95, "percentile bootstrap")
                : Bootstrap.Percentile(trend.Repeats, rows => Trend.Slopes(trend, rows)[i], seed, resamples).Interval,
            trend.Repeats))];
    }

    /// <summary>The chosen group's mean log-loss increase minus the random groups' mean, with the interval that chance
    /// gives one group of that size: ± 1.96 SD of the random groups' increases (normal approximation).</summary>
    public static EffectCase ShiftEffect(ShiftResult shift)
    {
        double real = shift.Real.Average(r => r.GroupDrop);
        double[] chance = [.. shift.Null.Select(r => r.GroupDrop)];
        double excess = real - chance.Average();
        double half = chance.Length < 2 ? double.NaN : Z95 * MathNet.Numerics.Statistics.Statistics.StandardDeviation(chance);
        return new EffectCase($"{shift.Chosen.Attribute} = {shift.Chosen.Level}", new Interval(excess, excess - half, excess + half, 0.95, "normal approximation"), shift.Chosen.Rows);
    }
}
