using System.CommandLine;
using ClassicalML.Data;

namespace ClassicalML.Cli;

/// <summary>Builds the <c>classicalml</c> root command from the command classes and runs it.</summary>
/// <remarks>To add a command (e.g. <c>eval</c>), write a class like <see cref="SplitCommand"/> and add it in <see cref="BuildRoot"/>.</remarks>
internal static class CliApp
{
    /// <summary>Exit code for bad input or bad arguments: one line on stderr, no stack trace.</summary>
    public const int UsageError = 2;

    public static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr, int exactCapacity = EvalCommand.DefaultExactCapacity)
    {
        var root = new RootCommand("classicalml: classical machine-learning tools (splits, evaluation).");
        root.Subcommands.Add(new SplitCommand(stdout, stderr).Command);
        root.Subcommands.Add(new EvalCommand(stdout, stderr, exactCapacity).Command);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; the in-process entry point used by Program.cs and the tests.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors, warnings and hints go.</param>
    /// <param name="exactCapacity">Rows up to which eval's ranking metrics are exact (smaller in tests).</param>
    /// <returns>0 on success, <see cref="UsageError"/> on bad input.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, int exactCapacity = EvalCommand.DefaultExactCapacity)
    {
        var root = BuildRoot(stdout, stderr, exactCapacity);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            var name = command is RootCommand ? "classicalml" : "classicalml " + command.Name;
            stderr.WriteLine($"{name}: {parse.Errors[0].Message} Run '{name} --help' for usage.");
            return UsageError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs a command's action; bad input becomes one line on <paramref name="stderr"/> and <see cref="UsageError"/>.</summary>
    /// <param name="command">The command's name, e.g. "split".</param>
    /// <param name="stderr">Where the error line goes.</param>
    /// <param name="action">The command's work.</param>
    /// <returns>0 on success, <see cref="UsageError"/> on bad input.</returns>
    public static int RunCommand(string command, TextWriter stderr, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is UsageException or DataFormatException)
        {
            stderr.WriteLine($"classicalml {command}: {e.Message}");
            return UsageError;
        }
        catch (ArgumentException e)
        {
            // Safety net: the commands' checks pre-empt library refusals; still one line, no stack trace.
            stderr.WriteLine($"classicalml {command}: {e.Message.ReplaceLineEndings(" ")}");
            return UsageError;
        }
    }
}

/// <summary>Bad input or arguments: reported as one line on stderr with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
