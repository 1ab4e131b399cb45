namespace ClassicalML.Cli;

/// <summary>
/// Which points of a curve <c>eval --plot</c> draws. For drawing only: a curve of millions of points (one per distinct
/// score) is thinned to the points that move the line by at least <see cref="MinStep"/> of the unit square (under a
/// pixel at the figures' size), always keeping the first and last point and the operating point's, so the drawn line
/// is the exact curve to within a pixel; every number printed or written to JSON comes from the full curve.
/// </summary>
internal static class CurveThinning
{
    /// <summary>Curves up to this many points are drawn whole.</summary>
    internal const int MaxPoints = 4000;

    /// <summary>The smallest move (|dx| + |dy|, in units of the [0, 1] axes) that keeps a point: 1/2000.</summary>
    internal const double MinStep = 1.0 / 2000;

    /// <summary>The finite points of (<paramref name="x"/>, <paramref name="y"/>) to draw, thinned above <see cref="MaxPoints"/>.</summary>
    /// <param name="x">The x values.</param>
    /// <param name="y">The y values, as many as <paramref name="x"/>.</param>
    /// <param name="keep">Indices to keep whatever the thinning does (the operating point's), or -1 for none.</param>
    /// <returns>The kept x and y values, in curve order; non-finite points (an undefined rate) are left out.</returns>
    public static (double[] X, double[] Y) Thin(IReadOnlyList<double> x, IReadOnlyList<double> y, int keep = -1)
    {
        var xs = new List<double>(Math.Min(x.Count, MaxPoints + 2));
        var ys = new List<double>(xs.Capacity);
        bool thin = x.Count > MaxPoints;
        int last = -1;
        for (int i = 0; i < x.Count; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                continue;
            }

            bool endpoint = last < 0 || i == x.Count - 1 || i == keep;
            if (!thin || endpoint || Math.Abs(x[i] - x[last]) + Math.Abs(y[i] - y[last]) >= MinStep)
            {
                xs.Add(x[i]);
                ys.Add(y[i]);
                last = i;
            }
        }

        return ([.. xs], [.. ys]);
    }
}
