using System.Diagnostics;

namespace AiCoachBot.Deployment.Tests;

/// <summary>Where the repository's files are, and running its node scripts.</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "AiCoachBot.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("AiCoachBot.sln not found above the test folder.");
        }
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Runs <c>node scripts/validate-manifest.mjs target</c>: its exit code and what it printed.</summary>
    public static (int ExitCode, string Output) ValidateManifest(string target)
    {
        var start = new ProcessStartInfo("node", [Path("scripts", "validate-manifest.mjs"), target])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started: scripts/test.sh installs it.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1))) { process.Kill(); throw new TimeoutException("the manifest validator did not finish"); }
        return (process.ExitCode, output.Result + error.Result);
    }
}
