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
public sealed partial class KpiTurns(CoachingContent content, IDocumentStore store, ProjectStore projects, Replies replies, TimeProvider time)
{
    private readonly WeeklyCardRenderer _card = new(content);

    public async Task<TurnResult> SubmitAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var week = CardValues.Text(data[WeeklyCardRenderer.WeekField]);
        var projectId = CardValues.Text(data[ProjectCards.ProjectInput]);
        if (week is null || !Week().IsMatch(week) || projectId is null) return Say(language, "nudge.submit.unknown");
        var lookup = await projects.GetAsync(ProjectOwnership.For(turn.Scope, turn.UserId), projectId, cancellationToken);
        if (lookup.Project is not { Channel: { } setup } project) return Say(language, "nudge.submit.unknown");
        var cardLanguage = Languages.FromLocale(setup.Plan.Language);

        var values = new Dictionary<string, decimal>();
        foreach (var kpi in setup.Kpis)
        {
            if (CardValues.Text(data[WeeklyCardRenderer.ValuePrefix + kpi.Id], CardValues.MaxInputLength)?.Trim() is not { Length: > 0 } raw) continue;
            if (SetupInput.ParseNumber(raw) is not { } value)
                return TurnResult.Say(replies.Text(language, "nudge.submit.invalid", new Dictionary<string, string> { ["kpi"] = MarkdownText.Literal(kpi.Name), ["value"] = MarkdownText.Literal(raw[..Math.Min(raw.Length, 40)]) }));
            values[kpi.Id] = value;
        }
        if (values.Count == 0) return Say(language, "nudge.submit.none");

        var entry = new KpiWeek(week, values, turn.UserId, Name(turn.UserName), time.GetUtcNow());
        var (history, replaced) = await store.UpdateAsync(NudgeDispatcher.HistoryKey(project.Id), CoachingJsonContext.Default.KpiHistory, current =>
        {
            var before = current ?? new KpiHistory([]);
            var after = before.With(entry);
            return Change<KpiHistory, (KpiHistory, bool)>.Save(after, (after, before.Find(week) is not null));
        }, cancellationToken);

        var late = (await store.ReadAsync(NudgeDispatcher.RecordKey(project.Id, week), CoachingJsonContext.Default.NudgeRecord, cancellationToken))?.Value.Late ?? false;
        var zone = NudgeTime.FindZone(setup.Plan.TimeZone) ?? TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var said = string.Join("; ", setup.Kpis.Where(k => values.ContainsKey(k.Id))
            .Select(k => $"{MarkdownText.Literal(k.Name)} = {WeeklyCardRenderer.Number(values[k.Id], language)}{(k.Unit.Length == 0 ? "" : " " + MarkdownText.Literal(k.Unit))}"));
        var reply = replies.Text(language, replaced ? "nudge.submit.replaced" : "nudge.submit.recorded", new Dictionary<string, string> { ["week"] = week, ["values"] = said });
        return new TurnResult([reply], ReplaceCard: _card.Render(project, week, late, history, today, cardLanguage));
    }

    private TurnResult Say(Language language, string key) => TurnResult.Say(replies.Text(language, key));

    private static string Name(string? name)
    {
        var kept = new string((name ?? "").Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '.').Take(80).ToArray()).Trim();
        return kept.Length == 0 ? "?" : kept;
    }

    [GeneratedRegex(@"^\d{4}-W\d{2}$")]
    private static partial Regex Week();
}
