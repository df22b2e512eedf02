namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// A language model that writes the coach's explanations. It only explains: nothing it says changes a score.
/// Throws <see cref="ChatModelUnavailableException"/> when it cannot answer (down, throttled, too slow, refused).
/// </summary>
public interface IChatModel
{
    Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken);
}

/// <summary>The instructions (<see cref="System"/>) and the data (<see cref="User"/>) of one call.</summary>
public sealed record ChatRequest(string System, string User, int MaxOutputTokens);

public sealed record ChatReply(string Text, int InputTokens, int OutputTokens, string Model)
{
    public int TotalTokens => InputTokens + OutputTokens;
}

public sealed class ChatModelUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>The model the configuration names, or none: the coach then answers offline.</summary>
public sealed record ConfiguredChatModel(IChatModel? Model);
