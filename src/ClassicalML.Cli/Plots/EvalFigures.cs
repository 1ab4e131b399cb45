using System.Globalization;
using ClassicalML.Evaluation;
using ScottPlot;

namespace ClassicalML.Cli;

/// <summary>
/// Draws <c>eval --plot</c>'s figures with ScottPlot: ROC (chance diagonal), precision-recall (prevalence baseline) and
/// the reliability diagram (bins' fraction positive against mean probability with Wilson bars, the diagonal, and the
/// bins' counts in a panel below). Legends sit outside the plot area, so they never cover data.
/// </summary>
/// <remarks>The scenario host has its own reliability drawer (ClassicalML.Scenarios' Figures.Reliability): the tool may
/// reference only Evaluation and Data (ARCHITECTURE.md), and neither is a place for plotting code.</remarks>
internal static class EvalFigures
{
    /// <summary>Width of every figure in pixels.</summary>
    internal const int Width = 900;

    /// <summary>Height of the ROC and precision-recall figures in pixels.</summary>
    internal const int Height = 600;

    /// <summary>Height of the reliability diagram (two panels) in pixels.</summary>
    internal const int ReliabilityHeight = 750;

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>The ROC figure of one or more models (one-vs-rest classes in multiclass mode).</summary>
    public static byte[] Roc(string title, IReadOnlyList<PlotModel> models)
    {
        using var plot = Square(title, "False positive rate", "True positive rate");
        Diagonal(plot, "chance");
        for (int i = 0; i < models.Count; i++)
        {
            var m = models[i];
            int keep = m.Point is { } p ? IndexOf(m.Roc.Thresholds, p.Threshold) : -1;
            var (x, y) = CurveThinning.Thin(m.Roc.FalsePositiveRates, m.Roc.TruePositiveRates, keep);
            Line(plot, x, y, Palette.GetColor(i), $"{m.Name} (AUC {Number(m.RocAuc)})", steps: false);
            Mark(plot, m, m.Point?.FalsePositiveRate, m.Point?.TruePositiveRate, i);
        }

        return Png(plot, Height);
    }

    /// <summary>The precision-recall figure of one or two models, with the prevalence as the chance level.</summary>
    public static byte[] PrecisionRecall(string title, IReadOnlyList<PlotModel> models, double prevalence)
    {
        using var plot = Square(title, "Recall", "Precision");
        var chance = plot.Add.Line(0, prevalence, 1, prevalence);
        chance.LinePattern = LinePattern.Dashed;
        chance.Color = Colors.Gray;
        chance.LegendText = $"chance (prevalence {Number(prevalence)})";
        for (int i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var pr = m.PrecisionRecall!;
            int keep = m.Point is { } p ? IndexOf(pr.Thresholds, p.Threshold) : -1;
            var (x, y) = CurveThinning.Thin(pr.Recalls, pr.Precisions, keep);
            Line(plot, x, y, Palette.GetColor(i), $"{m.Name} (AP {Number(m.AveragePrecision)})", steps: true);
            Mark(plot, m, m.Point?.Recall, m.Point?.Precision, i);
        }

        return Png(plot, Height);
    }

