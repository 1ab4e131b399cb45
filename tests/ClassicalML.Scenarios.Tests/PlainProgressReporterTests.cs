namespace ClassicalML.Scenarios.Tests;

public class PlainProgressReporterTests
{
    [Fact]
    public void Report_ManyStepsInLittleTime_FirstThenAtMostOncePer5sThenLast()
    {
        var clock = new ManualClock();
        var (reporter, text) = Create(clock);

        for (int step = 1; step <= 47; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            reporter.Report("model fits", step, 47);
        }

        Assert.Equal(
        [
            "imbalanced-data: step 1/47 (model fits), 1 s",
            "imbalanced-data: step 6/47 (model fits), 6 s",
            "imbalanced-data: step 11/47 (model fits), 11 s",
            "imbalanced-data: step 16/47 (model fits), 16 s",
            "imbalanced-data: step 21/47 (model fits), 21 s",
            "imbalanced-data: step 26/47 (model fits), 26 s",
            "imbalanced-data: step 31/47 (model fits), 31 s",
            "imbalanced-data: step 36/47 (model fits), 36 s",
            "imbalanced-data: step 41/47 (model fits), 41 s",
            "imbalanced-data: step 46/47 (model fits), 46 s",
            "imbalanced-data: step 47/47 (model fits), 47 s",
        ], Lines(text));
    }

    [Fact]
    public void Report_NewStage_AlwaysShownAtOnce()
    {
        var clock = new ManualClock();
        var (reporter, text) = Create(clock);

        reporter.Report("a", 0, 3);
        reporter.Report("a", 1, 3);
        reporter.Report("b", 0, 2);
        clock.Advance(TimeSpan.FromSeconds(2.5));
        reporter.Report("b", 2, 2);

        Assert.Equal(["imbalanced-data: step 0/3 (a), 0 s", "imbalanced-data: step 0/2 (b), 0 s", "imbalanced-data: step 2/2 (b), 2 s"], Lines(text));
    }

    private static (PlainProgressReporter Reporter, StringWriter Text) Create(TimeProvider clock)
    {
        var text = new StringWriter();
        return (new PlainProgressReporter(HostRun.PlainConsole(text), "imbalanced-data", clock), text);
    }

    private static string[] Lines(StringWriter text) => text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
