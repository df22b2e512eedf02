namespace AiCoachBot.Coaching.Tests.Support;

internal static class Paths
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiCoachBot.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("AiCoachBot.sln not found above the test folder.");
        }
    }

    public static string Content => Path.Combine(RepositoryRoot, "src", "content");

    public static string TestFlows => Path.Combine(AppContext.BaseDirectory, "flows");
}
