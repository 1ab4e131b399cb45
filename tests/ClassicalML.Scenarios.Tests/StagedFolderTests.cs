using System.Security.Cryptography;
using System.Text.Json;

namespace ClassicalML.Scenarios.Tests;

/// <summary>The output folder is checked up front and replaced only after a successful run.</summary>
public class StagedFolderTests
{
    /// <summary>A process id that cannot be running (Linux caps ids at 2^22, Windows uses multiples of 4).</summary>
    private const int DeadPid = int.MaxValue;

    [Fact]
    public void Run_ScenarioFails_PreviousResultsByteIdenticalAndNoStagingLeft()
    {
        using var dir = new TempDirectory();
        string target = dir.Combine("results", "failing");
        WritePreviousReport(target);
        string before = Fingerprint(target);

        var run = HostRun.Of(new FailingScenario(), "--out", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(before, Fingerprint(target));
        Assert.Equal(["failing"], Directory.GetDirectories(dir.Combine("results")).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_Succeeds_ReplacesWholeFolderAndLeavesNothingBeside()
    {
        using var dir = new TempDirectory();
        string target = dir.Combine("results", "two-samples");
        WritePreviousReport(target);

        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--quick", "--out", target).ExitCode);

        Assert.False(File.Exists(Path.Combine(target, "old.png")), "files of the previous report must not survive the replacement");
        Assert.Equal("two-samples", JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "report.json"))).RootElement.GetProperty("id").GetString());
        Assert.Equal(["two-samples"], Directory.GetFileSystemEntries(dir.Combine("results")).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_OutIsAFile_OneLineBeforeAnyWorkExit2()
    {
        using var dir = new TempDirectory();
        string file = dir.Combine("taken.txt");
        File.WriteAllText(file, "mine");
        var scenario = new TwoSamplesScenario();

        var run = HostRun.Of(scenario, "--quick", "--out", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"two-samples: --out is '{file}', which is an existing file; pass a folder (it is created if missing, and replaced only after a successful run).", run.Error.TrimEnd());
        Assert.Equal(0, scenario.Runs);
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Fact]
    public void Run_OutBelowAFile_CannotBeWrittenExit2()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("taken.txt"), "mine");
        string target = dir.Combine("taken.txt", "report");
        var scenario = new TwoSamplesScenario();

        var run = HostRun.Of(scenario, "--quick", "--out", target);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"two-samples: --out is '{target}', which cannot be written (", run.Error);
        Assert.EndsWith("); pass a folder you can write to.", run.Error.TrimEnd());
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Equal(0, scenario.Runs);
    }

    [Fact]
    public void Run_OutIsAFolderOfOtherFiles_RefusedAndLeftAlone()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("notes.txt"), "mine");
        var scenario = new TwoSamplesScenario();

        var run = HostRun.Of(scenario, "--quick", "--out", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"two-samples: --out is '{dir.Path}', which is a folder that is not a scenario report (it holds 'notes.txt'); pass a new or empty folder, or an earlier report folder to replace.", run.Error.TrimEnd());
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_OutIsAnEmptyFolderWithTrailingSlash_Used()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("empty"));

        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--quick", "--out", dir.Combine("empty") + Path.DirectorySeparatorChar).ExitCode);
        Assert.True(File.Exists(dir.Combine("empty", "report.json")));
    }

    [Fact]
    public void Abandon_BeforeCommit_StagingRemovedTargetUntouchedCommitRefused()
    {
        using var dir = new TempDirectory();
        string target = dir.Combine("x");
        WritePreviousReport(target);
        string before = Fingerprint(target);
        var staged = StagedFolder.Create(target, "--out");
        File.WriteAllText(Path.Combine(staged.Staging, "report.json"), "{}");

        Assert.True(staged.Abandon());
        Assert.False(staged.Abandon());

        Assert.False(Directory.Exists(staged.Staging));
        Assert.Equal(before, Fingerprint(target));
        var e = Assert.Throws<InvalidOperationException>(staged.Commit);
        Assert.Contains("was left as it was", e.Message);
    }

    [Fact]
    public void Commit_ThenAbandon_KeepsTheNewReport()
    {
        using var dir = new TempDirectory();
        string target = dir.Combine("x");
        using var staged = StagedFolder.Create(target, "--out");
        File.WriteAllText(Path.Combine(staged.Staging, "report.json"), "{\"new\": true}");

        staged.Commit();

        Assert.False(staged.Abandon());
        Assert.Equal("{\"new\": true}", File.ReadAllText(Path.Combine(target, "report.json")));
        Assert.Equal(["x"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Create_LeftoversOfAKilledRun_StagingRemovedSetAsideRestored()
    {
        using var dir = new TempDirectory();
        string target = dir.Combine("x");
        // A run killed between its two renames: the previous report is set aside, the new one is still staged.
        WritePreviousReport($"{target}.old-{DeadPid}");
        string before = Fingerprint($"{target}.old-{DeadPid}");
        Directory.CreateDirectory($"{target}.staging-{DeadPid}");
        File.WriteAllText($"{target}.staging-{DeadPid}/report.json", "{}");

        using var staged = StagedFolder.Create(target, "--out");

        Assert.Equal(before, Fingerprint(target));
        Assert.Equal(["x", Path.GetFileName(staged.Staging)], Directory.GetDirectories(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("stratified-cv.staging-123", true)]
    [InlineData("stratified-cv.old-9", true)]
    [InlineData("stratified-cv", false)]
    [InlineData("stratified-cv.staging-", false)]
    [InlineData("old-123", false)]
    public void IsTransient_OnlyStagingAndSetAsideFolders(string name, bool expected)
    {
        Assert.Equal(expected, StagedFolder.IsTransient(name));
    }

    [Fact]
    public void Run_WithTimings_TimingsBesideTheReportNotInIt()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario { WithTimings = true }, "--quick", "--out", dir.Path).ExitCode);

        Assert.DoesNotContain("timings", File.ReadAllText(dir.Combine("report.json")), StringComparison.Ordinal);
        using var timings = JsonDocument.Parse(File.ReadAllText(dir.Combine("timings.json")));
        Assert.Equal(0.125, timings.RootElement.GetProperty("timings").GetProperty("stage-times")[0].GetProperty("seconds").GetDouble());
        Assert.Contains("[timings.md](timings.md)", File.ReadAllText(dir.Combine("report.md")), StringComparison.Ordinal);
        Assert.Contains("| drawing | 0.125 |", File.ReadAllText(dir.Combine("timings.md")), StringComparison.Ordinal);
    }

    private static void WritePreviousReport(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "report.json"), """{"id": "previous"}""");
        File.WriteAllText(Path.Combine(folder, "report.md"), "# previous\n");
        File.WriteAllBytes(Path.Combine(folder, "old.png"), [1, 2, 3]);
    }

    /// <summary>Names and SHA-256 of every file in a folder: equal fingerprints mean byte-identical folders.</summary>
    private static string Fingerprint(string folder) =>
        string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));
}
