namespace AiCoachBot.Coaching.Content;

public sealed class ContentErrors
{
    private readonly List<string> _errors = [];

    public void Add(string file, long line, string reason) => _errors.Add($"{file}:{line}: {reason}");

    public bool Any => _errors.Count > 0;

    public void ThrowIfAny()
    {
        if (Any) throw new ContentValidationException(_errors);
    }
}
