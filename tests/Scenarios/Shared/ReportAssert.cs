using System.Text.Json.Nodes;

namespace ClassicalML.Scenarios.Testing;

/// <summary>Assertions on scenario reports, shared by the scenario test projects.</summary>
internal static class ReportAssert
{
    /// <summary>
    /// Two report.json texts from runs with the same settings: everything outside <c>timings</c> is byte-identical,
    /// and the timing tables have the same names, rows, columns and text cells (only their wall-clock numbers may
    /// differ, exactly what <c>./run-all.sh --check</c> tolerates).
    /// </summary>
    public static void IdenticalApartFromTimings(string first, string second)
    {
        var (a, b) = (JsonNode.Parse(first)!.AsObject(), JsonNode.Parse(second)!.AsObject());
        a.Remove("timings");
        b.Remove("timings");
        Assert.Equal(a.ToJsonString(), b.ToJsonString());
        Assert.Empty(ReportComparer.Compare(first, second, tolerance: 0));
    }
}
