using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

using Edit = Change<Retrospective, (Retrospective Retro, BoardOutcome Outcome)?>;

/// <summary>
/// Guided retrospectives: a manager opens one on a project, members contribute and vote from the shared card (their own
/// view is shown to them alone), the facilitator or the project owner closes it with the decision and the actions,
/// which then follow the project in the weekly cards. Everything is checked against the asker's team.
/// </summary>
public sealed class RetroTurns(
    CoachingContent content, IDocumentStore store, ProjectStore projects, Replies replies, TimeProvider time,
    RetroNarrator narrator, IChannelMembers? members)
{
    public const string TrackPrefix = "retro:";
    private const int MaxDeadlineDays = 90;
    private readonly RetroStore _retros = new(store, projects, time);
    private readonly RetroCards _cards = new(content);
    private readonly RetroMarkdown _markdown = new(content);

    /// <summary><c>retro [project]</c>: the start form, or the open retro's card when the project has one.</summary>
    public async Task<TurnResult> StartAsync(UserTurn turn, string? name, CancellationToken cancellationToken)
    {
        var owned = await projects.ListAsync(Owner(turn), cancellationToken);
        if (owned.Count == 0) return Say(turn, "retro.noProject");
        var selected = await ChosenAsync(turn, owned, name, cancellationToken);
        if (selected is null) return Say(turn, TextKeys.ProjectNotFound);
        if (selected.OpenRetro is { } open && (await _retros.GetAsync(Owner(turn), open.Id, cancellationToken)).Retro is { IsOpen: true } retro)
            return TurnResult.Say(replies.Text(turn.Language, "retro.alreadyOpen", Named(selected)), await LiveMessageAsync(retro, selected, cancellationToken));
        return TurnResult.Say(OutgoingMessage.OfCard(_cards.Start(owned, selected, turn.Language)));
    }

    /// <summary>The start form's button: checked field by field; the live card is posted and followed from then on.</summary>
    public async Task<TurnResult> OpenAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var lookup = await projects.GetAsync(Owner(turn), CardValues.Text(data[ProjectCards.ProjectInput]) ?? "", cancellationToken);
        if (lookup.Project is not { } project) return Say(turn, lookup.Status == LookupStatus.NotYours ? TextKeys.ProjectNotYours : TextKeys.ProjectNotFound);
        var owned = await projects.ListAsync(Owner(turn), cancellationToken);
        TurnResult Again(string key, params (string, string)[] args) =>
            TurnResult.Say(OutgoingMessage.OfCard(_cards.Start(owned, project, language, content.Strings.Format(language, key, args))));
        if (content.Retros.Find(CardValues.Text(data[RetroCards.TemplateInput])) is not { } template) return Again("retro.start.badTemplate");
        var zone = Zone(turn, project);
        var today = WeeklySchedule.LocalDay(time.GetUtcNow(), zone);
        DateTimeOffset? deadline = null;
        if (CardValues.Text(data[RetroCards.DeadlineInput])?.Trim() is { Length: > 0 } typed)
        {
            if (!DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day < today || day > today.AddDays(MaxDeadlineDays))
                return Again("retro.start.badDeadline", ("max", MaxDeadlineDays.ToString(CultureInfo.InvariantCulture)));
            deadline = WeeklySchedule.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone).AddTicks(-1);
        }
        var previous = project.RetroHistory.LastOrDefault(r => r.ClosedAt is not null);
        var periodStart = previous?.ClosedAt is { } closed ? DateOnly.FromDateTime(closed.UtcDateTime)
            : project.Channel is { } setup ? DateOnly.FromDateTime(setup.SetUpAt.UtcDateTime) : DateOnly.FromDateTime(project.CreatedAt.UtcDateTime);
        var draft = new Retrospective(Guid.NewGuid().ToString("N")[..12], project.Id, project.Ownership, template.Id,
            CardValues.Text(data[RetroCards.AnonymousInput]) == "true", language.Code(), turn.UserId, DisplayName.Of(turn.UserName),
            time.GetUtcNow(), deadline, periodStart, [], [], RetroPseudonym.NewSecret());
        if (await _retros.OpenAsync(Owner(turn), draft, cancellationToken) is not { } opened) return Say(turn, TextKeys.ProjectNotYours);
        var fresh = await ProjectAsync(opened.Retro, cancellationToken) ?? project;
        var intro = replies.Text(language, opened.Opened ? "retro.opened" : "retro.alreadyOpen", Named(project));
        return TurnResult.Say(intro, await LiveMessageAsync(opened.Retro, fresh, cancellationToken));
    }

    /// <summary>The live card was posted as <paramref name="activityId"/>: remember where, to update it for everyone.</summary>
    public Task RememberCardAsync(UserTurn turn, string key, string activityId, CancellationToken cancellationToken) =>
        key.StartsWith(TrackPrefix, StringComparison.Ordinal) && turn.Scope.ServiceUrl is { Length: > 0 } serviceUrl
            ? _retros.RememberCardAsync(key[TrackPrefix.Length..], new RetroCard(serviceUrl, turn.Scope.ConversationId, activityId), cancellationToken)
            : Task.CompletedTask;

    public async Task<TurnResult> AddAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        var (retro, project) = loaded;
        // Whitespace alone cleans to nothing, and nothing with no pitfall picked is refused below.
        var text = TextNormalizer.Clean(CardValues.Text(data[RetroCards.TextInput], CardValues.MaxInputLength * 2) ?? "");
        if (!Enum.TryParse<ItemKind>(CardValues.Text(data[RetroCards.KindInput]), ignoreCase: false, out var kind) || !Enum.IsDefined(kind)) kind = ItemKind.Well;
        var picked = (CardValues.Text(data[RetroCards.PitfallsInput], CardValues.MaxInputLength) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (picked.Any(id => content.Diagnostic.Pitfalls.All(p => p.Id != id))) return Notice(turn, "retro.add.unknownPitfall");
        if (picked.Length > Retrospective.MaxPitfallsPerItem) return Notice(turn, "retro.add.tooManyPitfalls", ("max", Retrospective.MaxPitfallsPerItem.ToString(CultureInfo.InvariantCulture)));
        var itemId = Guid.NewGuid().ToString("N")[..10];
        var now = time.GetUtcNow();
        var result = await EditAsync(retro.Id, r => RetroBoard.Add(r, turn.UserId, DisplayName.Of(turn.UserName), kind, text, picked, itemId, now), cancellationToken);
        return await AfterBoardChangeAsync(turn, retro, project, result, mine: false, retro.Anonymous ? "retro.add.doneAnonymous" : "retro.add.done", cancellationToken);
    }

    public async Task<TurnResult> YoursAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        if (!loaded.Retro.IsOpen) return await ViewAsync(turn, data, cancellationToken);
        return new TurnResult([], ReplaceCard: Yours(turn, loaded.Retro, null));
    }

    public async Task<TurnResult> VotesAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        var chosen = (CardValues.Text(data[RetroCards.VotesInput], CardValues.MaxInputLength) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await EditAsync(loaded.Retro.Id, r => RetroBoard.SetVotes(r, turn.UserId, chosen, content.Retros.VotesPerMember), cancellationToken);
        return await AfterBoardChangeAsync(turn, loaded.Retro, loaded.Project, result, mine: true, "retro.votes.saved", cancellationToken);
    }

    public async Task<TurnResult> EditItemAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        var itemId = CardValues.Text(data[RetroCards.ItemField]) ?? "";
        var text = TextNormalizer.Clean(CardValues.Text(data[RetroCards.EditPrefix + itemId], CardValues.MaxInputLength * 2) ?? "");
        var now = time.GetUtcNow();
        var result = await EditAsync(loaded.Retro.Id, r => RetroBoard.Edit(r, turn.UserId, itemId, text, now), cancellationToken);
        return await AfterBoardChangeAsync(turn, loaded.Retro, loaded.Project, result, mine: true, "retro.edit.done", cancellationToken);
    }

    public async Task<TurnResult> RemoveItemAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        var itemId = CardValues.Text(data[RetroCards.ItemField]) ?? "";
        var result = await EditAsync(loaded.Retro.Id, r => RetroBoard.Remove(r, turn.UserId, itemId), cancellationToken);
        return await AfterBoardChangeAsync(turn, loaded.Retro, loaded.Project, result, mine: true, "retro.remove.done", cancellationToken);
    }

    /// <summary>Back to the shared card (the live one, or the summary once closed).</summary>
    public async Task<TurnResult> ViewAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        return new TurnResult([], ReplaceCard: await SharedCardAsync(loaded.Retro, loaded.Project, cancellationToken));
    }

    public async Task<TurnResult> CloseFormAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        var (retro, project) = loaded;
        if (!retro.IsOpen) return Notice(turn, "retro.close.already");
        if (!retro.IsFacilitatorOrOwner(turn.Ids, project)) return NotAllowed(turn, retro, "retro.close.notAllowed");
        var form = _cards.CloseForm(retro, project, OpenPrevious(project, retro), await MembersAsync(turn, retro, project, cancellationToken), turn.Language);
        return turn.Verb is null ? TurnResult.Say(OutgoingMessage.OfCard(form)) : new TurnResult([], ReplaceCard: form);
    }

    /// <summary>The closing form's button: the decision, the previous actions' fate and the new actions, all checked; then the summary for everyone.</summary>
    public async Task<TurnResult> CloseAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        var (retro, project) = loaded;
        if (!retro.IsOpen) return Notice(turn, "retro.close.already");
        if (!retro.IsFacilitatorOrOwner(turn.Ids, project)) return NotAllowed(turn, retro, "retro.close.notAllowed");
        var template = _cards.Template(retro);
        var people = await MembersAsync(turn, retro, project, cancellationToken);
        var previous = OpenPrevious(project, retro);
        var problems = new List<string>();
        var decision = CardValues.Text(data[RetroCards.DecisionInput]);
        if (decision is null || !RetroTemplate.Decisions(template.Decision).Contains(decision)) problems.Add(content.Strings.Get(language, "retro.close.needDecision"));
        var rationale = TextNormalizer.Clean(CardValues.Text(data[RetroCards.RationaleInput], CardValues.MaxInputLength * 2) ?? "");
        if (rationale.Length == 0) problems.Add(content.Strings.Get(language, "retro.close.needRationale"));
        else if (rationale.Length > Retrospective.MaxRationaleLength) problems.Add(content.Strings.Format(language, "retro.close.rationaleTooLong", ("max", Retrospective.MaxRationaleLength.ToString(CultureInfo.InvariantCulture))));
        var reviews = new List<ActionReview>();
        foreach (var action in previous)
        {
            var status = CardValues.Text(data[RetroCards.ReviewPrefix + action.Id]) ?? ReviewStatus.Carried;
            if (!ReviewStatus.All.Contains(status)) status = ReviewStatus.Carried;
            reviews.Add(new ActionReview(action.Id, action.Text, status));
        }
        var today = WeeklySchedule.LocalDay(time.GetUtcNow(), Zone(turn, project));
        var actions = new List<ProjectAction>();
        for (var n = 1; n <= Retrospective.MaxActions; n++)
        {
            var text = TextNormalizer.Clean(CardValues.Text(data[RetroCards.ActionText(n)], CardValues.MaxInputLength) ?? "");
            var ownerId = CardValues.Text(data[RetroCards.ActionOwner(n)])?.Trim() ?? "";
            var dueText = CardValues.Text(data[RetroCards.ActionDue(n)])?.Trim() ?? "";
            if (text.Length == 0)
            {
                if (ownerId.Length > 0 || dueText.Length > 0) problems.Add(Problem(language, "retro.close.actionNoText", n));
                continue;
            }
            if (text.Length > ProjectStore.MaxActionLength) { problems.Add(Problem(language, "retro.close.actionTooLong", n)); continue; }
            var owner = people.FirstOrDefault(p => p.Id == ownerId);
            if (owner.Id is null) { problems.Add(Problem(language, "retro.close.actionOwner", n)); continue; }
            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) || due < today || due > today.AddYears(2))
            { problems.Add(Problem(language, "retro.close.actionDue", n)); continue; }
            actions.Add(new ProjectAction(Guid.NewGuid().ToString("N")[..12], text, RetroStore.ActionSource(retro.Id, n), turn.UserId, time.GetUtcNow(), owner.Name, due, OwnerId: owner.Id));
        }
        if (problems.Count > 0) return new TurnResult([], ReplaceCard: _cards.CloseForm(retro, project, previous, people, language, problems, data));

        var kpis = await KpisAsync(retro, project, cancellationToken);
        var outcome = new RetroOutcome(decision!, rationale, actions.Select(a => a.Id).ToList(), reviews);
        if (await _retros.CloseAsync(retro, outcome, actions, DisplayName.Of(turn.UserName), cancellationToken) is not { } closed) return Notice(turn, "retro.close.already");
        var after = await ProjectAsync(closed, cancellationToken) ?? project;
        var summary = _cards.Summary(closed, after, kpis, Language(closed));
        var announce = replies.Text(language, "retro.closed", new Dictionary<string, string>
        {
            ["project"] = MarkdownText.Literal(project.Name),
            ["decision"] = content.Strings.Get(language, $"retro.decision.{decision}"),
            ["count"] = actions.Count.ToString(CultureInfo.InvariantCulture),
        });
        return new TurnResult([announce], ReplaceCard: summary, Updates: UpdateFor(closed, summary),
            Later: narrator.IsConfigured ? ct => NarrateAsync(retro, closed, kpis, turn, ct) : null);
    }

    /// <summary>The narrative, written after the summary was shown, kept on the retro and added to everyone's card.</summary>
    private async Task<IReadOnlyList<CardUpdate>> NarrateAsync(Retrospective open, Retrospective closed, IReadOnlyList<KpiResult> kpis, UserTurn turn, CancellationToken cancellationToken)
    {
        if (await ProjectAsync(closed, cancellationToken) is not { } project) return [];
        var outcome = closed.Outcome!;
        var actions = (project.Actions ?? []).Where(a => outcome.ActionIds.Contains(a.Id)).ToList();
        if (await narrator.NarrateAsync(open, project, kpis, outcome.Decision, outcome.Rationale, actions, turn, cancellationToken) is not { } narrative) return [];
        // Only onto the closing it was written for: a retro reopened (or deleted) meanwhile keeps no stale narrative.
        var narrated = await _retros.UpdateAsync(closed.Id, current => current?.ClosedAt == closed.ClosedAt && current?.Outcome is { } kept
            ? Change<Retrospective, Retrospective?>.Save(current with { Outcome = kept with { Narrative = narrative } }, current with { Outcome = kept with { Narrative = narrative } })
            : Change<Retrospective, Retrospective?>.Keep(null), cancellationToken);
        return narrated is null ? [] : UpdateFor(narrated, _cards.Summary(narrated, project, kpis, Language(narrated))) ?? [];
    }

    public async Task<TurnResult> ReopenAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        var (retro, project) = loaded;
        if (retro.IsOpen) return Notice(turn, "retro.reopen.notClosed");
        if (!retro.IsFacilitatorOrOwner(turn.Ids, project)) return NotAllowed(turn, retro, "retro.reopen.notAllowed");
        if (project.OpenRetro is { } other && other.Id != retro.Id) return Notice(turn, "retro.reopen.another");
        if (await _retros.ReopenAsync(retro, cancellationToken) is not { } reopened) return Notice(turn, "retro.reopen.tooLate");
        var after = await ProjectAsync(reopened, cancellationToken) ?? project;
        var live = _cards.Live(reopened, after, await KpisAsync(reopened, after, cancellationToken), time.GetUtcNow(), Language(reopened));
        var said = replies.Text(turn.Language, "retro.reopened", Named(project));
        return turn.Verb is null ? TurnResult.Say(said, Tracked(reopened, live)) : new TurnResult([said], ReplaceCard: live, Updates: UpdateFor(reopened, live));
    }

    public async Task<TurnResult> DeleteAsync(UserTurn turn, JsonObject data, bool confirmed, CancellationToken cancellationToken)
    {
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        var (retro, project) = loaded;
        if (!retro.IsFacilitatorOrOwner(turn.Ids, project)) return NotAllowed(turn, retro, "retro.delete.notAllowed");
        if (!confirmed)
        {
            var confirm = _cards.ConfirmDelete(retro, turn.Language);
            return turn.Verb is null ? TurnResult.Say(OutgoingMessage.OfCard(confirm)) : new TurnResult([], ReplaceCard: confirm);
        }
        await _retros.DeleteAsync(retro, cancellationToken);
        var gone = CardElements.Card([CardElements.Text(content.Strings.Format(Language(retro), "retro.deleted", ("title", _cards.Template(retro).Title[Language(retro)])), subtle: true)], [],
            content.Strings.Format(Language(retro), "retro.deleted", ("title", _cards.Template(retro).Title[Language(retro)])));
        return new TurnResult([replies.Text(turn.Language, "retro.deletedFor", Named(project))], ReplaceCard: turn.Verb is null ? null : gone, Updates: UpdateFor(retro, gone));
    }

    /// <summary><c>retro export</c> or the summary's button: the retro as Markdown.</summary>
    public async Task<TurnResult> ExportAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await LoadAsync(turn, data, cancellationToken) is not { } loaded) return await RefusalAsync(turn, data, cancellationToken);
        return TurnResult.Say(OutgoingMessage.OfDocument(await DocumentAsync(loaded.Retro, loaded.Project, turn.Language, cancellationToken)));
    }

    /// <summary>The export accepted as a file, built again; null when the retro is gone or not the asker's.</summary>
    public async Task<ExportDocument?> DocumentAgainAsync(UserTurn turn, JsonObject reference, CancellationToken cancellationToken) =>
        await LoadAsync(turn, reference, cancellationToken) is { } loaded ? await DocumentAsync(loaded.Retro, loaded.Project, turn.Language, cancellationToken) : null;

    /// <summary>
    /// The typed commands (<c>retro close</c>, <c>retro reopen</c>, <c>retro delete</c>, <c>retro export</c>) act on the named
    /// project's latest retro, else on the channel's project, else on the only project with one.
    /// </summary>
    public async Task<TurnResult> TypedAsync(UserTurn turn, string command, string? name, CancellationToken cancellationToken)
    {
        var owned = await projects.ListAsync(Owner(turn), cancellationToken);
        var candidates = name is not null
            ? (await projects.FindByNameAsync(Owner(turn), name, cancellationToken)).Project is { } named ? [named] : []
            : ChannelProject(turn, owned) is { } linked ? [linked] : owned.Where(p => p.RetroHistory.Count > 0).ToList();
        var withRetro = candidates.Where(p => command == CommandIds.RetroCloseTyped ? p.OpenRetro is not null : p.RetroHistory.Count > 0).ToList();
        if (withRetro.Count == 0) return Say(turn, command == CommandIds.RetroCloseTyped ? "retro.typed.noneOpen" : "retro.typed.none");
        if (withRetro.Count > 1)
            return TurnResult.Say(replies.Text(turn.Language, "retro.typed.which", new Dictionary<string, string> { ["names"] = string.Join(", ", withRetro.Select(p => MarkdownText.Literal(p.Name))) }));
        var project = withRetro[0];
        var entry = command == CommandIds.RetroCloseTyped ? project.OpenRetro! : project.RetroHistory[^1];
        var data = new JsonObject { [RetroCards.RetroField] = entry.Id };
        return command switch
        {
            CommandIds.RetroCloseTyped => await CloseFormAsync(turn, data, cancellationToken),
            CommandIds.RetroReopenTyped => await ReopenAsync(turn, data, cancellationToken),
            CommandIds.RetroDeleteTyped => await DeleteAsync(turn, data, confirmed: false, cancellationToken),
            _ => await ExportAsync(turn, data, cancellationToken),
        };
    }

    private async Task<ExportDocument> DocumentAsync(Retrospective retro, Project project, Language language, CancellationToken cancellationToken)
    {
        var markdown = _markdown.Render(retro, project, await KpisAsync(retro, project, cancellationToken), language);
        return new ExportDocument(
            $"retro-{ExportFileName.Part(project.Name)}-{retro.OpenedAt:yyyy-MM-dd}.md",
            content.Strings.Format(language, "retro.export.description", ("project", project.Name)),
            content.Strings.Format(language, "retro.export.intro", ("project", MarkdownText.Literal(project.Name))),
            markdown,
            new JsonObject { [RetroCards.RetroField] = retro.Id });
    }

    private async Task<TurnResult> AfterBoardChangeAsync(UserTurn turn, Retrospective retro, Project project, (Retrospective Retro, BoardOutcome Outcome)? result,
        bool mine, string doneKey, CancellationToken cancellationToken)
    {
        if (result is not { } changed) return Say(turn, "retro.notFound");
        if (changed.Outcome != BoardOutcome.Done) return Notice(turn, OutcomeKey(changed.Outcome), ("max", MaxFor(changed.Outcome)), ("date", retro.Deadline is { } d ? turn.Language.Date(d) : ""));
        var live = _cards.Live(changed.Retro, project, await KpisAsync(changed.Retro, project, cancellationToken), time.GetUtcNow(), Language(changed.Retro));
        var status = content.Strings.Get(turn.Language, doneKey);
        var mineCard = mine ? Yours(turn, changed.Retro, status) : WithStatus(live, status);
        return new TurnResult([], ReplaceCard: mineCard, Updates: UpdateFor(changed.Retro, live));
    }

    private string MaxFor(BoardOutcome outcome) => (outcome switch
    {
        BoardOutcome.TooLong => Retrospective.MaxItemLength,
        BoardOutcome.TooManyItems => Retrospective.MaxItems,
        BoardOutcome.TooManyOfYours => Retrospective.MaxItemsPerMember,
        _ => content.Retros.VotesPerMember,
    }).ToString(CultureInfo.InvariantCulture);

    private static string OutcomeKey(BoardOutcome outcome) => outcome switch
    {
        BoardOutcome.NotOpen => "retro.closedAlready",
        BoardOutcome.DeadlinePassed => "retro.add.deadlinePassed",
        BoardOutcome.Empty => "retro.add.empty",
        BoardOutcome.TooLong => "retro.add.tooLong",
        BoardOutcome.TooManyItems => "retro.add.tooManyItems",
        BoardOutcome.TooManyOfYours => "retro.add.tooManyOfYours",
        BoardOutcome.NotYourItem => "retro.item.notYours",
        BoardOutcome.TooManyVotes => "retro.votes.tooMany",
        _ => "retro.item.unknown",
    };

    private JsonObject Yours(UserTurn turn, Retrospective retro, string? status) =>
        _cards.Yours(retro, RetroBoard.Mine(retro, turn.UserId), RetroBoard.MyVotes(retro, turn.UserId), turn.Language, status);

    private static JsonObject WithStatus(JsonObject card, string status)
    {
        var copy = card.DeepClone().AsObject();
        ((JsonArray)copy["body"]!).Insert(0, CardElements.Text(status, color: "Good"));
        return copy;
    }

    private Task<(Retrospective Retro, BoardOutcome Outcome)?> EditAsync(string id, Func<Retrospective, (Retrospective Retro, BoardOutcome Outcome)> change, CancellationToken cancellationToken) =>
        _retros.UpdateAsync(id, current =>
        {
            if (current is null) return Edit.Keep(null);
            var (after, outcome) = change(current);
            return outcome == BoardOutcome.Done ? Edit.Save(after, (after, outcome)) : Edit.Keep((current, outcome));
        }, cancellationToken);

    private async Task<OutgoingMessage> LiveMessageAsync(Retrospective retro, Project project, CancellationToken cancellationToken) =>
        Tracked(retro, _cards.Live(retro, project, await KpisAsync(retro, project, cancellationToken), time.GetUtcNow(), Language(retro)));

    private static OutgoingMessage Tracked(Retrospective retro, JsonObject card) => OutgoingMessage.OfCard(card) with { Track = TrackPrefix + retro.Id };

    private async Task<JsonObject> SharedCardAsync(Retrospective retro, Project project, CancellationToken cancellationToken)
    {
        var kpis = await KpisAsync(retro, project, cancellationToken);
        return retro.IsOpen ? _cards.Live(retro, project, kpis, time.GetUtcNow(), Language(retro)) : _cards.Summary(retro, project, kpis, Language(retro));
    }

    private static IReadOnlyList<CardUpdate>? UpdateFor(Retrospective retro, JsonObject card) =>
        retro.Card is { } where ? [new CardUpdate(where.ServiceUrl, where.ConversationId, where.ActivityId, card)] : null;

    private async Task<IReadOnlyList<KpiResult>> KpisAsync(Retrospective retro, Project project, CancellationToken cancellationToken)
    {
        var history = (await store.ReadAsync(NudgeDispatcher.HistoryKey(project.Id), CoachingJsonContext.Default.KpiHistory, cancellationToken))?.Value ?? new KpiHistory([]);
        var end = retro.ClosedAt ?? time.GetUtcNow();
        return RetroKpis.Of(project, history, retro.PeriodStart, DateOnly.FromDateTime(end.UtcDateTime));
    }

    /// <summary>Who may own an action: the channel's members as Teams lists them, else the people the retro and the project know.</summary>
    private async Task<IReadOnlyList<(string Id, string Name)>> MembersAsync(UserTurn turn, Retrospective retro, Project project, CancellationToken cancellationToken)
    {
        var listed = members is null ? null : await members.ListAsync(turn.Scope, cancellationToken);
        var people = new List<(string Id, string Name)>();
        if (listed is not null) people.AddRange(listed.Select(m => (m.Id, DisplayName.Of(m.Name))));
        else
        {
            people.Add((retro.FacilitatorId, retro.FacilitatorName));
            people.AddRange(retro.Items.Where(i => i.AuthorId is not null).Select(i => (i.AuthorId!, i.AuthorName ?? "?")));
            if (project.Channel is { } setup)
            {
                people.Add((setup.SetUpBy, setup.SetUpByName));
                people.AddRange(setup.Editors.Select(e => (e.Id, e.Name)));
            }
        }
        people.Add((turn.UserId, DisplayName.Of(turn.UserName)));
        return people.DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private static IReadOnlyList<ProjectAction> OpenPrevious(Project project, Retrospective retro) =>
        RetroCards.PreviousRetroActions(project, retro).Where(a => a.DoneAt is null).ToList();

    private async Task<(Retrospective Retro, Project Project)?> LoadAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var (access, retro) = await _retros.GetAsync(Owner(turn), CardValues.Text(data[RetroCards.RetroField]), cancellationToken);
        if (access != RetroAccess.Found) return null;
        return await ProjectAsync(retro!, cancellationToken) is { } project ? (retro!, project) : null;
    }

    private async Task<TurnResult> RefusalAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var (access, _) = await _retros.GetAsync(Owner(turn), CardValues.Text(data[RetroCards.RetroField]), cancellationToken);
        return Notice(turn, access == RetroAccess.NotYours ? "retro.notYours" : "retro.notFound");
    }

    private async Task<Project?> ProjectAsync(Retrospective retro, CancellationToken cancellationToken) =>
        (await projects.GetAsync(retro.Ownership, retro.ProjectId, cancellationToken)).Project;

    private async Task<Project?> ChosenAsync(UserTurn turn, IReadOnlyList<Project> owned, string? name, CancellationToken cancellationToken) =>
        name is not null ? (await projects.FindByNameAsync(Owner(turn), name, cancellationToken)).Project : ChannelProject(turn, owned) ?? owned[0];

    private static Project? ChannelProject(UserTurn turn, IReadOnlyList<Project> owned) =>
        turn.Scope.ChannelId is { } channel ? owned.FirstOrDefault(p => p.Channel?.Channel.ChannelId == channel) : null;

    private static TimeZoneInfo Zone(UserTurn turn, Project project) =>
        NudgeTime.FindZone(turn.TimeZone) ?? (project.Channel is { } setup ? NudgeTime.FindZone(setup.Plan.TimeZone) : null) ?? TimeZoneInfo.Utc;

    private static Language Language(Retrospective retro) => Languages.FromLocale(retro.Language);

    private TurnResult NotAllowed(UserTurn turn, Retrospective retro, string key) =>
        Notice(turn, key, ("facilitator", MarkdownText.Literal(retro.FacilitatorName)));

    private string Problem(Language language, string key, int n) => content.Strings.Format(language, key, ("n", n.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A refusal: beside the card for a button, as a message for a typed command.</summary>
    private TurnResult Notice(UserTurn turn, string key, params (string Name, string Value)[] args)
    {
        var text = content.Strings.Format(turn.Language, key, args);
        return turn.Verb is null ? TurnResult.Say(OutgoingMessage.OfText(text)) : new TurnResult([], Notice: text);
    }

    private TurnResult Say(UserTurn turn, string key) => TurnResult.Say(replies.Text(turn.Language, key));

    private static Dictionary<string, string> Named(Project project) => new() { ["project"] = MarkdownText.Literal(project.Name) };

    private static ProjectOwnership Owner(UserTurn turn) => ProjectOwnership.For(turn.Scope, turn.UserId);
}
