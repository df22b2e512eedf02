using System.Reflection;

namespace AiCoachBot.E2E.Tests.Support;

/// <summary>Where the pieces of the system under test are, found from the repository root (the folder holding AiCoachBot.sln).</summary>
public sealed class RepositoryLayout
{
    private RepositoryLayout(string root) => Root = root;

    public string Root { get; }

    /// <summary>The bot built with the same configuration and framework as these tests (the ProjectReference builds it first).</summary>
    public string BotDll => Path.Combine(Root, "src", "AiCoachBot.Host", "bin", BuildConfiguration, TargetFramework, "AiCoachBot.Host.dll");

    public string PlaygroundCli => Path.Combine(Root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    public string PlaygroundPreload => Path.Combine(Root, "scripts", "playground-loopback.cjs");

    public string TestFlows => Path.Combine(Root, "tests", "e2e", "AiCoachBot.E2E.Tests", "flows");

    private static string BuildConfiguration =>
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    // The test assembly runs from bin/<Configuration>/<TargetFramework>/.
    private static string TargetFramework => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;

    public static RepositoryLayout Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiCoachBot.sln"))) return new RepositoryLayout(dir.FullName);
        }
        throw new InvalidOperationException($"No AiCoachBot.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Fails early, with the command that fixes it, when a piece is missing.</summary>
    public void EnsureComplete()
    {
        Require(BotDll, "build the solution: dotnet build AiCoachBot.sln (scripts/test.sh does it)");
        Require(PlaygroundCli, "install the npm packages: npm ci (scripts/test.sh does it)");
        Require(PlaygroundPreload, "restore scripts/ from git");
    }

    private static void Require(string path, string fix)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"{path} is missing: {fix}.");
    }
}
