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
        Assert.StartsWith("styles of figure 'p.png' has 1 entries for 2 series; pass one style per series or null.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_BadColour_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.Line("p.png", "t", "x", "y", Two, [new LineStyle("grey"), new LineStyle()]));
        Assert.StartsWith("styles[0] of figure 'p.png' has colour 'grey'; a colour is written #RRGGBB, e.g. #808080 for grey.", e.Message, StringComparison.Ordinal);
    }
}
