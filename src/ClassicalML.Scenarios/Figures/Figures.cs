using ScottPlot;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios;

/// <summary>A named line or curve: x and y values of equal length.</summary>
/// <param name="Name">The legend text, e.g. "stratified (AUC 0.91)".</param>
/// <param name="X">The x values.</param>
/// <param name="Y">The y values.</param>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>A named group of values for a box plot.</summary>
/// <param name="Label">The group's label under its box.</param>
/// <param name="Values">The values (at least one).</param>
public sealed record BoxGroup(string Label, IReadOnlyList<double> Values);

/// <summary>A labelled bar with its interval (drawn as an error bar).</summary>
/// <param name="Label">The bar's label.</param>
/// <param name="Value">The interval; the bar is drawn to its <see cref="Interval.Estimate"/>, the error bar from lower to upper.</param>
public sealed record BarValue(string Label, Interval Value);

/// <summary>Factory of the common figures: lines, box plots, bars with error bars, ROC and precision-recall curves.</summary>
/// <remarks>All are drawn 800 x 500 pixels with ScottPlot's default style, so reruns give the same image.</remarks>
public static class Figures
{
    /// <summary>A line plot with one line per series and the legend outside the plot area, on the right, so that it
    /// never covers a line; each series can be given its own style (e.g. noise features grey, informative ones in colour).</summary>
    /// <param name="fileName">The PNG file name.</param>
    /// <param name="title">The title.</param>
    /// <param name="xLabel">The x-axis label.</param>
    /// <param name="yLabel">The y-axis label.</param>
    /// <param name="series">The series. One with an empty name is drawn but left out of the legend (one legend entry
    /// can then stand for a group of lines of one style).</param>
    /// <param name="styles">One style per series (same order), or null for the default style of every series (a
    /// 2-pixel line with markers in ScottPlot's palette colour).</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The file name is not a plain .png name, there is no series, a series' x and
    /// y differ in length, <paramref name="styles"/> has another length than <paramref name="series"/>, or a colour is not <c>#RRGGBB</c>.</exception>
    public static Figure Line(string fileName, string title, string xLabel, string yLabel, IReadOnlyList<Series> series, IReadOnlyList<LineStyle>? styles = null)
        => new LineFigure(fileName, title, xLabel, yLabel, series, styles);

    /// <summary>ROC curves (false positive rate on x, true positive rate on y) with the dashed chance line.</summary>
    /// <param name="fileName">The PNG file name.</param>
    /// <param name="title">The title.</param>
    /// <param name="curves">One series per model: X = false positive rates, Y = true positive rates (e.g. from <c>Roc.Curve</c>).</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The file name is not a plain .png name, there is no curve, or a curve's x and y differ in length.</exception>
    public static Figure Roc(string fileName, string title, IReadOnlyList<Series> curves)
        => new SeriesFigure(fileName, title, "False positive rate", "True positive rate", curves, SeriesKind.Roc, null);

    /// <summary>Precision-recall curves (recall on x, precision on y, drawn as steps) with the chance level
    /// (the positive rate) as a dashed line.</summary>
    /// <param name="fileName">The PNG file name.</param>
    /// <param name="title">The title.</param>
    /// <param name="curves">One series per model: X = recalls, Y = precisions (e.g. from <c>PrecisionRecall.Curve</c>).</param>
    /// <param name="positiveRate">The share of positives, the precision of a random ranking; in [0, 1].</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The file name is not a plain .png name, there is no curve, or a curve's x and y differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="positiveRate"/> is outside [0, 1].</exception>
    public static Figure PrecisionRecall(string fileName, string title, IReadOnlyList<Series> curves, double positiveRate)
    {
        if (!(positiveRate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(positiveRate), positiveRate,
                $"positiveRate is {Numbers.Format(positiveRate)}; it is the share of positives and must be in [0, 1]. Pass positives / n.");
        }

        return new SeriesFigure(fileName, title, "Recall", "Precision", curves, SeriesKind.PrecisionRecall, positiveRate);
    }

    /// <summary>A box plot, one box per group: median, quartiles, whiskers to the furthest values within 1.5 IQR, outliers as points.</summary>
    /// <param name="fileName">The PNG file name.</param>
    /// <param name="title">The title.</param>
    /// <param name="yLabel">The y-axis label.</param>
    /// <param name="groups">The groups.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The file name is not a plain .png name, there is no group, or a group is empty.</exception>
    public static Figure Box(string fileName, string title, string yLabel, IReadOnlyList<BoxGroup> groups)
        => new BoxFigure(fileName, title, yLabel, groups);