    /// <summary>The reliability diagram of the models with a reliability curve: the curve on top, the counts below.</summary>
    public static byte[] Reliability(string title, IReadOnlyList<PlotModel> models)
    {
        using var top = Square(title, "Mean predicted probability (per bin)", "Fraction of positives (per bin)");
        using var bottom = new Plot();
        Diagonal(top, "perfectly calibrated");
        for (int i = 0; i < models.Count; i++)
        {
            var (m, color) = (models[i], Palette.GetColor(i));
            var c = m.Reliability!;
            var curve = top.Add.Scatter(c.MeanPredicted.ToArray(), c.FractionPositive.ToArray());
            curve.Color = color;
            curve.LineWidth = 2;
            curve.MarkerSize = 7;
            curve.LegendText = $"{m.Name} (ECE {Number(c.ExpectedCalibrationError)}, {Percent(c.Confidence)} Wilson bars)";
            // Wilson intervals are not symmetric: ScottPlot's ErrorBar takes the upper and lower lengths apart.
            var bars = new ScottPlot.Plottables.ErrorBar(
                [.. c.Bins.Select(b => b.MeanPredicted)], [.. c.Bins.Select(b => b.FractionPositive)], null, null,
                [.. c.Bins.Select(b => b.FractionInterval.Upper - b.FractionPositive)], [.. c.Bins.Select(b => b.FractionPositive - b.FractionInterval.Lower)])
            { Color = color };
            top.Add.Plottable(bars);
            var counts = bottom.Add.Bars(c.Bins.Select(b => new Bar
            {
                Position = (b.Lower + b.Upper) / 2, Value = b.Count, Size = (b.Upper - b.Lower) * 0.9,
                FillColor = color.WithAlpha(models.Count > 1 ? 0.45 : 0.8), LineColor = color,
            }).ToList());
            counts.LegendText = m.Name;
        }

        bottom.XLabel("Predicted probability (bins: " + BinsText(models[0].Reliability!) + ")");
        bottom.YLabel("Rows");
        bottom.Axes.SetLimitsX(-0.02, 1.02);
        bottom.Axes.Margins(bottom: 0);
        bottom.ShowLegend(Edge.Right);
        // Fixed paddings, the same on both panels, so their x axes line up; the right one leaves room for the legend.
        top.Layout.Fixed(new PixelPadding(70, 330, 50, 40));
        bottom.Layout.Fixed(new PixelPadding(70, 330, 50, 10));
        var figure = new Multiplot();
        figure.AddPlot(top);
        figure.AddPlot(bottom);
        var grid = new ScottPlot.MultiplotLayouts.CustomGrid();
        grid.Set(top, new GridCell(0, 0, 4, 1, 3, 1));
        grid.Set(bottom, new GridCell(3, 0, 4, 1, 1, 1));
        figure.Layout = grid;
        using var image = figure.Render(Width, ReliabilityHeight);
        return image.GetImageBytes(ImageFormat.Png);
    }

    private static Plot Square(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static void Diagonal(Plot plot, string legend)
    {
        var line = plot.Add.Line(0, 0, 1, 1);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Colors.Gray;
        line.LegendText = legend;
    }

    private static void Line(Plot plot, double[] x, double[] y, Color color, string legend, bool steps)
    {
        var scatter = plot.Add.Scatter(x, y);
        scatter.Color = color;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 0;
        scatter.LegendText = legend;
        if (steps)
        {
            scatter.ConnectStyle = ConnectStyle.StepHorizontal; // as scikit-learn draws PR curves (steps-post)
        }
    }

    /// <summary>The operating point as a large marker in the model's colour, with its rule and threshold in the legend.</summary>
    private static void Mark(Plot plot, PlotModel m, double? x, double? y, int index)
    {
        if (m.Point is not { } p || x is not { } px || y is not { } py || !double.IsFinite(px) || !double.IsFinite(py))
        {
            return;
        }

        var marker = plot.Add.Marker(px, py, MarkerShape.FilledDiamond, 14, Palette.GetColor(index));
        marker.LegendText = $"{m.Name} operating point, threshold {p.Threshold.ToString("G6", CultureInfo.InvariantCulture)}";
    }

    private static int IndexOf(IReadOnlyList<double> thresholds, double t)
    {
        for (int i = 0; i < thresholds.Count; i++)
        {
            if (thresholds[i] == t)
            {
                return i;
            }
        }

        return -1;
    }

    private static byte[] Png(Plot plot, int height) => plot.GetImageBytes(Width, height, ImageFormat.Png);

    private static string BinsText(ReliabilityCurve c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Edges.Count - 1} {(c.Strategy == CalibrationBinning.Quantile ? "quantile" : "uniform")}");

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "undefined";

    private static string Percent(double value) => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
