using ClassicalML.Evaluation;
using ScottPlot;

namespace ClassicalML.Scenarios;

/// <summary>A plot a scenario asks for: described by data, drawn by the host with ScottPlot into
/// <c>&lt;out&gt;/&lt;FileName&gt;</c> at a fixed size and style. Create one with <see cref="Figures"/>.</summary>
public abstract class Figure
{
    /// <summary>The width of every figure in pixels.</summary>
    public const int Width = 800;

    /// <summary>The height of every figure in pixels.</summary>
    public const int Height = 500;

    private protected Figure(string fileName, string title)
    {
        Identifiers.RequirePngFileName(fileName, nameof(fileName));
        ArgumentNullException.ThrowIfNull(title);
        FileName = fileName;
        Title = title;
    }

    /// <summary>The PNG file name, e.g. <c>roc.png</c>.</summary>
    public string FileName { get; }

    /// <summary>The figure's title (also its caption in report.md).</summary>
    public string Title { get; }

    /// <summary>Draws the figure as PNG bytes (<see cref="Width"/> x <see cref="Height"/>).</summary>
    /// <returns>The PNG file's bytes.</returns>
    public byte[] RenderPng() => Render();

    /// <summary>One plot with the title, drawn by <see cref="Draw"/>; a figure of several panels overrides this.</summary>
    private protected virtual byte[] Render()
    {
        using var plot = new Plot();
        plot.Title(Title);
        Draw(plot);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private protected abstract void Draw(Plot plot);

    /// <summary>The x and y values of <c>series[index]</c>, copied; they must be of the same, non-zero length.</summary>
    /// <exception cref="ArgumentNullException">X or Y is null.</exception>
    /// <exception cref="ArgumentException">X and Y differ in length or are empty.</exception>
    private protected static (double[] X, double[] Y) Points(Series series, int index, string fileName)
    {
        double[] x = ToArray(series.X, nameof(series));
        double[] y = ToArray(series.Y, nameof(series));
        Preconditions.CheckArgument(
            x.Length == y.Length && x.Length > 0,
            nameof(series),
            $"series[{index}] ('{series.Name}') of figure '{fileName}' has {x.Length} x and {y.Length} y values; x and y need the same, non-zero length.");
        return (x, y);
    }

    private protected static double[] ToArray(IReadOnlyList<double> values, string parameter)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        return [.. values];
    }

    /// <summary>The series of a line or curve figure as arrays, checked: at least one series, each with as many x as
    /// y values and at least one.</summary>
    private protected static (string Name, double[] X, double[] Y)[] Points(string fileName, IReadOnlyList<Series> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        Preconditions.CheckNotEmpty(series.Count, nameof(series), $"Pass at least one series (figure '{fileName}').");
        var points = new (string, double[], double[])[series.Count];
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var (x, y) = Points(s, i, fileName);
            points[i] = (s.Name, x, y);
        }

        return points;
    }
}