    /// <summary>A bar chart with error bars from each estimate's lower to upper bound.</summary>
    /// <param name="fileName">The PNG file name.</param>
    /// <param name="title">The title.</param>
    /// <param name="yLabel">The y-axis label.</param>
    /// <param name="bars">The bars.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The file name is not a plain .png name or there is no bar.</exception>
    public static Figure Bars(string fileName, string title, string yLabel, IReadOnlyList<BarValue> bars)
        => new BarFigure(fileName, title, yLabel, bars);

    /// <summary>A grid of coloured, annotated cells, e.g. the composition of every fold of several cross-validation
    /// splitters (one row per splitter, one column per fold), as scikit-learn's <c>plot_cv_indices</c> draws them.</summary>
    /// <param name="fileName">The PNG file name.</param>
    /// <param name="grid">The cells: labels, values (colour), texts and the colour scale.</param>
    /// <param name="legend">A short explanation of the colours, written after the x-axis label, e.g.
    /// "white = overall share, red = more, blue = less, grey = empty"; empty for none.</param>
    /// <returns>The figure.</returns>
    /// <remarks>Colour of a cell with value v: t = clamp((v - Reference) / Span, -1, 1); white at t = 0, fully red at
    /// t = 1, fully blue at t = -1, linear in between; grey when v is NaN.</remarks>
    /// <exception cref="ArgumentException">The file name is not a plain .png name, the grid has no row or column, or
    /// the values or texts do not have one entry per cell.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The reference is not finite or the span is not a finite number &gt; 0.</exception>
    public static Figure Grid(string fileName, CellGrid grid, string legend = "")
        => new CellGridFigure(fileName, grid, legend);

    /// <summary>A reliability diagram (calibration curve) of one or more models: per bin the fraction of positives
    /// against the mean predicted probability with each bin's Wilson interval as an error bar, the diagonal of perfect
    /// calibration, and below it a panel of the bins' row counts.</summary>
    /// <param name="fileName">The PNG file name.</param>
    /// <param name="title">The title.</param>
    /// <param name="curves">One named curve per model, as <c>Calibration.Curve</c> returns it.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The file name is not a plain .png name, or there is no curve.</exception>
    public static Figure Reliability(string fileName, string title, IReadOnlyList<NamedReliabilityCurve> curves)
        => new ReliabilityFigure(fileName, title, curves);

    internal static void LabelTicks(Plot plot, IReadOnlyList<string> labels)
    {
        double[] positions = [.. Enumerable.Range(0, labels.Count).Select(i => (double)i)];
        plot.Axes.Bottom.SetTicks(positions, [.. labels]);
        plot.HideGrid();
    }
}

internal enum SeriesKind
{
    Roc,
    PrecisionRecall,
}

internal sealed class SeriesFigure : Figure
{
    private readonly string _xLabel;
    private readonly string _yLabel;
    private readonly (string Name, double[] X, double[] Y)[] _series;
    private readonly SeriesKind _kind;
    private readonly double? _baseline;

    public SeriesFigure(string fileName, string title, string xLabel, string yLabel, IReadOnlyList<Series> series, SeriesKind kind, double? baseline)
        : base(fileName, title)
    {
        _series = Points(fileName, series);
        _xLabel = xLabel;
        _yLabel = yLabel;
        _kind = kind;
        _baseline = baseline;
    }

    private protected override void Draw(Plot plot)
    {
        plot.XLabel(_xLabel);
        plot.YLabel(_yLabel);
        foreach (var (name, x, y) in _series)
        {
            var scatter = plot.Add.Scatter(x, y);
            scatter.LegendText = name;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 0;
            if (_kind == SeriesKind.PrecisionRecall)
            {
                // Precision-recall curves are step functions (as scikit-learn draws them: steps-post).
                scatter.ConnectStyle = ConnectStyle.StepHorizontal;
            }
        }

        if (_kind == SeriesKind.Roc)
        {
            var chance = plot.Add.Line(0, 0, 1, 1);
            chance.LinePattern = LinePattern.Dashed;
            chance.Color = Colors.Gray;
            chance.LegendText = "chance";
        }
        else if (_kind == SeriesKind.PrecisionRecall && _baseline is double rate)
        {
            var chance = plot.Add.Line(0, rate, 1, rate);
            chance.LinePattern = LinePattern.Dashed;
            chance.Color = Colors.Gray;
            chance.LegendText = $"chance ({Numbers.Format(rate)})";
        }

        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);

