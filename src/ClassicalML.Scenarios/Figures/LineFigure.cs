using ClassicalML.Evaluation;
using ScottPlot;

namespace ClassicalML.Scenarios;

/// <summary>How one line of <see cref="Figures.Line"/> is drawn.</summary>
/// <param name="Color">The colour as <c>#RRGGBB</c>, or null for ScottPlot's palette colour of the series.</param>
/// <param name="Markers">Whether the points get markers.</param>
/// <param name="Dashed">Whether the line is dashed (e.g. a reference level).</param>
/// <param name="Width">The line width in pixels.</param>
public sealed record LineStyle(string? Color = null, bool Markers = true, bool Dashed = false, float Width = 2);

/// <summary>The line plot of <see cref="Figures.Line"/>: one styled line per series, the legend to the right of the
/// plot area, outside the data.</summary>
internal sealed class LineFigure : Figure
{
    private readonly string _xLabel;
    private readonly string _yLabel;
    private readonly (string Name, double[] X, double[] Y)[] _series;
    private readonly LineStyle[] _styles;

    public LineFigure(string fileName, string title, string xLabel, string yLabel, IReadOnlyList<Series> series, IReadOnlyList<LineStyle>? styles)
        : base(fileName, title)
    {
        _series = Points(fileName, series);
        if (styles is not null)
        {
            Preconditions.CheckSameLength(series.Count, styles.Count, nameof(series), nameof(styles));
        }

        _styles = new LineStyle[series.Count];
        for (int i = 0; i < series.Count; i++)
        {
            var style = styles?[i] ?? new LineStyle();
            if (style.Color is { } c && !(c.Length == 7 && c[0] == '#' && c.Skip(1).All(Uri.IsHexDigit)))
            {
                throw new ArgumentException($"styles[{i}] of figure '{fileName}' has colour '{c}'; a colour is written #RRGGBB, e.g. #808080 for grey.", nameof(styles));
            }

            _styles[i] = style;
        }

        _xLabel = xLabel;
        _yLabel = yLabel;
    }

    private protected override void Draw(Plot plot)
    {
        plot.XLabel(_xLabel);
        plot.YLabel(_yLabel);
        for (int i = 0; i < _series.Length; i++)
        {
            var (name, x, y) = _series[i];
            var style = _styles[i];
            var scatter = plot.Add.Scatter(x, y);
            scatter.LegendText = name;
            scatter.LineWidth = style.Width;
            scatter.MarkerSize = style.Markers ? 5 : 0;
            if (style.Color is { } c)
            {
                scatter.Color = Color.FromHex(c);
            }

            if (style.Dashed)
            {
                scatter.LinePattern = LinePattern.Dashed;
            }
        }

        // Outside the data, so that the legend never covers a line.
        plot.ShowLegend(Edge.Right);
    }
}
