namespace ClassicalML.Scenarios.Tests;

public class ReportTypesTests
{
    [Fact]
    public void Estimate_BoundsOutOfOrder_ThrowsWithValues()
    {
        var e = Assert.Throws<ArgumentException>(() => new Estimate(0.5, 0.9, 0.6));
        Assert.Equal("estimate (0.5, [0.9, 0.6]) has lower > upper; an interval needs lower <= upper. Pass the interval bounds in that order. (Parameter 'lower')", e.Message);
    }

    [Fact]
    public void Estimate_ValueOutsideInterval_KeptAsMeasured()
    {
        // A percentile bootstrap interval can miss the full-data value; it is reported, not widened.
        var e = new Estimate(0.5, 0.6, 0.9);
        Assert.Equal((0.5, 0.6, 0.9), (e.Value, e.Lower, e.Upper));
    }

    [Fact]
    public void Estimate_ToString_InvariantValueAndInterval()
    {
        Assert.Equal("0.9123 [0.9, 0.925]", new Estimate(0.91234, 0.9, 0.925).ToString());
    }

    [Fact]
    public void Estimate_FromEvaluationInterval_KeepsTheThreeNumbers()
    {
        var wilson = ClassicalML.Evaluation.Intervals.Wilson(8, 10);

        Estimate e = wilson;

        Assert.Equal((wilson.Estimate, wilson.Lower, wilson.Upper, 0.0), (e.Value, e.Lower, e.Upper, e.UndefinedShare));
    }

    [Fact]
    public void Estimate_FromBootstrapInterval_KeepsUndefinedShare()
    {
        var interval = new ClassicalML.Evaluation.BootstrapInterval(new ClassicalML.Evaluation.Interval(0.5, 0.4, 0.6, 0.95, "percentile bootstrap"), 100, 25, 0, false);

        Estimate e = interval;

        Assert.Equal((0.5, 0.4, 0.6, 0.25), (e.Value, e.Lower, e.Upper, e.UndefinedShare));
    }

    [Fact]
    public void Cell_FromEvaluationInterval_IsAnEstimateCell()
    {
        Cell cell = ClassicalML.Evaluation.Intervals.Wilson(8, 10);

        Assert.Equal(CellKind.Estimate, cell.Kind);
        Assert.Equal(0.8, cell.Estimate.Value);
    }

    [Fact]
    public void Estimate_FromNullInterval_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Estimate.FromInterval(null!));

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
        static Figure Make() => Figures.Bars("b.png", "Bars", "y", [new BarValue("a", new Estimate(0.5, 0.4, 0.6)), new BarValue("b", new Estimate(0.7, 0.65, 0.8))]);
        byte[] first = Make().RenderPng();
        byte[] second = Make().RenderPng();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, first[..4]);
        Assert.Equal(first, second);
    }
}
