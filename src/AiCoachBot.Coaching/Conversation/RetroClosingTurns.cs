using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// Ending a retro: only its facilitator or the project owner closes it (the decision, what became of earlier actions,
/// the new actions owned by members of the conversation), reopens it within a day, or deletes it; anyone in the team
/// exports it. The summary is shown at once; a language model's narrative, when there is one, follows.
/// </summary>
public sealed class RetroClosingTurns(
    CoachingContent content, ProjectStore projects, Replies replies, RetroDesk desk, RetroTurns running, RetroNarrator narrator,
    Func<UserTurn, CancellationToken, Task<IReadOnlyList<string>>> knownNames, IChannelMembers? members)
{
    private readonly RetroMarkdown _markdown = new(content);

    public async Task<TurnResult> CloseFormAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        var (retro, project) = loaded;
        if (!retro.IsOpen) return desk.Notice(turn, "retro.close.already");
        if (!retro.IsFacilitatorOrOwner(turn.Ids, project)) return NotAllowed(turn, retro, "retro.close.notAllowed");
        var form = desk.Closing.CloseForm(retro, project, EarlierOpen(project, retro), await OwnersAsync(turn, retro, project, cancellationToken), turn.Language);
        return turn.Verb is null ? TurnResult.Say(OutgoingMessage.OfCard(form)) : new TurnResult([], ReplaceCard: form);
    }

    /// <summary>The closing form's button: every field checked, every problem listed at once; then the summary for everyone.</summary>
    public async Task<TurnResult> CloseAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        var (retro, project) = loaded;
        if (!retro.IsOpen) return desk.Notice(turn, "retro.close.already");
        if (!retro.IsFacilitatorOrOwner(turn.Ids, project)) return NotAllowed(turn, retro, "retro.close.notAllowed");
        var template = desk.Parts.Template(retro);
        var owners = await OwnersAsync(turn, retro, project, cancellationToken);
        var earlier = EarlierOpen(project, retro);
        var problems = new List<string>();
        var decision = CardValues.Text(data[RetroClosingCards.DecisionInput]);
        if (decision is null || !RetroTemplate.Decisions(template.Decision).Contains(decision)) problems.Add(content.Strings.Get(language, "retro.close.needDecision"));
        // Absent is empty; not text, or beyond any limit, is refused as too long.
        var rationale = data[RetroClosingCards.RationaleInput] is not { } raw ? "" : CardValues.Text(raw, CardValues.MaxInputLength) is { } typed ? TextNormalizer.Clean(typed) : null;
        if (rationale is null || rationale.Length > Retrospective.MaxRationaleLength)
            problems.Add(content.Strings.Format(language, "retro.close.rationaleTooLong", ("max", Retrospective.MaxRationaleLength.ToString(CultureInfo.InvariantCulture))));
        else if (rationale.Length == 0) problems.Add(content.Strings.Get(language, "retro.close.needRationale"));
        var reviews = earlier.Select(a => new ActionReview(a.Id, a.Text, CardValues.Text(data[RetroClosingCards.ReviewPrefix + a.Id]) is { } s && ReviewStatus.All.Contains(s) ? s : ReviewStatus.Carried)).ToList();
        var today = desk.Today(turn, project);
        var actions = new List<ProjectAction>();
        for (var n = 1; n <= Retrospective.MaxActions; n++)
        {
            var text = TextNormalizer.Clean(CardValues.Text(data[RetroClosingCards.ActionText(n)], CardValues.MaxInputLength) ?? "");
            var ownerId = CardValues.Text(data[RetroClosingCards.ActionOwner(n)])?.Trim() ?? "";
            var dueText = CardValues.Text(data[RetroClosingCards.ActionDue(n)])?.Trim() ?? "";
            if (text.Length == 0)
            {
                if (ownerId.Length > 0 || dueText.Length > 0) problems.Add(Problem(language, "retro.close.actionNoText", n));
                continue;
            }
            if (text.Length > ProjectStore.MaxActionLength) { problems.Add(Problem(language, "retro.close.actionTooLong", n)); continue; }
            var owner = await OwnerAsync(turn, owners, ownerId, cancellationToken);
            if (owner is null) { problems.Add(Problem(language, "retro.close.actionOwner", n)); continue; }
            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) || due < today || due > today.AddYears(2))
            { problems.Add(Problem(language, "retro.close.actionDue", n)); continue; }
            actions.Add(new ProjectAction(Guid.NewGuid().ToString("N")[..12], text, RetroStore.ActionSource(retro.Id, n), turn.UserId, desk.Time.GetUtcNow(), owner.Name, due, OwnerId: owner.Id));
        }
        if (problems.Count > 0) return new TurnResult([], ReplaceCard: desk.Closing.CloseForm(retro, project, earlier, owners, language, problems, data));

        var outcome = new RetroOutcome(decision!, rationale!, actions, reviews);
        if (await desk.Retros.CloseAsync(retro, outcome, DisplayName.Of(turn.UserName), cancellationToken) is not { } closed) return desk.Notice(turn, "retro.close.already");
        var after = await desk.ProjectAsync(closed, cancellationToken) ?? project;
        var summary = await desk.SharedCardAsync(closed, after, cancellationToken);
        var announce = replies.Text(language, "retro.closed", new Dictionary<string, string>
        {
            ["project"] = MarkdownText.Literal(project.Name),
            ["decision"] = content.Strings.Get(language, $"retro.decision.{decision}"),
            ["count"] = actions.Count.ToString(CultureInfo.InvariantCulture),
        });
        var names = narrator.IsConfigured ? await NamesAsync(turn, closed, after, owners, cancellationToken) : [];
        return new TurnResult([announce], ReplaceCard: summary, LaterKey: RetroDesk.LaterKey(closed.Id), Later: async (publish, ct) =>
        {
            await publish(RetroDesk.Everywhere(closed, summary));
            if (narrator.IsConfigured) await NarrateAsync(closed, after, names, turn, publish, ct);
        });
    }

    /// <summary>The narrative, written after the summary was shown, kept on the retro and added to every copy of its card.</summary>
    private async Task NarrateAsync(Retrospective closed, Project project, IReadOnlyList<string> names, UserTurn turn, Func<IReadOnlyList<CardUpdate>, Task> publish, CancellationToken cancellationToken)
    {
        var kpis = await desk.KpisAsync(closed, project, cancellationToken);
        if (await narrator.NarrateAsync(closed, kpis, names, turn.Scope.TenantId, turn.UserId, cancellationToken) is not { } narrative) return;
        // Only onto the closing it was written for: a retro reopened or deleted meanwhile keeps no stale narrative.
        var narrated = await desk.Retros.UpdateAsync(closed.Id, current =>
        {
            if (current?.ClosedAt != closed.ClosedAt || current?.Outcome is not { } kept) return Change<Retrospective, Retrospective?>.Keep(null);
            var after = current with { Outcome = kept with { Narrative = narrative } };
            return Change<Retrospective, Retrospective?>.Save(after, after);
        }, cancellationToken);
        if (narrated is not null) await desk.RefreshAsync(narrated.Id, publish, cancellationToken);
    }

    public async Task<TurnResult> ReopenAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        var (retro, project) = loaded;
        if (retro.IsOpen) return desk.Notice(turn, "retro.reopen.notClosed");
        if (!retro.IsFacilitatorOrOwner(turn.Ids, project)) return NotAllowed(turn, retro, "retro.reopen.notAllowed");
        if (project.OpenRetro is { } other && other.Id != retro.Id) return desk.Notice(turn, "retro.reopen.another");
        if (await desk.Retros.ReopenAsync(retro, cancellationToken) is not { } reopened) return desk.Notice(turn, "retro.reopen.tooLate");
        var after = await desk.ProjectAsync(reopened, cancellationToken) ?? project;
        var said = replies.Text(turn.Language, "retro.reopened", RetroDesk.Named(project));
        return turn.Verb is null
            ? desk.WithRefresh(TurnResult.Say(said, await running.LiveMessageAsync(reopened, after, cancellationToken)), reopened.Id)
            : desk.WithRefresh(new TurnResult([said], ReplaceCard: await desk.SharedCardAsync(reopened, after, cancellationToken)), reopened.Id);
    }

    public async Task<TurnResult> DeleteAsync(UserTurn turn, JsonObject data, bool confirmed, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        var (retro, project) = loaded;
        if (!retro.IsFacilitatorOrOwner(turn.Ids, project)) return NotAllowed(turn, retro, "retro.delete.notAllowed");
        if (!confirmed)
        {
            var confirm = desk.Closing.ConfirmDelete(retro, turn.Language);
            return turn.Verb is null ? TurnResult.Say(OutgoingMessage.OfCard(confirm)) : new TurnResult([], ReplaceCard: confirm);
        }
        await desk.Retros.DeleteAsync(retro, cancellationToken);
        var gone = desk.Closing.Deleted(retro, RetroDesk.Language(retro));
        return new TurnResult([replies.Text(turn.Language, "retro.deletedFor", RetroDesk.Named(project))], ReplaceCard: gone,
            LaterKey: RetroDesk.LaterKey(retro.Id), Later: (publish, _) => publish(RetroDesk.Everywhere(retro, gone)));
    }

    /// <summary><c>retro export</c> or the summary's button: the retro as Markdown, whole.</summary>
    public async Task<TurnResult> ExportAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(turn, data, cancellationToken) is not { } loaded) return await desk.RefusalAsync(turn, data, cancellationToken);
        return TurnResult.Say(OutgoingMessage.OfDocument(await DocumentAsync(loaded.Retro, loaded.Project, turn.Language, cancellationToken)));
    }

    /// <summary>The export accepted as a file, built again; null when the retro is gone or not the asker's.</summary>
    public async Task<ExportDocument?> DocumentAgainAsync(UserTurn turn, JsonObject reference, CancellationToken cancellationToken) =>
        await desk.LoadAsync(turn, reference, cancellationToken) is { } loaded ? await DocumentAsync(loaded.Retro, loaded.Project, turn.Language, cancellationToken) : null;

    /// <summary>
    /// The typed commands (<c>retro close</c>, <c>retro reopen</c>, <c>retro delete</c>, <c>retro export</c>) act on the named
    /// project's latest retro, else on the channel's project's, else on the only project with one.
    /// </summary>
    public async Task<TurnResult> TypedAsync(UserTurn turn, string command, string? name, CancellationToken cancellationToken)
    {
        var owned = await projects.ListAsync(RetroDesk.Owner(turn), cancellationToken);
        var candidates = name is not null
            ? (await projects.FindByNameAsync(RetroDesk.Owner(turn), name, cancellationToken)).Project is { } named ? [named] : []
            : ProjectStore.LinkedTo(owned, turn.Scope.ChannelId) is { } linked ? [linked] : owned;
        var closing = command == CommandIds.RetroCloseTyped;
        var withRetro = candidates.Where(p => closing ? p.OpenRetro is not null : p.RetroHistory.Count > 0).ToList();
        if (withRetro.Count == 0) return desk.Say(turn, closing ? "retro.typed.noneOpen" : "retro.typed.none");
        if (withRetro.Count > 1)
            return desk.Say(turn, "retro.typed.which", new Dictionary<string, string> { ["names"] = string.Join(", ", withRetro.Select(p => MarkdownText.Literal(p.Name))) });
        var project = withRetro[0];
        var data = new JsonObject { [RetroCardParts.RetroField] = (closing ? project.OpenRetro! : project.RetroHistory[^1]).Id };
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
        var markdown = _markdown.Render(retro, project, await desk.KpisAsync(retro, project, cancellationToken), language);
        return new ExportDocument(
            $"retro-{ExportFileName.Part(project.Name)}-{retro.OpenedAt:yyyy-MM-dd}.md",
            content.Strings.Format(language, "retro.export.description", ("project", project.Name)),
            content.Strings.Format(language, "retro.export.intro", ("project", MarkdownText.Literal(project.Name))),
            markdown,
            new JsonObject { [RetroCardParts.RetroField] = retro.Id });
    }

    /// <summary>
    /// The people offered as owners: those the retro and the project know first, then the conversation's members as
    /// Teams lists them. When Teams would not say, the people known are the whole list.
    /// </summary>
    private async Task<IReadOnlyList<ChannelMember>> OwnersAsync(UserTurn turn, Retrospective retro, Project project, CancellationToken cancellationToken)
    {
        var known = new List<ChannelMember> { new(turn.UserId, DisplayName.Of(turn.UserName)), new(retro.FacilitatorId, retro.FacilitatorName) };
        known.AddRange(retro.Items.Where(i => i.AuthorId is not null).Select(i => new ChannelMember(i.AuthorId!, i.AuthorName ?? "?")));
        if (project.Channel is { } setup) known.AddRange([new(setup.SetUpBy, setup.SetUpByName), .. setup.Editors.Select(e => new ChannelMember(e.Id, e.Name))]);
        var listed = members is null ? null : await members.ListAsync(turn.Scope, cancellationToken);
        return [.. known.Concat(listed ?? []).DistinctBy(m => m.Id)];
    }

    /// <summary>An owner from the list, or anyone else Teams confirms is a member of the conversation (found by search in Teams).</summary>
    private async Task<ChannelMember?> OwnerAsync(UserTurn turn, IReadOnlyList<ChannelMember> offered, string id, CancellationToken cancellationToken)
    {
        if (id.Length == 0) return null;
        if (offered.FirstOrDefault(m => m.Id == id) is { } listed) return listed;
        return members is null ? null : await members.FindAsync(turn.Scope, id, cancellationToken);
    }

    /// <summary>Every name the narrative must not carry: the conversation's members and everyone the retro and the coach know.</summary>
    private async Task<IReadOnlyList<string>> NamesAsync(UserTurn turn, Retrospective closed, Project project, IReadOnlyList<ChannelMember> owners, CancellationToken cancellationToken)
    {
        var names = new List<string>(await knownNames(turn, cancellationToken)) { closed.FacilitatorName, closed.ClosedByName ?? "" };
        names.AddRange(owners.Select(o => o.Name));
        names.AddRange(closed.Items.Select(i => i.AuthorName).OfType<string>());
        names.AddRange(closed.Outcome!.Actions.Select(a => a.Owner).OfType<string>());
        if (project.Channel is { } setup) names.Add(setup.SetUpByName);
        return [.. names.Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static IReadOnlyList<ProjectAction> EarlierOpen(Project project, Retrospective retro) =>
        RetroCardParts.EarlierActions(project, retro).Where(a => a.DoneAt is null).ToList();

    private TurnResult NotAllowed(UserTurn turn, Retrospective retro, string key) =>
        desk.Notice(turn, key, ("facilitator", MarkdownText.Literal(retro.FacilitatorName)));

    private string Problem(Language language, string key, int n) => content.Strings.Format(language, key, ("n", n.ToString(CultureInfo.InvariantCulture)));
}
