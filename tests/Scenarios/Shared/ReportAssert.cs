using System.Text.Json.Nodes;

namespace ClassicalML.Scenarios.Testing;

/// <summary>Assertions on scenario reports, shared by the scenario test projects.</summary>
internal static class ReportAssert
{
    /// <summary>
    /// Two report.json texts from runs with the same settings are byte-identical and structurally equal. The
    /// wall-clock timings, the one part that differs between runs, are written to timings.json beside the report,
    /// never into it (the name is kept from when report.json held them).
    /// </summary>
    public static void IdenticalApartFromTimings(string first, string second)
    {
        Assert.False(JsonNode.Parse(first)!.AsObject().ContainsKey("timings"), "report.json must not hold wall-clock timings; they go to timings.json");
        Assert.Equal(first, second);
        Assert.Empty(ReportComparer.Compare(first, second, tolerance: 0));
    }
}
