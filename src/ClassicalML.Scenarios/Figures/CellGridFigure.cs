using ClassicalML.Evaluation;
using ScottPlot;

namespace ClassicalML.Scenarios;

/// <summary>A labelled grid of cells, e.g. one row per cross-validation splitter and one column per fold, each cell
/// coloured by a value and annotated with a short text (the picture of scikit-learn's <c>plot_cv_indices</c>).</summary>
/// <param name="Title">The figure's title.</param>
/// <param name="XLabel">The label under the columns, e.g. "fold".</param>
/// <param name="RowLabels">The label of each row, top to bottom.</param>
/// <param name="ColumnLabels">The label of each column, left to right.</param>
/// <param name="Values">The value of each cell, <c>[row, column]</c>; NaN draws the cell grey (e.g. an empty fold).</param>
/// <param name="Texts">The text written in each cell, <c>[row, column]</c>; empty for none.</param>
/// <param name="Reference">The value drawn white; values below shade towards blue, above towards red.</param>
/// <param name="Span">The distance from <paramref name="Reference"/> at which the colour is fully saturated (positive).</param>
public sealed record CellGrid(
    string Title,
    string XLabel,
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    double[,] Values,
    string[,] Texts,
    double Reference,
    double Span);

internal sealed class CellGridFigure : Figure
{
    private readonly CellGrid _grid;
    private readonly string _legend;

    public CellGridFigure(string fileName, CellGrid grid, string legend)
        : base(fileName, grid?.Title ?? string.Empty)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(legend);
        ArgumentNullException.ThrowIfNull(grid.RowLabels);
        ArgumentNullException.ThrowIfNull(grid.ColumnLabels);
        ArgumentNullException.ThrowIfNull(grid.Values);
        ArgumentNullException.ThrowIfNull(grid.Texts);
        int rows = grid.RowLabels.Count, columns = grid.ColumnLabels.Count;
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException(
                $"grid of figure '{fileName}' has {rows} rows and {columns} columns; a grid needs at least one of each. Pass the row and column labels.",
                nameof(grid));
        }

        if (grid.Values.GetLength(0) != rows || grid.Values.GetLength(1) != columns
            || grid.Texts.GetLength(0) != rows || grid.Texts.GetLength(1) != columns)
        {
            throw new ArgumentException(
                $"grid of figure '{fileName}' has {rows} x {columns} labels but values are {grid.Values.GetLength(0)} x {grid.Values.GetLength(1)} and texts {grid.Texts.GetLength(0)} x {grid.Texts.GetLength(1)}; pass one value and one text per cell.",
                nameof(grid));
        }

        Preconditions.CheckFiniteNumber(grid.Reference, nameof(grid), $"Pass e.g. the overall share (figure '{fileName}').", "grid.Reference");
        Preconditions.CheckPositive(grid.Span, nameof(grid), $"Pass e.g. the size of the overall share (figure '{fileName}').", "grid.Span");

        _grid = grid;
        _legend = legend;
    }

    /// <summary>The cell colour: white at the reference, blue below, red above, grey for NaN.</summary>
    internal static Color ColorOf(double value, double reference, double span)
    {
        if (double.IsNaN(value))
        {
            return new Color(200, 200, 200);
        }

        double t = Math.Clamp((value - reference) / span, -1, 1);
        byte fade = (byte)Math.Round(255 * (1 - Math.Abs(t)));
        return t >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }

    private protected override void Draw(Plot plot)
    {
        int rows = _grid.RowLabels.Count, columns = _grid.ColumnLabels.Count;
        for (int r = 0; r < rows; r++)
        {
            double y = rows - 1 - r; // first row on top
            for (int c = 0; c < columns; c++)
            {
                var cell = plot.Add.Rectangle(c - 0.5, c + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = ColorOf(_grid.Values[r, c], _grid.Reference, _grid.Span);
                cell.LineColor = Colors.White;
                cell.LineWidth = 2;
                string text = _grid.Texts[r, c] ?? string.Empty;
                if (text.Length > 0)
                {
                    var label = plot.Add.Text(text, c, y);
                    label.LabelAlignment = Alignment.MiddleCenter;
                    label.LabelFontSize = columns > 8 ? 11 : 13;
                    // Black text on light cells, white on saturated ones (|t| > 0.6), so every count stays readable.
                    double value = _grid.Values[r, c];
                    bool dark = !double.IsNaN(value) && Math.Abs((value - _grid.Reference) / _grid.Span) > 0.6;
                    label.LabelFontColor = dark ? Colors.White : Colors.Black;
                }
            }
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, columns).Select(c => (double)c)], [.. _grid.ColumnLabels]);
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows).Select(r => (double)(rows - 1 - r))], [.. _grid.RowLabels]);
        plot.XLabel(_grid.XLabel);
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        if (_legend.Length > 0)
        {
            plot.Axes.Bottom.Label.Text = _grid.XLabel + "   (" + _legend + ")";
        }
    }
}
