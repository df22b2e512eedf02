namespace AiCoachBot.Coaching.Content;

/// <summary>Content that cannot be served. Each error reads "file:line: reason" so an editor can go straight to it.</summary>
public sealed class ContentValidationException(IReadOnlyList<string> errors)
    : Exception($"The content files have {errors.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
