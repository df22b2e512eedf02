using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

using Edit = Change<Retrospective, (Retrospective Retro, BoardOutcome Outcome)?>;

/// <summary>
/// Running a retro: a manager opens one on a project, in its channel or from their personal chat for a team project they
/// own (the live card then goes to the project's channel); members contribute from the shared card and, in a view only
/// they see, give their votes and edit or withdraw their own items. Everything is checked against the asker's team.
/// </summary>
public sealed class RetroTurns(CoachingContent content, ProjectStore projects, Replies replies, RetroDesk desk, Nudges.INudgePoster? poster)
{
    public const string TrackPrefix = "retro:";
    private const int MaxDeadlineDays = 90;

    /// <summary><c>retro [project]</c>: the start form, or the open retro's card when the project has one.</summary>
    public async Task<TurnResult> StartAsync(UserTurn turn, string? name, CancellationToken cancellationToken)
    {
        var owned = await OfferedAsync(turn, cancellationToken);
        if (owned.Count == 0) return desk.Say(turn, "retro.noProject");
        var selected = name is not null ? Named(owned, name) : ProjectStore.LinkedTo(owned, turn.Scope.ChannelId) ?? owned[0];
        if (selected is null) return desk.Say(turn, TextKeys.ProjectNotFound);
        if (selected.OpenRetro is { } open && (await desk.Retros.GetAsync(selected.Ownership, open.Id, cancellationToken)).Retro is { IsOpen: true } retro)
            return Elsewhere(turn, selected)
                ? desk.Say(turn, "retro.alreadyOpenInChannel", RetroDesk.Named(selected))
                : TurnResult.Say(replies.Text(turn.Language, "retro.alreadyOpen", RetroDesk.Named(selected)), await LiveMessageAsync(retro, selected, cancellationToken));
        return TurnResult.Say(OutgoingMessage.OfCard(desk.Cards.Start(owned, selected, turn.Language, Elsewhere(turn))));
    }

