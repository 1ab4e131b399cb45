using Spectre.Console;

namespace ClassicalML.Scenarios;

/// <summary>Progress on an interactive terminal: one live progress bar per stage.</summary>
internal sealed class LiveProgressReporter(ProgressContext context) : IProgressReporter
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Report(string stage, int completed, int total)
    {
        lock (_lock)
        {
            if (!_tasks.TryGetValue(stage, out var task))
            {
                task = context.AddTask(Markup.Escape(stage), maxValue: Math.Max(total, 1));
                _tasks.Add(stage, task);
            }

            task.MaxValue = Math.Max(total, 1);
            task.Value = Math.Clamp(completed, 0, task.MaxValue);
        }
    }
}
