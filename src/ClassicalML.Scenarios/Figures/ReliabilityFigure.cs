using System.Globalization;
using ClassicalML.Evaluation;
using ScottPlot;

namespace ClassicalML.Scenarios;

/// <summary>A model's reliability curve with the name its legend entry shows.</summary>
/// <param name="Name">The legend text, e.g. "logistic, Platt-calibrated".</param>
/// <param name="Curve">The curve, from <c>Calibration.Curve</c>.</param>
public sealed record NamedReliabilityCurve(string Name, ReliabilityCurve Curve);

/// <summary>The reliability diagram of <see cref="Figures.Reliability"/>: the curves with Wilson bars over the diagonal
/// (three quarters of the height), the bins' counts below; legends right of the plot areas, outside the data.</summary>
/// <remarks>The classicalml tool draws the same diagram itself (its EvalFigures): it may reference only Evaluation and
/// Data (ARCHITECTURE.md), neither of which is a place for plotting code, so there is no project to share it from.</remarks>
internal sealed class ReliabilityFigure : Figure
{
    private readonly NamedReliabilityCurve[] _curves;

    public ReliabilityFigure(string fileName, string title, IReadOnlyList<NamedReliabilityCurve> curves)
        : base(fileName, title)
    {
        ArgumentNullException.ThrowIfNull(curves);
        Preconditions.CheckNotEmpty(curves.Count, nameof(curves), $"Pass at least one curve (figure '{fileName}').");
        for (int i = 0; i < curves.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(curves[i]?.Curve, $"{nameof(curves)}[{i}]");
        }

        _curves = [.. curves];
    }

    private protected override byte[] Render()
    {
        using var top = new Plot();
        using var counts = new Plot();
        top.Title(Title);
        Draw(top);
        DrawCounts(counts);
        // The same fixed paddings on both panels line their x axes up; the right one holds the legends.
        top.Layout.Fixed(new PixelPadding(60, 230, 45, 42));
        counts.Layout.Fixed(new PixelPadding(60, 230, 45, 5));
        var layout = new ScottPlot.MultiplotLayouts.CustomGrid();
        layout.Set(top, new GridCell(0, 0, 4, 1, 3, 1));
        layout.Set(counts, new GridCell(3, 0, 4, 1, 1, 1));
        var figure = new Multiplot { Layout = layout };
        figure.AddPlot(top);
        figure.AddPlot(counts);
        using var image = figure.Render(Width, Height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    private protected override void Draw(Plot plot)
    {
        plot.XLabel("Mean predicted probability");
        plot.YLabel("Fraction of positives");
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "perfectly calibrated";
        for (int i = 0; i < _curves.Length; i++)
        {
            var (name, c) = (_curves[i].Name, _curves[i].Curve);
            var color = plot.Add.Palette.GetColor(i);
            var line = plot.Add.Scatter(c.MeanPredicted.ToArray(), c.FractionPositive.ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{name} (ECE {c.ExpectedCalibrationError:0.000})");
            // Wilson intervals are not symmetric: the error bar takes the lengths above and below apart.
            plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(
                [.. c.Bins.Select(b => b.MeanPredicted)], [.. c.Bins.Select(b => b.FractionPositive)], null, null,
                [.. c.Bins.Select(b => b.FractionInterval.Upper - b.FractionPositive)], [.. c.Bins.Select(b => b.FractionPositive - b.FractionInterval.Lower)])
            { Color = color });
        }

        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Edge.Right);
    }

    private void DrawCounts(Plot plot)
    {
        for (int i = 0; i < _curves.Length; i++)
        {
            var color = plot.Add.Palette.GetColor(i);
            var bars = plot.Add.Bars(_curves[i].Curve.Bins.Select(b => new Bar
            {
                Position = (b.Lower + b.Upper) / 2, Value = b.Count, Size = (b.Upper - b.Lower) * 0.9,
                FillColor = color.WithAlpha(_curves.Length > 1 ? 0.45 : 0.8), LineColor = color,
            }).ToList());
            bars.LegendText = _curves[i].Name;
        }

        plot.XLabel("Predicted probability (bins)");
        plot.YLabel("Rows");
        plot.Axes.SetLimitsX(-0.02, 1.02);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Right);
    }
}
