using System.Globalization;
using Spectre.Console;

namespace ClassicalML.Scenarios;

/// <summary>Progress as plain lines for logs (CI, redirected output), e.g. <c>imbalanced-data: step 12/47 (letter: methods), 38 s</c>.</summary>
/// <remarks>A line is printed at a stage's first report and its last step, and in between at most once per
/// <see cref="Interval"/>, so a log shows that a long run is alive without one line per step. The elapsed time counts
/// from the reporter's creation (the start of the run); it is shown on the console only, never written to a report.</remarks>
internal sealed class PlainProgressReporter : IProgressReporter
{
    /// <summary>The shortest time between two lines of the same stage (first and last steps are always shown).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly IAnsiConsole _console;
    private readonly string _id;
    private readonly TimeProvider _clock;
    private readonly long _start;
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _lastLine;

    public PlainProgressReporter(IAnsiConsole console, string id, TimeProvider clock)
    {
        _console = console;
        _id = id;
        _clock = clock;
        _start = clock.GetTimestamp();
        _lastLine = _start;
    }

    public void Report(string stage, int completed, int total)
    {
        lock (_lock)
        {
            long now = _clock.GetTimestamp();
            bool first = _started.Add(stage);
            bool last = completed >= total;
            if (!first && !last && _clock.GetElapsedTime(_lastLine, now) < Interval)
            {
                return;
            }

            _lastLine = now;
            double seconds = Math.Floor(_clock.GetElapsedTime(_start, now).TotalSeconds);
            _console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_id}: step {completed}/{total} ({stage}), {seconds} s"));
        }
    }
}
