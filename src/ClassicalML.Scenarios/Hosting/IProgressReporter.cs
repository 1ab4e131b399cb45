namespace ClassicalML.Scenarios;

/// <summary>Receives a scenario's progress; the host shows it as a live progress display or, when the
/// output is not interactive, as plain lines.</summary>
public interface IProgressReporter
{
    /// <summary>Reports that <paramref name="completed"/> of <paramref name="total"/> steps of a stage are done.</summary>
    /// <param name="stage">The stage's name, e.g. "stratified 5-fold CV"; a new name starts a new stage.</param>
    /// <param name="completed">Steps done so far (0 to <paramref name="total"/>).</param>
    /// <param name="total">Steps in the stage (1 or more).</param>
    void Report(string stage, int completed, int total);
}

/// <summary>A progress reporter that ignores every report (for tests and library use).</summary>
public sealed class NullProgressReporter : IProgressReporter
{
    private NullProgressReporter()
    {
    }

    /// <summary>The single instance.</summary>
    public static NullProgressReporter Instance { get; } = new();

    /// <inheritdoc/>
    public void Report(string stage, int completed, int total)
    {
    }
}
