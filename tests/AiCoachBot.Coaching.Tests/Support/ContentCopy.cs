namespace AiCoachBot.Coaching.Tests.Support;

/// <summary>A throw-away copy of the real content folder, to break one file and see what start-up says.</summary>
internal sealed class ContentCopy : IDisposable
{
    public ContentCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "aicoach-content-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(Paths.Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(Paths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text);
        File.WriteAllText(path, text.Replace(oldText, newText));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