    /// <summary>The start form's button: checked field by field; the live card is posted and followed from then on.</summary>
    public async Task<TurnResult> OpenAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var lookup = await projects.GetManagedAsync(RetroDesk.Owner(turn), turn.Ids, CardValues.Text(data[ProjectCards.ProjectInput]) ?? "", cancellationToken);
        if (lookup.Project is not { } project) return desk.Say(turn, lookup.Status == LookupStatus.NotYours ? TextKeys.ProjectNotYours : TextKeys.ProjectNotFound);
        // The form again, with the reason, only when something was refused: listing the projects costs a read each.
        async Task<TurnResult> Again(string key, params (string, string)[] args) =>
            TurnResult.Say(OutgoingMessage.OfCard(desk.Cards.Start(await OfferedAsync(turn, cancellationToken), project, language, Elsewhere(turn), content.Strings.Format(language, key, args))));
        if (content.Retros.Find(CardValues.Text(data[RetroCards.TemplateInput])) is not { } template) return await Again("retro.start.badTemplate");
        var elsewhere = Elsewhere(turn, project);
        if (elsewhere && project.Channel is null) return await Again("retro.start.noChannel");
        var zone = RetroDesk.Zone(turn, project);
        var today = desk.Today(turn, project);
        DateTimeOffset? deadline = null;
        if (CardValues.Text(data[RetroCards.DeadlineInput])?.Trim() is { Length: > 0 } typed)
        {
            if (!DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day < today || day > today.AddDays(MaxDeadlineDays))
                return await Again("retro.start.badDeadline", ("max", MaxDeadlineDays.ToString(CultureInfo.InvariantCulture)));
            deadline = Nudges.WeeklySchedule.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone).AddTicks(-1);
        }
        var previous = project.RetroHistory.LastOrDefault(r => r.ClosedAt is not null);
        var periodStart = Nudges.WeeklySchedule.LocalDay(previous?.ClosedAt ?? project.Channel?.SetUpAt ?? project.CreatedAt, zone);
        var draft = new Retrospective(Guid.NewGuid().ToString("N")[..12], project.Id, project.Ownership, template.Id,
            CardValues.Text(data[RetroCards.AnonymousInput]) == "true", language.Code(), turn.UserId, DisplayName.Of(turn.UserName),
            desk.Time.GetUtcNow(), deadline, periodStart, [], [], RetroPseudonym.NewSalt());
        // The asker's right to the project was checked above; the retro is the project's team's.
        if (await desk.Retros.OpenAsync(project.Ownership, draft, cancellationToken) is not { } opened) return desk.Say(turn, TextKeys.ProjectNotYours);
        var fresh = await desk.ProjectAsync(opened.Retro, cancellationToken) ?? project;
        if (elsewhere) return await OpenInChannelAsync(turn, opened.Retro, opened.Opened, fresh, cancellationToken);
        var intro = replies.Text(language, opened.Opened ? "retro.opened" : "retro.alreadyOpen", RetroDesk.Named(project));
        return TurnResult.Say(intro, await LiveMessageAsync(opened.Retro, fresh, cancellationToken));
    }

    /// <summary>
    /// Opened from a personal chat on a team project: the live card goes to the project's channel, where the team
    /// contributes and the facilitator closes it. A channel the bot can no longer post in gets no retro.
    /// </summary>
    private async Task<TurnResult> OpenInChannelAsync(UserTurn turn, Retrospective retro, bool opened, Project project, CancellationToken cancellationToken)
    {
        if (!opened) return desk.Say(turn, "retro.alreadyOpenInChannel", RetroDesk.Named(project));
        var channel = project.Channel!.Channel;
        var posted = poster is null ? null : await poster.PostAsync(channel, await desk.SharedCardAsync(retro, project, cancellationToken), cancellationToken);
        if (posted is not { Result: Nudges.PostResult.Posted, ActivityId: { } activityId, ConversationId: { } thread })
        {
            await desk.Retros.DeleteAsync(retro, cancellationToken);
            return desk.Say(turn, "retro.channelUnreachable", RetroDesk.Named(project));
        }
        await desk.Retros.RememberCardAsync(retro.Id, new RetroCard(channel.ServiceUrl, thread, activityId), cancellationToken);
        return desk.Say(turn, "retro.openedInChannel", RetroDesk.Named(project));
    }

    /// <summary>The projects the asker may run a retro on: their conversation's, and from a personal chat the team projects they own.</summary>
    private async Task<IReadOnlyList<Project>> OfferedAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var owned = await projects.ListAsync(RetroDesk.Owner(turn), cancellationToken);
        return RetroDesk.Owner(turn).Kind == ProjectOwnerKind.Person
            ? [.. owned, .. await projects.ManagedTeamProjectsAsync(turn.Scope.TenantId, turn.Ids, cancellationToken)]
            : owned;
    }

    private static Project? Named(IReadOnlyList<Project> projects, string name)
    {
        var wanted = TextNormalizer.Fold(name);
        var partial = projects.Where(p => TextNormalizer.Fold(p.Name).Contains(wanted, StringComparison.Ordinal)).ToList();
        return projects.FirstOrDefault(p => TextNormalizer.Fold(p.Name) == wanted) ?? (partial.Count == 1 ? partial[0] : null);
    }

    private static bool Elsewhere(UserTurn turn, Project project) => project.Ownership != RetroDesk.Owner(turn);

    private static Func<Project, bool> Elsewhere(UserTurn turn) => project => Elsewhere(turn, project);

    /// <summary>A copy of the live card was posted as <paramref name="activityId"/>: remember where, to keep it up to date.</summary>
    public Task RememberCardAsync(UserTurn turn, string key, string activityId, CancellationToken cancellationToken) =>
        key.StartsWith(TrackPrefix, StringComparison.Ordinal) && turn.Scope.ServiceUrl is { Length: > 0 } serviceUrl
            ? desk.Retros.RememberCardAsync(key[TrackPrefix.Length..], new RetroCard(serviceUrl, turn.Scope.ConversationId, activityId), cancellationToken)
            : Task.CompletedTask;

    public async Task<TurnResult> AddAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        var (retro, project) = loaded;
        // Whitespace alone cleans to nothing, and nothing with no pitfall picked is refused by the board.
        if (Typed(data[RetroCards.TextInput]) is not { } text) return Unreadable(turn, data[RetroCards.TextInput]);
        if (!Enum.TryParse<ItemKind>(CardValues.Text(data[RetroCards.KindInput]), ignoreCase: false, out var kind) || !Enum.IsDefined(kind)) kind = ItemKind.Well;
        var picked = (CardValues.Text(data[RetroCards.PitfallsInput], CardValues.MaxInputLength) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (picked.Any(id => content.Diagnostic.Find(id) is null)) return desk.Notice(turn, "retro.add.unknownPitfall");
        if (picked.Length > Retrospective.MaxPitfallsPerItem) return desk.Notice(turn, "retro.add.tooManyPitfalls", Max(Retrospective.MaxPitfallsPerItem));
        if (desk.Member(turn, retro) is not { } member) return Refused(turn, retro, NotTaking(retro));
        var itemId = Guid.NewGuid().ToString("N")[..10];
        var now = desk.Time.GetUtcNow();
        var result = await EditAsync(retro.Id, r => RetroBoard.Add(r, member, kind, text, picked, itemId, now), cancellationToken);
        return await AfterChangeAsync(turn, retro, project, result, ownView: false, retro.Anonymous ? "retro.add.doneAnonymous" : "retro.add.done", cancellationToken);
    }

    public async Task<TurnResult> YoursAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        if (!loaded.Retro.TakesContributions) return await ViewAsync(turn, data, cancellationToken);
        return new TurnResult([], ReplaceCard: Yours(turn, loaded.Retro, null));
    }

    public async Task<TurnResult> VotesAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        if (desk.Member(turn, loaded.Retro) is not { } member) return Refused(turn, loaded.Retro, NotTaking(loaded.Retro));
        var chosen = (CardValues.Text(data[RetroCards.VotesInput], CardValues.MaxInputLength) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await EditAsync(loaded.Retro.Id, r => RetroBoard.SetVotes(r, member.Key, chosen, content.Retros.VotesPerMember), cancellationToken);
        return await AfterChangeAsync(turn, loaded.Retro, loaded.Project, result, ownView: true, "retro.votes.saved", cancellationToken);
    }

    public async Task<TurnResult> EditItemAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        if (desk.Member(turn, loaded.Retro) is not { } member) return Refused(turn, loaded.Retro, NotTaking(loaded.Retro));
        var itemId = CardValues.Text(data[RetroCardParts.ItemField]) ?? "";
        if (Typed(data[RetroCards.EditPrefix + itemId]) is not { } text) return Unreadable(turn, data[RetroCards.EditPrefix + itemId]);
        var now = desk.Time.GetUtcNow();
        var result = await EditAsync(loaded.Retro.Id, r => RetroBoard.Edit(r, member.Key, itemId, text, now), cancellationToken);
        return await AfterChangeAsync(turn, loaded.Retro, loaded.Project, result, ownView: true, "retro.edit.done", cancellationToken);
    }

    public async Task<TurnResult> RemoveItemAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        if (desk.Member(turn, loaded.Retro) is not { } member) return Refused(turn, loaded.Retro, NotTaking(loaded.Retro));
        var itemId = CardValues.Text(data[RetroCardParts.ItemField]) ?? "";
        var result = await EditAsync(loaded.Retro.Id, r => RetroBoard.Remove(r, member.Key, itemId), cancellationToken);
        return await AfterChangeAsync(turn, loaded.Retro, loaded.Project, result, ownView: true, "retro.remove.done", cancellationToken);
    }

    /// <summary>Back to the shared card (the live one, or the summary once closed).</summary>
    public async Task<TurnResult> ViewAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        return new TurnResult([], ReplaceCard: await desk.SharedCardAsync(loaded.Retro, loaded.Project, cancellationToken));
    }

    private async Task<TurnResult> AfterChangeAsync(UserTurn turn, Retrospective retro, Project project, (Retrospective Retro, BoardOutcome Outcome)? result,
        bool ownView, string doneKey, CancellationToken cancellationToken)
    {
        if (result is not { } changed) return desk.Notice(turn, "retro.notFound");
        if (changed.Outcome != BoardOutcome.Done) return Refused(turn, retro, changed.Outcome);
        var status = content.Strings.Get(turn.Language, doneKey);
        var mine = ownView ? Yours(turn, changed.Retro, status) : WithStatus(await desk.SharedCardAsync(changed.Retro, project, cancellationToken), status);
        return desk.WithRefresh(new TurnResult([], ReplaceCard: mine), retro.Id);
    }

    private TurnResult Refused(UserTurn turn, Retrospective retro, BoardOutcome outcome) => outcome switch
    {
        BoardOutcome.NotOpen => desk.Notice(turn, "retro.closedAlready"),
        BoardOutcome.Frozen => desk.Notice(turn, "retro.frozen"),
        BoardOutcome.DeadlinePassed => desk.Notice(turn, "retro.add.deadlinePassed", ("date", retro.Deadline is { } d ? turn.Language.Date(d) : "")),
        BoardOutcome.Empty => desk.Notice(turn, "retro.add.empty"),
        BoardOutcome.TooLong => desk.Notice(turn, "retro.add.tooLong", Max(Retrospective.MaxItemLength)),
        BoardOutcome.TooManyItems => desk.Notice(turn, "retro.add.tooManyItems", Max(Retrospective.MaxItems)),
        BoardOutcome.TooManyOfYours => desk.Notice(turn, "retro.add.tooManyOfYours", Max(Retrospective.MaxItemsPerMember)),
        BoardOutcome.NotYourItem => desk.Notice(turn, "retro.item.notYours"),
        BoardOutcome.TooManyVotes => desk.Notice(turn, "retro.votes.tooMany", Max(content.Retros.VotesPerMember)),
        _ => desk.Notice(turn, "retro.item.unknown"),
    };

    /// <summary>Text far beyond the limit is too long; anything but text was not sent by our card.</summary>
    private TurnResult Unreadable(UserTurn turn, JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? desk.Notice(turn, "retro.add.tooLong", Max(Retrospective.MaxItemLength))
            : desk.Notice(turn, "retro.add.unreadable");

    /// <summary>Why a retro with no pseudonyms left takes nothing: closed, or reopened for its decision only.</summary>
    private static BoardOutcome NotTaking(Retrospective retro) => retro.IsOpen && retro.Reopened ? BoardOutcome.Frozen : BoardOutcome.NotOpen;

    private static (string, string) Max(int max) => ("max", max.ToString(CultureInfo.InvariantCulture));

    /// <summary>What a text input sent, cleaned; "" when absent, null when it is not text or far beyond any limit (a tampered card).</summary>
    private static string? Typed(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => CardValues.Text(value, CardValues.MaxInputLength * 2) is { } text ? TextNormalizer.Clean(text) : null,
        _ => null,
    };

    private JsonObject Yours(UserTurn turn, Retrospective retro, string? status)
    {
        var key = desk.Member(turn, retro)?.Key;
        return desk.Cards.Yours(retro, RetroBoard.Mine(retro, key), RetroBoard.MyVotes(retro, key), turn.Language, status);
    }

    private static JsonObject WithStatus(JsonObject card, string status)
    {
        var copy = card.DeepClone().AsObject();
        ((JsonArray)copy["body"]!).Insert(0, CardElements.Text(status, color: "Good"));
        return copy;
    }

    private Task<(Retrospective Retro, BoardOutcome Outcome)?> EditAsync(string id, Func<Retrospective, (Retrospective Retro, BoardOutcome Outcome)> change, CancellationToken cancellationToken) =>
        desk.Retros.UpdateAsync(id, current =>
        {
            if (current is null) return Edit.Keep(null);
            var (after, outcome) = change(current);
            return outcome == BoardOutcome.Done ? Edit.Save(after, (after, outcome)) : Edit.Keep((current, outcome));
        }, cancellationToken);

    /// <summary>The live card as a new message, followed once posted.</summary>
    public async Task<OutgoingMessage> LiveMessageAsync(Retrospective retro, Project project, CancellationToken cancellationToken) =>
        OutgoingMessage.OfCard(await desk.SharedCardAsync(retro, project, cancellationToken)) with { Track = TrackPrefix + retro.Id };

}
