namespace ClassicalML.Scenarios.Tests;

public class FiguresLineTests
{
    private static readonly Series[] Two = [new("informative", [0, 1], [1, 2]), new(string.Empty, [0, 1], [0.1, 0.2])];

    [Fact]
    public void Line_WithStyles_RendersAPng()
    {
        var figure = Figures.Line("paths.png", "paths", "x", "y", Two, [new LineStyle("#1F77B4"), new LineStyle("#A0A0A0", Markers: false, Dashed: true, Width: 1)]);
        byte[] png = figure.RenderPng();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Equal("paths.png", figure.FileName);
    }

    [Fact]
    public void Line_StylesOfAnotherLength_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.Line("p.png", "t", "x", "y", Two, [new LineStyle()]));
        Assert.StartsWith("series has 2 elements but styles has 1; they must have the same length (one style per series). Pass parallel arrays of equal length.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Line_SeriesXAndYOfAnotherLength_ThrowsTheSameMessageWithOrWithoutStyles(bool styled)
    {
        Series[] ragged = [new("a", [0, 1], [1, 2]), new("b", [0, 1, 2], [0.1, 0.2])];
        var e = Assert.Throws<ArgumentException>(() => Figures.Line("p.png", "t", "x", "y", ragged, styled ? [new LineStyle(), new LineStyle()] : null));
        Assert.Equal("series[1] ('b') of figure 'p.png' has 3 x and 2 y values; x and y need the same, non-zero length. (Parameter 'series')", e.Message);
    }

    [Fact]
    public void Line_BadColour_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.Line("p.png", "t", "x", "y", Two, [new LineStyle("grey"), new LineStyle()]));
        Assert.StartsWith("styles[0] of figure 'p.png' has colour 'grey'; a colour is written #RRGGBB, e.g. #808080 for grey.", e.Message, StringComparison.Ordinal);
    }
}
