using System.Globalization;
using System.Text;
using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using Microsoft.Extensions.Logging;

namespace AiCoachBot.Coaching.Retros;

/// <summary>
/// With a language model configured, a short narrative of a closed retro: from its structured summary only, with
/// personal data masked (every name the bot knows in the conversation), within the closer's budget and the model
/// deadline. Without a model, or when it fails, there is none: the structured summary is complete on its own.
/// </summary>
public sealed class RetroNarrator(CoachingContent content, IChatModel? model, TokenBudget budget, CoachOptions options, TimeProvider time, ILogger logger)
{
    public const int MaxWords = 120;

    private readonly RetroCardParts _parts = new(content);

    public bool IsConfigured => model is not null;

    public async Task<string?> NarrateAsync(Retrospective closed, IReadOnlyList<KpiResult> kpis, IReadOnlyList<string> names, string tenantId, string userId, CancellationToken cancellationToken)
    {
        if (model is null || closed.Outcome is not { } outcome) return null;
        if (!await budget.HasRoomAsync(tenantId, userId, cancellationToken)) return null;
        var language = Languages.FromLocale(closed.Language);
        var instructions = CoachPrompts.Fill(content.Prompts.Retro, language, MaxWords);
        var facts = CoachRequest.Neutralize(PersonalDataMasker.Mask(Facts(closed, outcome, kpis, language), names));
        ChatReply reply;
        using (var deadline = new CancellationTokenSource(options.ModelDeadline, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token))
        {
            try { reply = await model.CompleteAsync(new ChatRequest(instructions, $"<retro>\n{facts}\n</retro>\n", options.MaxOutputTokens), linked.Token); }
            catch (Exception ex) when (ex is ChatModelUnavailableException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                CoachLog.ModelUnavailable(logger, 0, ex is ChatModelUnavailableException ? ex.Message : "deadline passed");
                return null;
            }
        }
        CoachLog.ModelCall(logger, reply.Model, reply.InputTokens, reply.OutputTokens, 0, "retro");
        await budget.ChargeAsync(tenantId, userId, reply.TotalTokens, cancellationToken);
        var usable = ModelAnswerCheck.Check(reply.Text, [], instructions);
        if (usable is null) CoachLog.ReplyRejected(logger);
        return usable?.Text;
    }

    /// <summary>
    /// The retro as the model sees it: the template, KPI lines, the items that mattered, the pitfalls, the decision and
    /// the actions; never an author, a voter or the project's name, and no count that the cards themselves hide.
    /// </summary>
    private string Facts(Retrospective closed, RetroOutcome outcome, IReadOnlyList<KpiResult> kpis, Language language)
    {
        var counted = closed.CountsShown;
        var text = new StringBuilder();
        text.Append("template: ").Append(_parts.Template(closed).Title.En).Append('\n');
        text.Append("contributors: ").Append(counted ? closed.Contributors.ToString(CultureInfo.InvariantCulture) : "fewer than three").Append('\n');
        foreach (var kpi in kpis) text.Append("kpi: ").Append(_parts.KpiLine(kpi, language).Replace("**", "", StringComparison.Ordinal)).Append('\n');
        foreach (var item in RetroCardParts.Top(closed, 8))
        {
            text.Append(item.Kind);
            if (counted) text.Append(" (").Append(closed.VotesFor(item.Id).ToString(CultureInfo.InvariantCulture)).Append(" votes)");
            text.Append(": ").Append(item.Text).Append('\n');
        }
        foreach (var (id, count) in RetroCardParts.PitfallsHit(closed))
        {
            text.Append("pitfall hit: ").Append(content.Diagnostic.Find(id)?.Name.En ?? id);
            if (counted) text.Append(" (").Append(count.ToString(CultureInfo.InvariantCulture)).Append(')');
            text.Append('\n');
        }
        text.Append("decision: ").Append(outcome.Decision).Append('\n').Append("rationale: ").Append(outcome.Rationale).Append('\n');
        foreach (var action in outcome.Actions) text.Append("action: ").Append(action.Text).Append(" (due ").Append(action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(")\n");
        return text.ToString();
    }
}
