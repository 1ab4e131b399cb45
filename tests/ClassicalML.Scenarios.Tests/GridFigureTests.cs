namespace ClassicalML.Scenarios.Tests;

public sealed class GridFigureTests
{
    private static CellGrid Grid(double[,]? values = null, string[,]? texts = null, double span = 0.1) => new(
        "Folds", "fold", ["plain", "stratified"], ["1", "2", "3"],
        values ?? new double[,] { { 0.0, 0.2, double.NaN }, { 0.1, 0.1, 0.1 } },
        texts ?? new string[,] { { "0/10", "2/10", "empty" }, { "1/10", "1/10", "1/10" } },
        0.1,
        span);

    [Fact]
    public void Grid_Render_GivesIdenticalPngTwice()
    {
        byte[] first = Figures.Grid("grid.png", Grid(), "white = 10%").RenderPng();
        byte[] second = Figures.Grid("grid.png", Grid(), "white = 10%").RenderPng();
        Assert.True(first.Length > 1000);
        Assert.Equal(first, second);
        Assert.Equal("Folds", Figures.Grid("grid.png", Grid()).Title);
    }

    [Fact]
    public void Grid_ValuesOfWrongShape_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.Grid("grid.png", Grid(values: new double[2, 2])));
        Assert.StartsWith("grid of figure 'grid.png' has 2 x 3 labels but values are 2 x 2 and texts 2 x 3; pass one value and one text per cell.", e.Message);
    }

    [Fact]
    public void Grid_NonPositiveSpan_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Figures.Grid("grid.png", Grid(span: 0)));
        Assert.StartsWith("grid.Span is 0; it must be a finite number greater than 0. Pass e.g. the size of the overall share (figure 'grid.png').", e.Message);
    }

    [Fact]
    public void Grid_BadFileName_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.Grid("../grid.png", Grid()));
        Assert.StartsWith("fileName is '../grid.png'", e.Message);
    }

    [Theory]
    [InlineData(0.1, 255, 255, 255)] // reference: white
    [InlineData(0.2, 255, 0, 0)] // reference + span: red
    [InlineData(0.5, 255, 0, 0)] // beyond: clamped red
    [InlineData(0.0, 0, 0, 255)] // reference - span: blue
    [InlineData(0.15, 255, 128, 128)] // half way to red
    public void ColorOf_Value_FollowsTheScale(double value, byte r, byte g, byte b)
    {
        var c = CellGridFigure.ColorOf(value, 0.1, 0.1);
        Assert.Equal((r, g, b), (c.R, c.G, c.B));
    }

    [Fact]
    public void ColorOf_NaN_IsGrey()
    {
        var c = CellGridFigure.ColorOf(double.NaN, 0.1, 0.1);
        Assert.Equal((200, 200, 200), (c.R, c.G, c.B));
    }
}
