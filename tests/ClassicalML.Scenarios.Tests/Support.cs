using Spectre.Console;

namespace ClassicalML.Scenarios.Tests;

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "classicalml-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Runs the host with captured, non-interactive output.</summary>
internal sealed record HostRun(int ExitCode, string Console, string Output, string Error)
{
    public static HostRun Of<TSettings>(Scenario<TSettings> scenario, params string[] args)
        where TSettings : ScenarioSettings
    {
        var consoleText = new StringWriter();
        var console = PlainConsole(consoleText);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ScenarioHost.Run(scenario, args, console, output, error);
        return new HostRun(code, consoleText.ToString(), output.ToString(), error.ToString());
    }

    /// <summary>A non-interactive console without colours or escape codes writing into <paramref name="text"/>, as in a CI log.</summary>
    public static IAnsiConsole PlainConsole(TextWriter text) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(text),
    });
}
