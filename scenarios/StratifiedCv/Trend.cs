using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using MathNet.Numerics;
using MathNet.Numerics.Random;
using Microsoft.ML;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>One cell of the size × imbalance grid in one repetition: the fold scores of plain and stratified k-fold
/// on one fresh subsample.</summary>
/// <param name="Rows">Rows of the subsample.</param>
/// <param name="Share">Minority share of the subsample.</param>
/// <param name="Plain">Plain k-fold's fold scores.</param>
/// <param name="Stratified">Stratified k-fold's fold scores (same subsample, same seed).</param>
internal sealed record TrendCell(int Rows, double Share, FoldScore[] Plain, FoldScore[] Stratified);

/// <summary>The grid of every repetition: [repetition][cell], cells in (share, rows) order.</summary>
/// <param name="Data">The data set subsampled.</param>
/// <param name="Cells">[repetition][cell].</param>
internal sealed record TrendResult(string Data, TrendCell[][] Cells)
{
    public int Repeats => Cells.Length;

    public int CellCount => Cells[0].Length;
}

/// <summary>How much stratification matters as the data get smaller and more imbalanced: for every (rows, minority
/// share) cell, each repetition draws a fresh subsample with exactly round(rows × share) minority rows and runs
/// plain and stratified k-fold on it with the same seed.</summary>
internal static class Trend
{
    public const int Folds = 5;

    public static TrendResult Measure(CaseData data, Learner learner, int[] sizes, double[] shares, int[] seeds, int threads, IProgressReporter progress)
    {
        int[] positives = [.. Enumerable.Range(0, data.Rows).Where(i => data.Labels[i])];
        int[] negatives = [.. Enumerable.Range(0, data.Rows).Where(i => !data.Labels[i])];
        var grid = shares.SelectMany(s => sizes.Select(n => (Rows: n, Share: s))).ToArray();
        foreach (var (n, s) in grid)
        {
            int minority = (int)Math.Round(n * s);
            if (minority < Folds || minority > positives.Length || n - minority > negatives.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(sizes), n,
                    $"the cell of {n} rows at minority share {Numbers.Format(s)} needs {minority} of {positives.Length} minority and {n - minority} of {negatives.Length} other rows, and at least {Folds} minority rows; pick smaller sizes or shares.");
            }
        }

        var cells = Repetitions.Run(seeds.Length, threads, progress, $"size x imbalance grid ({data.Name})", r =>
        {
            var ml = new MLContext(seeds[r]);
            return grid.Select((cell, c) =>
            {
                var random = new MersenneTwister(Seeds.Derive(seeds[r], $"cell {c} rows"), threadSafe: false);
                int minority = (int)Math.Round(cell.Rows * cell.Share);
                int[] rows = [.. Draw(positives, minority, random), .. Draw(negatives, cell.Rows - minority, random)];
                var sample = new CaseData($"{data.Name}-{cell.Rows}", data.Data.Select(rows), ml);
                int splitSeed = Seeds.Derive(seeds[r], $"cell {c} split");
                return new TrendCell(cell.Rows, cell.Share,
                    Experiment.Score(ml, learner, sample, Experiment.Split(sample.Labels, Splitter.Plain, Folds, splitSeed)),
                    Experiment.Score(ml, learner, sample, Experiment.Split(sample.Labels, Splitter.Stratified, Folds, splitSeed)));
            }).ToArray();
        });
        return new TrendResult(data.Name, cells);
    }

    /// <summary>The benefit of stratification in one cell over the given repetitions: ln(mean SD of fold log loss,
    /// plain / the same, stratified); 0 = no benefit, NaN when a mean SD is 0 or undefined.</summary>
    public static double Benefit(TrendResult result, int cell, ReadOnlySpan<int> repetitions)
    {
        var plain = new List<double>(repetitions.Length);
        var stratified = new List<double>(repetitions.Length);
        foreach (int r in repetitions)
        {
            plain.Add(RepetitionStats.DefinedSd(result.Cells[r][cell].Plain.Select(f => f.LogLoss)));
            stratified.Add(RepetitionStats.DefinedSd(result.Cells[r][cell].Stratified.Select(f => f.LogLoss)));
        }

        double p = RepetitionStats.DefinedMean(plain), s = RepetitionStats.DefinedMean(stratified);
        return p > 0 && s > 0 ? Math.Log(p / s) : double.NaN;
    }

    /// <summary>A cell's benefit over all repetitions, with a percentile bootstrap interval over repetitions.</summary>
    public static Interval BenefitInterval(TrendResult result, int cell, int seed, int resamples)
    {
        double value = Benefit(result, cell, [.. Enumerable.Range(0, result.Repeats)]);
        return double.IsNaN(value) || result.Repeats < 2
            ? new Interval(value, double.NaN, double.NaN, 0.95, "percentile bootstrap")
            : ClassicalML.Evaluation.Bootstrap.Percentile(result.Repeats, rows => Benefit(result, cell, rows), seed, resamples).Interval;
    }

    /// <summary>The least-squares slopes of the cells' benefit on log2(rows) and on log2(minority share), fitted
    /// together with an intercept: [slope on rows, slope on share]; NaN when a cell's benefit is undefined.</summary>
    public static double[] Slopes(TrendResult result, ReadOnlySpan<int> repetitions)
    {
        var cells = result.Cells[0];
        double[] benefit = new double[cells.Length];
        for (int c = 0; c < cells.Length; c++)
        {
            benefit[c] = Benefit(result, c, repetitions);
        }

        if (benefit.Any(double.IsNaN))
        {
            return [double.NaN, double.NaN];
        }

        double[][] x = [.. cells.Select(c => new[] { Math.Log2(c.Rows), Math.Log2(c.Share) })];
        double[] fit = Fit.MultiDim(x, benefit, intercept: true);
        return [fit[1], fit[2]];
    }

    private static IEnumerable<int> Draw(int[] pool, int count, MersenneTwister random)
    {
        bool[] chosen = Combinatorics.GenerateCombination(pool.Length, count, random);
        return Enumerable.Range(0, pool.Length).Where(i => chosen[i]).Select(i => pool[i]);
    }
}
