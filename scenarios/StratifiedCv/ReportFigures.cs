using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>The figures of the stratified-cv report.</summary>
internal static class ReportFigures
{
    public static IReadOnlyList<Figure> All(ReportInput r) => [CompositionGrid(r), FoldAp(r.Scores), Benefit(r), Missing(r.Shift)];

    private static Figure CompositionGrid(ReportInput r)
    {
        var small = r.Cases.Single(c => c.Name == r.Scores.Data);
        double share = (double)small.Positives / small.Rows;
        Splitter[] rows = [Splitter.Plain, Splitter.Stratified, Splitter.MlNet, Splitter.MlNetLabelKey];
        var counts = rows.Select(s => r.Composition.First[(small.Name, 10, s)]).ToArray();
        int k = counts[0].Length;
        var values = new double[rows.Length, k];
        var texts = new string[rows.Length, k];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int f = 0; f < k; f++)
            {
                var c = counts[i][f];
                values[i, f] = c.Size == 0 ? double.NaN : (double)c.Flagged / c.Size;
                texts[i, f] = c.Size == 0 ? "empty" : string.Create(CultureInfo.InvariantCulture, $"{c.Flagged}/{c.Size}");
            }
        }

        var grid = new CellGrid($"Minority share per validation fold: {small.Name}, 10 folds, one seed", "validation fold",
            [.. rows.Select(Report.ShortName)], [.. Enumerable.Range(1, k).Select(f => f.ToString(CultureInfo.InvariantCulture))], values, texts, share, share);
        return Figures.Grid("fold-composition.png", grid, $"minority/rows; white = {Numbers.Percent(share)}, red more, blue fewer, grey empty");
    }

    private static Figure FoldAp(FoldScoreResult scores)
    {
        var groups = scores.Scores.Select(p => new BoxGroup($"{Report.ShortName(p.Key.Splitter)}\nk={p.Key.K}",
            [.. p.Value.SelectMany(rep => rep).Select(f => f.AveragePrecision).Where(x => !double.IsNaN(x))])).ToList();
        return Figures.Box($"fold-ap-{scores.Data}.png", $"Fold AP, {scores.Data}, {scores.Repeats} reshuffles (folds without a positive left out)",
            "average precision of one fold", groups);
    }

    private static Figure Benefit(ReportInput r)
    {
        var trend = r.Trend;
        int seed = r.Settings.Seed;
        var bars = Enumerable.Range(0, trend.CellCount).Select(c =>
        {
            var cell = trend.Cells[0][c];
            var interval = Trend.BenefitInterval(trend, c, Seeds.Derive(seed, $"benefit bootstrap {c}"), r.Settings.BootstrapResamples);
            return new BarValue(string.Create(CultureInfo.InvariantCulture, $"{Numbers.Percent(cell.Share)}\n{cell.Rows}"), interval);
        }).ToList();
        return Figures.Bars("stratification-benefit.png", $"Benefit of stratifying by minority share and rows ({trend.Data}, 95% bootstrap)",
            "ln(SD plain / SD stratified) of fold log loss", bars);
    }

    private static Figure Missing(ShiftResult shift)
    {
        var chosen = shift.Chosen;
        return Figures.Box("missing-distribution.png", $"Log-loss increase on a group when its rows are missing from training (credit-g)",
            "log loss without - with the group (nats)",
        [
            new BoxGroup($"{chosen.Attribute} = {chosen.Level}\n{shift.Real.Length} repetitions", [.. shift.Real.Select(x => x.GroupDrop)]),
            new BoxGroup($"random groups of {chosen.Rows} rows\n{shift.Null.Length} groups", [.. shift.Null.Select(x => x.GroupDrop)]),
        ]);
    }
}
