using ClassicalML.Evaluation;
using ScottPlot;

namespace ClassicalML.Scenarios;

/// <summary>How one line of <see cref="LineFigures.Line"/> is drawn.</summary>
/// <param name="Color">The colour as <c>#RRGGBB</c>, or null for ScottPlot's palette colour of the series.</param>
/// <param name="Markers">Whether the points get markers.</param>
/// <param name="Dashed">Whether the line is dashed (e.g. a reference level).</param>
/// <param name="Width">The line width in pixels.</param>
public sealed record LineStyle(string? Color = null, bool Markers = true, bool Dashed = false, float Width = 2);

/// <summary>
/// Line plots whose legend stands to the right of the plot area, outside the data, so that it never covers a line;
/// each series can be given its own colour (e.g. noise features grey, informative ones in colour).
/// </summary>
/// <remarks>A series with an empty name is drawn but left out of the legend (one legend entry can then stand for a
/// group of lines of one style). 800 x 500 pixels, as every figure.</remarks>
public static class LineFigures
{
    /// <summary>A line plot with one line per series and the legend outside the plot area, on the right.</summary>
    /// <param name="fileName">The PNG file name.</param>
    /// <param name="title">The title.</param>
    /// <param name="xLabel">The x-axis label.</param>
    /// <param name="yLabel">The y-axis label.</param>
    /// <param name="series">The series.</param>
    /// <param name="styles">One style per series (same order), or null for the default style of every series.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The file name is not a plain .png name, there is no series, a series' x and
    /// y differ in length, <paramref name="styles"/> has another length than <paramref name="series"/>, or a colour is not <c>#RRGGBB</c>.</exception>
    public static Figure Line(string fileName, string title, string xLabel, string yLabel, IReadOnlyList<Series> series, IReadOnlyList<LineStyle>? styles = null)
        => new StyledLineFigure(fileName, title, xLabel, yLabel, series, styles);
}

internal sealed class StyledLineFigure : Figure
{
    private readonly string _xLabel;
    private readonly string _yLabel;
    private readonly (string Name, double[] X, double[] Y, LineStyle Style)[] _series;

    public StyledLineFigure(string fileName, string title, string xLabel, string yLabel, IReadOnlyList<Series> series, IReadOnlyList<LineStyle>? styles)
        : base(fileName, title)
    {
        ArgumentNullException.ThrowIfNull(series);
        Preconditions.CheckNotEmpty(series.Count, nameof(series), $"Pass at least one series (figure '{fileName}').");
        if (styles is not null)
        {
            Preconditions.CheckSameLength(series.Count, styles.Count, nameof(series), nameof(styles));
        }

        _series = new (string, double[], double[], LineStyle)[series.Count];
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var (x, y) = Points(s, i, fileName);

            var style = styles?[i] ?? new LineStyle();
            if (style.Color is { } c && !(c.Length == 7 && c[0] == '#' && c.Skip(1).All(Uri.IsHexDigit)))
            {
                throw new ArgumentException($"styles[{i}] of figure '{fileName}' has colour '{c}'; a colour is written #RRGGBB, e.g. #808080 for grey.", nameof(styles));
            }

            _series[i] = (s.Name, x, y, style);
        }

        _xLabel = xLabel;
        _yLabel = yLabel;
    }

    private protected override void Draw(Plot plot)
    {
        plot.XLabel(_xLabel);
        plot.YLabel(_yLabel);
        foreach (var (name, x, y, style) in _series)
        {
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

        plot.ShowLegend(Edge.Right);
    }
}
