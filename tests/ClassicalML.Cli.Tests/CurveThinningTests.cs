namespace ClassicalML.Cli.Tests;

public class CurveThinningTests
{
    [Fact]
    public void Thin_SmallCurve_KeepsEveryFinitePoint()
    {
        var (x, y) = CurveThinning.Thin([0, 0.5, double.NaN, 1], [0, 0.7, 0.8, 1]);

        Assert.Equal([0, 0.5, 1], x);
        Assert.Equal([0, 0.7, 1], y);
    }

    [Fact]
    public void Thin_LargeCurve_KeepsEndpointsAndTheMarkedPointAndDropsSubPixelSteps()
    {
        const int n = 200_001;
        double[] fpr = [.. Enumerable.Range(0, n).Select(i => (double)i / (n - 1))];
        double[] tpr = [.. fpr.Select(Math.Sqrt)];
        const int marked = 123_457;

        var (x, y) = CurveThinning.Thin(fpr, tpr, marked);

        Assert.True(x.Length < CurveThinning.MaxPoints, $"{x.Length} points kept");
        Assert.Equal((fpr[0], tpr[0]), (x[0], y[0]));
        Assert.Equal((fpr[^1], tpr[^1]), (x[^1], y[^1]));
        Assert.Contains(fpr[marked], x);
        for (int i = 1; i < x.Length - 1; i++)
        {
            Assert.True(Math.Abs(x[i] - x[i - 1]) + Math.Abs(y[i] - y[i - 1]) < 0.01, $"gap at {i}: the thinned line leaves the curve");
        }
    }
}
