using System.Text;
using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// When the words of a described problem match no pitfall's symptoms, the language model (if there is one) may name
/// up to three candidates. They only decide which questions come first: only the rules ever score a pitfall.
/// The description is masked before it leaves, and a reply naming anything but the listed ids is ignored.
/// </summary>
public sealed partial class PitfallSuggester(CoachingContent content, IChatModel? model, TokenBudget budget, CoachOptions options, TimeProvider time, ILogger logger)
{
    public const int MaxCandidates = 3;

    public async Task<IReadOnlyList<Pitfall>> SuggestAsync(string description, string phase, string tenantId, string userId, IReadOnlyList<string> knownNames, CancellationToken cancellationToken)
    {
        if (model is null || string.IsNullOrWhiteSpace(description)) return [];
        if (!await budget.HasRoomAsync(tenantId, userId, cancellationToken)) return [];
        var candidates = content.Diagnostic.Pitfalls.Where(p => p.BitesIn(phase)).ToList();
        var list = new StringBuilder();
        foreach (var p in candidates) list.Append(p.Id).Append(": ").Append(p.Name.En).Append(": ").Append(p.Description.En).Append('\n');
        var user = $"<pitfalls>\n{CoachRequest.Neutralize(list.ToString().TrimEnd())}\n</pitfalls>\n<description>\n{CoachRequest.Neutralize(PersonalDataMasker.Mask(description, knownNames))}\n</description>\n";
        ChatReply reply;
        using (var deadline = new CancellationTokenSource(options.ModelDeadline, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token))
        {
            try { reply = await model.CompleteAsync(new ChatRequest(content.Prompts.Pitfalls, user, 40), linked.Token); }
            catch (Exception ex) when (ex is ChatModelUnavailableException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                CoachLog.ModelUnavailable(logger, 0, ex.Message);
                return [];
            }
        }
        CoachLog.ModelCall(logger, reply.Model, reply.InputTokens, reply.OutputTokens, 0, "pitfalls");
        await budget.ChargeAsync(tenantId, userId, reply.TotalTokens, cancellationToken);
        var byId = candidates.ToDictionary(p => p.Id);
        return Id().Matches(reply.Text ?? "").Select(m => byId.GetValueOrDefault(m.Value)).OfType<Pitfall>().Distinct().Take(MaxCandidates).ToList();
    }

    [GeneratedRegex("[a-z][a-z_]+")]
    private static partial Regex Id();
}
