using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ClassicalML.Scenarios;

/// <summary>A report folder that is replaced only after a run succeeded: the run writes into a sibling staging folder
/// (<c>&lt;name&gt;.staging-&lt;pid&gt;</c>, same parent), and <see cref="Commit"/> swaps it in by renames.</summary>
/// <remarks>
/// <para>A failed run, an exception or an interruption (<see cref="Abandon"/> from a SIGINT/SIGTERM handler) deletes the
/// staging folder and leaves the previous folder untouched. <see cref="Commit"/> renames the previous folder aside
/// (<c>&lt;name&gt;.old-&lt;pid&gt;</c>), renames the staging folder to the target, then deletes the old one; renames within
/// one parent are atomic, so the target is always either the old report or the new one.</para>
/// <para>A process killed outright (SIGKILL) cannot clean up: the next <see cref="Create"/> for the same target removes
/// its leftovers, and puts the old folder back if the kill fell between the two renames.</para>
/// </remarks>
internal sealed partial class StagedFolder : IDisposable
{
    /// <summary>The files a report folder holds; an existing folder with anything else is not replaced.</summary>
    private static readonly string[] ReportFiles = ["report.json", "report.md", ScenarioReport.TimingsJsonFile, ScenarioReport.TimingsMarkdownFile];

    private readonly Lock _lock = new();
    private bool _finished;

    private StagedFolder(string target, string staging)
    {
        Target = target;
        Staging = staging;
    }

    /// <summary>The folder the report ends up in (full path).</summary>
    public string Target { get; }

    /// <summary>The folder the run writes into (full path).</summary>
    public string Staging { get; }

    /// <summary>Whether a folder name is a staging or set-aside folder (never a report to list or compare).</summary>
    /// <param name="folderName">A folder's name, without its parent.</param>
    /// <returns>True for <c>x.staging-123</c> and <c>x.old-123</c>.</returns>
    public static bool IsTransient(string folderName) => TransientName().IsMatch(folderName);

    /// <summary>Checks the target and creates the staging folder, before any work, so that a bad output folder fails fast.</summary>
    /// <param name="target">The output folder (created if missing; an existing one must be a report folder or empty).</param>
    /// <param name="label">How the folder is named in messages, e.g. <c>--out</c>.</param>
    /// <returns>The staged folder; dispose it (or call <see cref="Abandon"/>) unless committed.</returns>
    /// <exception cref="OutputFolderException">The target is a file, a folder holding other files, the file-system root, or cannot be written.</exception>
    public static StagedFolder Create(string target, string label)
    {
        ArgumentNullException.ThrowIfNull(target);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        string? parent = Path.GetDirectoryName(full);
        string name = Path.GetFileName(full);
        if (parent is null || name.Length == 0)
        {
            throw Problem(label, target, "is the root of a file system; pass a folder below it");
        }

        if (File.Exists(full))
        {
            throw Problem(label, target, "is an existing file; pass a folder (it is created if missing, and replaced only after a successful run)");
        }

        if (ForeignEntry(full) is { } foreign)
        {
            throw Problem(label, target,
                $"is a folder that is not a scenario report (it holds '{foreign}'); pass a new or empty folder, or an earlier report folder to replace");
        }

        try
        {
            Directory.CreateDirectory(parent);
            RemoveLeftovers(parent, name, full);
            string staging = Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $"{name}.staging-{Environment.ProcessId}"));
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            Directory.CreateDirectory(staging);
            return new StagedFolder(full, staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Problem(label, target, $"cannot be written ({ScenarioHost.OneLine(e.Message)}); pass a folder you can write to");
        }
    }

    /// <summary>Replaces the target with the staging folder.</summary>
    /// <exception cref="InvalidOperationException">The folder was abandoned (the run was interrupted) or already committed.</exception>
    /// <exception cref="IOException">A rename failed; the previous folder is then back in place.</exception>
    public void Commit()
    {
        string aside = string.Create(CultureInfo.InvariantCulture, $"{Target}.old-{Environment.ProcessId}");
        bool replaced;
        lock (_lock)
        {
            if (_finished)
            {
                throw new InvalidOperationException($"The staging folder '{Staging}' was abandoned or already committed; the run was interrupted, so '{Target}' was left as it was.");
            }

            replaced = Directory.Exists(Target);
            if (replaced)
            {
                Directory.Move(Target, aside);
            }

            try
            {
                Directory.Move(Staging, Target);
            }
            catch
            {
                if (replaced)
                {
                    Directory.Move(aside, Target);
                }

                throw;
            }

            _finished = true;
        }

        if (replaced)
        {
            TryDelete(aside);
        }
    }

    /// <summary>Deletes the staging folder unless committed; the target stays as it was. Safe to call from a signal handler, and more than once.</summary>
    /// <returns>True when this call abandoned the run; false when it was already committed or abandoned.</returns>
    public bool Abandon()
    {
        lock (_lock)
        {
            if (_finished)
            {
                return false;
            }

            _finished = true;
            TryDelete(Staging);
            return true;
        }
    }

    /// <summary>Abandons the staging folder unless it was committed (see <see cref="Abandon"/>).</summary>
    public void Dispose() => Abandon();

    private static string? ForeignEntry(string folder)
    {
        if (!Directory.Exists(folder) || File.Exists(Path.Combine(folder, "report.json")))
        {
            return null;
        }

        return Directory.EnumerateFileSystemEntries(folder)
            .Select(Path.GetFileName)
            .Where(entry => !(File.Exists(Path.Combine(folder, entry!))
                && (ReportFiles.Contains(entry) || entry!.EndsWith(".png", StringComparison.OrdinalIgnoreCase))))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>Removes what killed runs left for this target: set-aside folders go back in place when the target is
    /// missing (else they are deleted), staging folders are deleted; folders of a process still running are left alone.</summary>
    private static void RemoveLeftovers(string parent, string name, string target)
    {
        foreach (var kind in new[] { "old", "staging" })
        {
            foreach (var folder in Directory.EnumerateDirectories(parent, $"{name}.{kind}-*").Order(StringComparer.Ordinal))
            {
                if (!int.TryParse(folder.AsSpan(folder.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                    || (pid != Environment.ProcessId && IsRunning(pid)))
                {
                    continue;
                }

                if (kind == "old" && !Directory.Exists(target))
                {
                    Directory.Move(folder, target);
                }
                else
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's RemoveLeftovers; never listed as a report (IsTransient).
        }
    }

    private static OutputFolderException Problem(string label, string target, string problem) =>
        new($"{label} is '{target}', which {problem}.");

    [GeneratedRegex(@"\.(staging|old)-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TransientName();
}

/// <summary>The output folder of a scenario cannot be used: it is a file, a folder of other files, or not writable.</summary>
public sealed class OutputFolderException : IOException
{
    /// <summary>Creates the exception.</summary>
    public OutputFolderException()
    {
    }

    /// <summary>Creates the exception with its one-line message.</summary>
    /// <param name="message">What is wrong with the folder and what to pass instead.</param>
    public OutputFolderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    /// <param name="message">What is wrong with the folder and what to pass instead.</param>
    /// <param name="innerException">The cause.</param>
    public OutputFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
