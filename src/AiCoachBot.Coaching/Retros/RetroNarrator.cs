using System.Globalization;
using System.Text;
using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.Projects;
using Microsoft.Extensions.Logging;

namespace AiCoachBot.Coaching.Retros;

/// <summary>
/// With a language model configured, a short narrative of a closing retro: from its structured summary only, with
/// personal data masked (names the bot has seen, authors, owners), within the user's budget and the model deadline.
/// Without a model, or when it fails, there is none: the structured summary is complete on its own.
/// </summary>
public sealed class RetroNarrator(CoachingContent content, IChatModel? model, TokenBudget budget, CoachOptions options, TimeProvider time, ILogger logger)
{
    public const int MaxWords = 120;

    public bool IsConfigured => model is not null;

    public async Task<string?> NarrateAsync(Retrospective retro, Project project, IReadOnlyList<KpiResult> kpis, string decision, string rationale,
        IReadOnlyList<ProjectAction> actions, UserTurn turn, CancellationToken cancellationToken)
    {
        if (model is null) return null;
        if (!await budget.HasRoomAsync(turn.Scope.TenantId, turn.UserId, cancellationToken)) return null;
        var language = Localization.Languages.FromLocale(retro.Language);
        var names = retro.Items.Select(i => i.AuthorName).OfType<string>().Append(retro.FacilitatorName).Append(DisplayName.Of(turn.UserName))
            .Concat(actions.Select(a => a.Owner).OfType<string>()).Concat(project.Channel is { } setup ? [setup.SetUpByName] : []).Distinct().ToList();
        var instructions = CoachPrompts.Fill(content.Prompts.Retro, language, MaxWords);
        var user = CoachRequest.Neutralize(PersonalDataMasker.Mask(Facts(retro, kpis, decision, rationale, actions, language), names));
        ChatReply reply;
        using (var deadline = new CancellationTokenSource(options.ModelDeadline, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token))
        {
            try { reply = await model.CompleteAsync(new ChatRequest(instructions, $"<retro>\n{user}\n</retro>\n", options.MaxOutputTokens), linked.Token); }
            catch (Exception ex) when (ex is ChatModelUnavailableException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                CoachLog.ModelUnavailable(logger, 0, ex is ChatModelUnavailableException ? ex.Message : "deadline passed");
                return null;
            }
        }
        CoachLog.ModelCall(logger, reply.Model, reply.InputTokens, reply.OutputTokens, 0, "retro");
        await budget.ChargeAsync(turn.Scope.TenantId, turn.UserId, reply.TotalTokens, cancellationToken);
        var checkedReply = ModelAnswerCheck.Check(reply.Text, [], instructions);
        if (checkedReply is null) CoachLog.ReplyRejected(logger);
        return checkedReply?.Text;
    }

    /// <summary>The retro as the model sees it: counts, texts and the decision; never an author, a voter or a project name.</summary>
    private string Facts(Retrospective retro, IReadOnlyList<KpiResult> kpis, string decision, string rationale, IReadOnlyList<ProjectAction> actions, Localization.Language language)
    {
        var cards = new RetroCards(content);
        var text = new StringBuilder();
        text.Append("template: ").Append(cards.Template(retro).Title.En).Append('\n');
        text.Append("contributors: ").Append(retro.Contributors.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var kpi in kpis) text.Append("kpi: ").Append(cards.KpiLine(kpi, language).Replace("**", "", StringComparison.Ordinal)).Append('\n');
        foreach (var item in RetroCards.Top(retro, 8))
            text.Append(item.Kind).Append(" (").Append(retro.VotesFor(item.Id).ToString(CultureInfo.InvariantCulture)).Append(" votes): ").Append(item.Text).Append('\n');
        foreach (var (id, count) in RetroCards.PitfallsHit(retro))
            text.Append("pitfall hit: ").Append(content.Diagnostic.Pitfalls.FirstOrDefault(p => p.Id == id)?.Name.En ?? id).Append(" (").Append(count.ToString(CultureInfo.InvariantCulture)).Append(")\n");
        text.Append("decision: ").Append(decision).Append('\n').Append("rationale: ").Append(rationale).Append('\n');
        foreach (var action in actions) text.Append("action: ").Append(action.Text).Append(" (due ").Append(action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(")\n");
        return text.ToString();
    }
}
