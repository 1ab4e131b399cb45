using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.Tests;

public class ReportTypesTests
{
    [Fact]
    public void Format_Interval_InvariantValueAndInterval()
    {
        Assert.Equal("0.9123 [0.9, 0.925]", Numbers.Format(new Interval(0.91234, 0.9, 0.925, 0.95, "test")));
    }

    [Fact]
    public void Format_Exact_IsTheNumberTwice()
    {
        Assert.Equal("3 [3, 3]", Numbers.Format(Interval.Exact(3)));
    }

    [Fact]
    public void Cell_FromBootstrapInterval_IsItsIntervalWithUndefinedShare()
    {
        var interval = new Interval(0.5, 0.4, 0.6, 0.95, "percentile bootstrap") { UndefinedShare = 0.25 };

        Cell cell = new BootstrapInterval(interval, 100, 25, 0, false);

        Assert.Equal(CellKind.Interval, cell.Kind);
        Assert.Same(interval, cell.Interval);
        Assert.Equal("0.5 [0.4, 0.6] (undefined in 25% of resamples)", cell.ToString());
    }

    [Fact]
    public void Cell_FromEvaluationInterval_IsAnIntervalCell()
    {
        Cell cell = Intervals.Wilson(8, 10);

        Assert.Equal(CellKind.Interval, cell.Kind);
        Assert.Equal(0.8, cell.Interval!.Estimate);
        Assert.Equal(0.8, cell.Number);
    }

    [Fact]
    public void Cell_Number_HasAnExactInterval()
    {
        Cell cell = 0.25;

        Assert.Equal(Interval.Exact(0.25), cell.Interval);
        Assert.Null(((Cell)"text").Interval);
    }

    [Fact]
    public void Cell_FromNullInterval_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Cell.FromInterval(null!));

    [Fact]
    public void ReportTable_RowWithWrongLength_Throws()
    {
        var table = new ReportTable("scores", ["model", "auc"]);
        var e = Assert.Throws<ArgumentException>(() => table.AddRow("a"));
        Assert.Equal("cells has 1 values but table 'scores' has 2 columns (model, auc); pass one cell per column. (Parameter 'cells')", e.Message);
    }

    [Fact]
    public void ReportTable_NameNotKebabCase_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReportTable("Fold Scores", ["a"]));
        Assert.StartsWith("name is 'Fold Scores'; it must be kebab-case", e.Message);
    }

    [Fact]
    public void Claim_IdNotKebabCase_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Claim("lower_variance", "text"));
        Assert.StartsWith("id is 'lower_variance'; it must be kebab-case", e.Message);
    }

    [Fact]
    public void Figure_FileNameWithFolder_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.Roc("../roc.png", "ROC", [new Series("m", [0, 1], [0, 1])]));
        Assert.StartsWith("fileName is '../roc.png'; a figure file name must be a plain file name ending in .png", e.Message);
    }

    [Fact]
    public void Figure_SeriesLengthsDiffer_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.Line("l.png", "t", "x", "y", [new Series("s", [0, 1], [0])]));
        Assert.StartsWith("series[0] ('s') of figure 'l.png' has 2 x and 1 y values", e.Message);
    }

    [Fact]
    public void Figure_SameDataTwice_SamePngBytes()
    {
        // Checked once here: ScottPlot + SkiaSharp render identical bytes for identical data in one process.
        // The results check still compares only figure names, since fonts and Skia builds differ between machines.
        static Figure Make() => Figures.Bars("b.png", "Bars", "y", [new BarValue("a", new Interval(0.5, 0.4, 0.6, 0.95, "test")), new BarValue("b", new Interval(0.7, 0.65, 0.8, 0.95, "test"))]);
        byte[] first = Make().RenderPng();
        byte[] second = Make().RenderPng();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, first[..4]);
        Assert.Equal(first, second);
    }
}
