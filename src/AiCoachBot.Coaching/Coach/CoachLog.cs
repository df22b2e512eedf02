using Microsoft.Extensions.Logging;

namespace AiCoachBot.Coaching.Coach;

internal static partial class CoachLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Coach model call: model {Model}, {InputTokens} input and {OutputTokens} output tokens, {Milliseconds} ms, {Purpose}")]
    public static partial void ModelCall(ILogger logger, string model, int inputTokens, int outputTokens, long milliseconds, string purpose);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Coach model unavailable after {Milliseconds} ms ({Reason}): the offline answer was given")]
    public static partial void ModelUnavailable(ILogger logger, long milliseconds, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Coach model reply rejected (empty or reciting its instructions): the offline answer was given")]
    public static partial void ReplyRejected(ILogger logger);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Coach daily token budget spent ({Tokens} tokens): the offline answer was given")]
    public static partial void BudgetSpent(ILogger logger, int tokens);
}
