using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// What the retro turns share: finding a retro for the asker (refused for another team), its project and KPI results,
/// the asker as a member of it, the local day, and keeping every copy of its shared card up to date.
/// </summary>
public sealed class RetroDesk(CoachingContent content, IDocumentStore store, ProjectStore projects, Replies replies, TimeProvider time, PseudonymKey key)
{
    public RetroStore Retros { get; } = new(store, projects, time);
    public RetroCards Cards { get; } = new(content);
    public RetroClosingCards Closing { get; } = new(content);
    public RetroCardParts Parts { get; } = new(content);
    public TimeProvider Time => time;

    /// <summary>The retro a button names, with its project; null when it does not exist or is another team's.</summary>
    public async Task<(Retrospective Retro, Project Project)?> LoadAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var (access, retro) = await Retros.GetAsync(Owner(turn), CardValues.Text(data[RetroCardParts.RetroField]), cancellationToken);
        if (access != RetroAccess.Found || await ProjectAsync(retro!, cancellationToken) is not { } project) return null;
        // A closing that stopped before it reached the project is completed here, by whoever comes next.
        if (!retro!.IsOpen && project.RetroHistory.Any(r => r.Id == retro.Id && r.ClosedAt is null))
        {
            await Retros.EnsureRecordedAsync(retro, cancellationToken);
            project = await ProjectAsync(retro, cancellationToken) ?? project;
        }
        return (retro, project);
    }

    public async Task<TurnResult> RefusalAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var (access, _) = await Retros.GetAsync(Owner(turn), CardValues.Text(data[RetroCardParts.RetroField]), cancellationToken);
        return Notice(turn, access == RetroAccess.NotYours ? "retro.notYours" : "retro.notFound");
    }

    public async Task<Project?> ProjectAsync(Retrospective retro, CancellationToken cancellationToken) =>
        (await projects.GetAsync(retro.Ownership, retro.ProjectId, cancellationToken)).Project;

    public async Task<IReadOnlyList<KpiResult>> KpisAsync(Retrospective retro, Project project, CancellationToken cancellationToken)
    {
        var history = await KpiHistory.ReadAsync(store, project.Id, cancellationToken);
        var end = retro.ClosedAt ?? time.GetUtcNow();
        return RetroKpis.Of(project, history, retro.PeriodStart, WeeklySchedule.LocalDay(end, Zone(null, project)));
    }

    /// <summary>The asker as a member of the retro: their pseudonym in it, and for a named retro their id and name.</summary>
    public RetroMember? Member(UserTurn turn, Retrospective retro) =>
        retro.Salt is { } salt ? new RetroMember(RetroPseudonym.Of(key, salt, turn.UserId), turn.UserId, DisplayName.Of(turn.UserName)) : null;

    /// <summary>The team's day: the asker's time zone when Teams gives it, else the project's set-up's, else UTC.</summary>
    public DateOnly Today(UserTurn? turn, Project project) => WeeklySchedule.LocalDay(time.GetUtcNow(), Zone(turn, project));

    public static TimeZoneInfo Zone(UserTurn? turn, Project project) =>
        NudgeTime.FindZone(turn?.TimeZone) ?? project.Channel?.Zone ?? TimeZoneInfo.Utc;

    /// <summary>The shared card as it stands: the live card while open, the summary once closed.</summary>
    public async Task<JsonObject> SharedCardAsync(Retrospective retro, Project project, CancellationToken cancellationToken)
    {
        var kpis = await KpisAsync(retro, project, cancellationToken);
        var today = Today(null, project);
        return retro.IsOpen
            ? Cards.Live(retro, project, kpis, time.GetUtcNow(), today, Language(retro))
            : Closing.Summary(retro, project, kpis, today, Language(retro));
    }

    /// <summary>
    /// Once the answer is given, every posted copy of the retro's card shows its latest state: read afresh, so that
    /// changes made at the same moment by several members end with the card showing all of them. Refreshes run one at
    /// a time per retro on an instance; across instances, a refresh whose retro changed while it rendered is dropped,
    /// since the change's own refresh comes after it.
    /// </summary>
    public TurnResult WithRefresh(TurnResult result, string retroId) => result with { Later = (publish, ct) => RefreshAsync(retroId, publish, ct), LaterKey = LaterKey(retroId) };

    public static string LaterKey(string retroId) => "retro/" + retroId;

    public async Task RefreshAsync(string retroId, Func<IReadOnlyList<CardUpdate>, Task> publish, CancellationToken cancellationToken)
    {
        if (await store.ReadAsync(RetroStore.Key(retroId), CoachingJsonContext.Default.Retrospective, cancellationToken) is not { } read) return;
        if (await ProjectAsync(read.Value, cancellationToken) is not { } project) return;
        var card = await SharedCardAsync(read.Value, project, cancellationToken);
        if ((await store.ReadAsync(RetroStore.Key(retroId), cancellationToken))?.ETag != read.ETag) return;
        await publish(Everywhere(read.Value, card));
    }

    public static IReadOnlyList<CardUpdate> Everywhere(Retrospective retro, JsonObject card) =>
        retro.PostedCards.Select(c => new CardUpdate(c.ServiceUrl, c.ConversationId, c.ActivityId, card)).ToList();

    public static Language Language(Retrospective retro) => Languages.FromLocale(retro.Language);

    public static ProjectOwnership Owner(UserTurn turn) => ProjectOwnership.For(turn.Scope, turn.UserId);

    public static Dictionary<string, string> Named(Project project) => new() { ["project"] = MarkdownText.Literal(project.Name) };

    /// <summary>A refusal: beside the card for a button, as a message for a typed command or a submitted card.</summary>
    public TurnResult Notice(UserTurn turn, string key, params (string Name, string Value)[] args)
    {
        var text = content.Strings.Format(turn.Language, key, args);
        return turn.Verb is null ? TurnResult.Say(OutgoingMessage.OfText(text)) : new TurnResult([], Notice: text);
    }

    public TurnResult Say(UserTurn turn, string key, IReadOnlyDictionary<string, string>? args = null) => TurnResult.Say(replies.Text(turn.Language, key, args));
}