        if (_kind == SeriesKind.PrecisionRecall)
        {
            // Precision-recall curves can pass through any corner of the square: keep the legend outside the data.
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.ShowLegend(Alignment.LowerRight);
        }
    }
}

internal sealed class BoxFigure : Figure
{
    private readonly string _yLabel;
    private readonly (string Label, double[] Values)[] _groups;

    public BoxFigure(string fileName, string title, string yLabel, IReadOnlyList<BoxGroup> groups)
        : base(fileName, title)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0)
        {
            throw new ArgumentException($"groups of figure '{fileName}' is empty; pass at least one group.", nameof(groups));
        }

        _groups = new (string, double[])[groups.Count];
        for (int i = 0; i < groups.Count; i++)
        {
            double[] values = ToArray(groups[i].Values, nameof(groups));
            if (values.Length == 0 || values.Any(double.IsNaN))
            {
                throw new ArgumentException(
                    $"groups[{i}] ('{groups[i].Label}') of figure '{fileName}' is empty or holds NaN; a box needs at least one number and no NaN. Drop undefined values first.",
                    nameof(groups));
            }

            _groups[i] = (groups[i].Label, values);
        }

        _yLabel = yLabel;
    }

    private protected override void Draw(Plot plot)
    {
        plot.YLabel(_yLabel);
        var boxes = new List<ScottPlot.Box>();
        for (int i = 0; i < _groups.Length; i++)
        {
            double[] v = [.. _groups[i].Values.Order()];
            double q1 = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(v, 0.25);
            double median = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(v, 0.5);
            double q3 = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(v, 0.75);
            double iqr = q3 - q1;
            double low = v.First(x => x >= q1 - (1.5 * iqr));
            double high = v.Last(x => x <= q3 + (1.5 * iqr));
            boxes.Add(new ScottPlot.Box
            {
                Position = i,
                BoxMin = q1,
                BoxMiddle = median,
                BoxMax = q3,
                WhiskerMin = low,
                WhiskerMax = high,
            });
            double[] outliers = [.. v.Where(x => x < low || x > high)];
            if (outliers.Length > 0)
            {
                var points = plot.Add.ScatterPoints(Enumerable.Repeat((double)i, outliers.Length).ToArray(), outliers);
                points.Color = Colors.Black;
            }
        }

        plot.Add.Boxes(boxes);
        Figures.LabelTicks(plot, [.. _groups.Select(g => g.Label)]);
    }
}

internal sealed class BarFigure : Figure
{
    private readonly string _yLabel;
    private readonly BarValue[] _bars;

    public BarFigure(string fileName, string title, string yLabel, IReadOnlyList<BarValue> bars)
        : base(fileName, title)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Count == 0)
        {
            throw new ArgumentException($"bars of figure '{fileName}' is empty; pass at least one bar.", nameof(bars));
        }

        _bars = [.. bars];
        _yLabel = yLabel;
    }

    private protected override void Draw(Plot plot)
    {
        plot.YLabel(_yLabel);
        var bars = _bars.Select((b, i) => new ScottPlot.Bar { Position = i, Value = b.Value.Estimate }).ToList();
        plot.Add.Bars(bars);

        // Intervals need not be symmetric, so the error bars are drawn as lines from lower to upper with caps.
        for (int i = 0; i < _bars.Length; i++)
        {
            var e = _bars[i].Value;
            if (e.IsUndefined)
            {
                continue;
            }

            foreach (var line in new[] { plot.Add.Line(i, e.Lower, i, e.Upper), plot.Add.Line(i - 0.1, e.Lower, i + 0.1, e.Lower), plot.Add.Line(i - 0.1, e.Upper, i + 0.1, e.Upper) })
            {
                line.Color = Colors.Black;
                line.LineWidth = 1.5f;
            }
        }

        plot.Axes.Margins(bottom: 0);
        Figures.LabelTicks(plot, [.. _bars.Select(b => b.Label)]);
    }
}
