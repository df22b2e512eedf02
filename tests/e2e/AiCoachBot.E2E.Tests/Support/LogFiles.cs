namespace AiCoachBot.E2E.Tests.Support;

public static class LogFiles
{
    /// <summary>The last lines of a log another process may still be writing, under a header naming the file.</summary>
    public static string Tail(string path, int lines = 40)
    {
        if (!File.Exists(path)) return $"--- {path}: no such file ---";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        var tail = all.TakeLast(lines + 1).Select(line => line.TrimEnd('\r'));
        return $"--- last {lines} lines of {path} ---\n{string.Join('\n', tail).TrimEnd()}\n---";
    }
}
