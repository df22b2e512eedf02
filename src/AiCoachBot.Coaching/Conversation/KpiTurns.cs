using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// This week's values from the weekly card: anyone in the channel may record them. Values are numbers; who and
/// when are kept; a second submission for the week replaces the first and says so; the card then shows them.
/// </summary>
public sealed class KpiTurns(CoachingContent content, IDocumentStore store, ProjectStore projects, Replies replies, TimeProvider time, INudgeJobs? jobs)
{
    private readonly PostedWeeklyCard _card = new(content, store, jobs, time);

    public async Task<TurnResult> SubmitAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var week = CardValues.Text(data[WeeklyCardRenderer.WeekField]);
        var projectId = CardValues.Text(data[ProjectCards.ProjectInput]);
        if (!PostedWeeklyCard.IsWeek(week) || projectId is null) return Say(language, "nudge.submit.unknown");
        var lookup = await projects.GetAsync(ProjectOwnership.For(turn.Scope, turn.UserId), projectId, cancellationToken);
        if (lookup.Project is not { Channel: { } setup } project) return Say(language, "nudge.submit.unknown");

        var values = new Dictionary<string, decimal>();
        foreach (var kpi in setup.Kpis)
        {
            if (CardValues.Text(data[WeeklyCardRenderer.ValuePrefix + kpi.Id], CardValues.MaxInputLength)?.Trim() is not { Length: > 0 } raw) continue;
            if (SetupInput.ParseNumber(raw) is not { } value)
                return TurnResult.Say(replies.Text(language, "nudge.submit.invalid", new Dictionary<string, string> { ["kpi"] = MarkdownText.Literal(kpi.Name), ["value"] = MarkdownText.Literal(raw[..Math.Min(raw.Length, 40)]) }));
            values[kpi.Id] = value;
        }
        if (values.Count == 0) return Say(language, "nudge.submit.none");
        var current = await KpiHistory.ReadAsync(store, project.Id, cancellationToken);
        if (CardValues.Text(data[ConfirmedField]) != "yes" && Implausible(setup, current, week, values, language) is { } doubt)
            return TurnResult.Say(Confirmation(data, doubt, language));

        var entry = new KpiWeek(week, values, turn.UserId, DisplayName.Of(turn.UserName), time.GetUtcNow());
        var (history, replaced) = await store.UpdateAsync(NudgeDispatcher.HistoryKey(project.Id), CoachingJsonContext.Default.KpiHistory, current =>
        {
            var before = current ?? new KpiHistory([]);
            var after = before.With(entry);
            return Change<KpiHistory, (KpiHistory, bool)>.Save(after, (after, before.Find(week) is not null));
        }, cancellationToken);

        var said = string.Join("; ", setup.Kpis.Where(k => values.ContainsKey(k.Id))
            .Select(k => $"{MarkdownText.Literal(k.Name)} = {language.Number(values[k.Id])}{KpiText.Unit(k)}"));
        var reply = replies.Text(language, replaced ? "nudge.submit.replaced" : "nudge.submit.recorded", new Dictionary<string, string> { ["week"] = week, ["values"] = said });
        return new TurnResult([reply], ReplaceCard: await _card.RenderAsync(project, setup, week, history, cancellationToken));
    }

    public const string ConfirmedField = "confirmed";

    /// <summary>
    /// A value far outside what the KPI has shown: more than twice the recent spread (or a tenth of its level) beyond the
    /// last eight weeks' values, or beyond baseline and target while fewer than three values exist.
    /// </summary>
    private static string? Implausible(ProjectChannel setup, KpiHistory history, string week, IReadOnlyDictionary<string, decimal> values, Language language)
    {
        foreach (var kpi in setup.Kpis.Where(k => values.ContainsKey(k.Id)))
        {
            var recent = history.Weeks.Where(w => w.Week != week && w.Values.ContainsKey(kpi.Id)).TakeLast(8).Select(w => w.Values[kpi.Id]).ToList();
            if (recent.Count < 3) recent = [kpi.Baseline, kpi.Target];
            var (low, high) = (recent.Min(), recent.Max());
            var width = Math.Max(high - low, Math.Abs(recent.Average()) / 10);
            var value = values[kpi.Id];
            if (value < low - 2 * width || value > high + 2 * width)
                return $"{MarkdownText.Literal(kpi.Name)} = {language.Number(value)}|{language.Number(low)}|{language.Number(high)}";
        }
        return null;
    }

    private OutgoingMessage Confirmation(JsonObject data, string doubt, Language language)
    {
        var parts = doubt.Split('|');
        var confirmed = data.DeepClone().AsObject();
        confirmed[ConfirmedField] = "yes";
        var body = new JsonArray { CardElements.Text(content.Strings.Format(language, "nudge.submit.confirm", ("value", parts[0]), ("low", parts[1]), ("high", parts[2]))) };
        var button = new JsonObject { ["type"] = "Action.Submit", ["title"] = content.Strings.Get(language, "nudge.submit.confirmButton"), ["data"] = confirmed };
        return OutgoingMessage.OfCard(CardElements.Card(body, new JsonArray(button), content.Strings.Format(language, "nudge.submit.confirm", ("value", parts[0]), ("low", parts[1]), ("high", parts[2]))));
    }

    /// <summary><c>kpi history</c>: every recorded value of the channel's project as CSV, one row per week and KPI.</summary>
    public async Task<TurnResult> HistoryAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (turn.Scope is not { Kind: ConversationKind.Channel, ChannelId: { } channelId }) return Say(language, "setup.notChannel");
        if (await projects.FindByChannelAsync(ProjectOwnership.For(turn.Scope, turn.UserId), channelId, cancellationToken) is not { Channel: { } setup } project)
            return Say(language, "nudges.notSetUp");
        var history = await KpiHistory.ReadAsync(store, project.Id, cancellationToken);
        var name = MarkdownText.Literal(project.Name);
        if (history.Weeks.Count == 0)
            return TurnResult.Say(replies.Text(language, "kpi.history.none", new Dictionary<string, string> { ["project"] = name }));
        var intro = replies.Text(language, "kpi.history.intro", new Dictionary<string, string> { ["project"] = name, ["weeks"] = history.Weeks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return TurnResult.Say(intro, OutgoingMessage.OfText("```csv\n" + KpiCsv.Of(setup, history) + "```"));
    }

    private TurnResult Say(Language language, string key) => TurnResult.Say(replies.Text(language, key));
}
