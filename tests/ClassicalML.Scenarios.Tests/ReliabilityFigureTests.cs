using System.Buffers.Binary;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.Tests;

public class ReliabilityFigureTests
{
    private static readonly bool[] Labels = [.. Enumerable.Range(0, 200).Select(i => i % 3 == 0 || i % 7 == 0)];
    private static readonly double[] Calibrated = [.. Enumerable.Range(0, 200).Select(i => ((i * 37) % 200) / 199.0)];
    private static readonly double[] Overconfident = [.. Calibrated.Select(p => p < 0.5 ? p / 2 : 0.5 + (p / 2))];

    [Fact]
    public void Reliability_TwoModels_RendersAPngOfTheFigureSize()
    {
        var figure = Figures.Reliability("reliability.png", "Reliability",
        [
            new NamedReliabilityCurve("a", Calibration.Curve(Labels, Calibrated, bins: 10)),
            new NamedReliabilityCurve("b", Calibration.Curve(Labels, Overconfident, bins: 5, strategy: CalibrationBinning.Quantile)),
        ]);

        byte[] png = figure.RenderPng();

        Assert.Equal("reliability.png", figure.FileName);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(Figure.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(Figure.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 15_000, $"{png.Length} bytes: a two-panel diagram with curves, bars and legends has far more than a blank image.");
    }

    [Fact]
    public void Reliability_SameCurvesTwice_SamePngBytes()
    {
        static Figure Make() => Figures.Reliability("r.png", "R", [new NamedReliabilityCurve("model", Calibration.Curve(Labels, Calibrated))]);

        Assert.Equal(Make().RenderPng(), Make().RenderPng());
    }

    [Fact]
    public void Reliability_NoCurve_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.Reliability("r.png", "R", []));
        Assert.StartsWith("curves is empty", e.Message, StringComparison.Ordinal);
    }
}
