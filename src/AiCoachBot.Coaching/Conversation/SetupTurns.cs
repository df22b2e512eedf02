using AiCoachBot.Coaching.Privacy;
using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// A project's channel set-up: <c>setup</c> (or <c>kpi edit</c>) opens the card, its button saves it; <c>nudges
/// pause</c> / <c>resume</c> and <c>kpi status</c> act on the project set up in this channel. Only in a team channel;
/// only the set-up's owner or someone they named changes it.
/// </summary>
public sealed class SetupTurns(CoachingContent content, ProjectStore projects, Replies replies, TimeProvider time, NudgeDispatcher? dispatcher)
{
    private readonly SetupCardRenderer _card = new(content);

    public async Task<TurnResult> OpenAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (ChannelOf(turn) is not { } channel) return Say(turn, "setup.notChannel");
        var team = Team(turn);
        var owned = await projects.ListAsync(team, cancellationToken);
        var linked = ProjectStore.LinkedTo(owned, channel.ChannelId);
        if (linked?.Channel is { } current && !current.MayChange(turn.Ids)) return NotAllowed(turn, current);
        return TurnResult.Say(OutgoingMessage.OfCard(_card.Render(owned, linked, turn.TimeZone, turn.Language)));
    }

    public async Task<TurnResult> SaveAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (ChannelOf(turn) is not { } channel) return Say(turn, "setup.notChannel");
        var (kpis, plan, problems) = SetupInput.Read(data, () => Guid.NewGuid().ToString("N")[..8]);
        var phase = content.Phases.Find(CardValues.Text(data["phase"]))?.Id;
        var choice = CardValues.Text(data["project"]);
        var newName = TextNormalizer.Clean(CardValues.Text(data["newName"], CardValues.MaxInputLength));
        var list = problems.Select(p => SetupInput.Describe(p, content.Strings, language)).ToList();
        if (choice is null || (choice == SetupCardRenderer.NewProject && newName.Length == 0)) list.Insert(0, content.Strings.Get(language, "setup.project.missing"));
        if (phase is null) list.Insert(0, content.Strings.Get(language, "setup.phase.missing"));
        if (list.Count > 0 || plan is null || phase is null || choice is null)
            return TurnResult.Say(OutgoingMessage.OfText(content.Strings.Get(language, "setup.problems") + "\n\n" + string.Join("\n", list.Select(l => $"- {l}"))));

        var team = Team(turn);
        string projectId;
        if (choice == SetupCardRenderer.NewProject)
        {
            var creation = await projects.CreateAsync(team, newName, "", phase, turn.UserId, cancellationToken);
            projectId = creation.Created?.Id ?? creation.NameTakenBy!.Id;
        }
        else projectId = choice;

        var setup = new ProjectChannel(channel, kpis, plan, turn.UserId, DisplayName.Of(turn.UserName), time.GetUtcNow(), []);
        var (outcome, project) = await projects.SetChannelAsync(team, projectId, setup, phase, turn.Ids, cancellationToken);
        return outcome switch
        {
            SetupOutcome.Saved => TurnResult.Say(OutgoingMessage.OfText(content.Strings.Format(language, "setup.saved", new Dictionary<string, string>
            {
                ["project"] = MarkdownText.Literal(project!.Name),
                ["count"] = kpis.Count.ToString(CultureInfo.InvariantCulture),
                ["day"] = language.Culture().DateTimeFormat.GetDayName(plan.Day),
                ["time"] = plan.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["zone"] = plan.TimeZone,
                ["next"] = NextText(project.Channel!, language),
            }))),
            SetupOutcome.NotAllowed => NotAllowed(turn, project!.Channel!),
            SetupOutcome.NotYours => Say(turn, TextKeys.ProjectNotYours),
            _ => Say(turn, TextKeys.ProjectNotFound),
        };
    }

    public async Task<TurnResult> SetPausedAsync(UserTurn turn, bool paused, CancellationToken cancellationToken)
    {
        if (await LinkedAsync(turn, cancellationToken) is not { } linked) return Say(turn, ChannelOf(turn) is null ? "setup.notChannel" : "nudges.notSetUp");
        var (outcome, project) = await projects.SetPausedAsync(Team(turn), linked.Id, turn.Ids, paused, cancellationToken);
        if (outcome == SetupOutcome.NotAllowed) return NotAllowed(turn, project!.Channel!);
        if (outcome != SetupOutcome.Saved) return Say(turn, "nudges.notSetUp");
        var args = new Dictionary<string, string> { ["project"] = MarkdownText.Literal(project!.Name), ["next"] = NextText(project.Channel!, turn.Language) };
        return TurnResult.Say(replies.Text(turn.Language, paused ? "nudges.paused" : "nudges.resumed", args));
    }

    /// <summary><c>nudges now</c>: this week's card at once, by whoever may change the set-up; never a second one for the week.</summary>
    public async Task<TurnResult> NowAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (await LinkedAsync(turn, cancellationToken) is not { Channel: { } setup } project) return Say(turn, ChannelOf(turn) is null ? "setup.notChannel" : "nudges.notSetUp");
        if (!setup.MayChange(turn.Ids)) return NotAllowed(turn, setup);
        var result = dispatcher is null ? NudgeDispatcher.NowResult.NotPosted : await dispatcher.PostNowAsync(project, cancellationToken);
        var key = result switch
        {
            NudgeDispatcher.NowResult.Posted => "nudges.now.posted",
            NudgeDispatcher.NowResult.AlreadyPosted => "nudges.now.already",
            _ => "nudges.now.failed",
        };
        return TurnResult.Say(replies.Text(turn.Language, key, new Dictionary<string, string> { ["project"] = MarkdownText.Literal(project.Name) }));
    }

    /// <summary><c>setup editors @name @name</c>: the owner names who else may change the set-up; with nobody mentioned, only the owner.</summary>
    public async Task<TurnResult> EditorsAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (await LinkedAsync(turn, cancellationToken) is not { Channel: { } setup } linked) return Say(turn, ChannelOf(turn) is null ? "setup.notChannel" : "nudges.notSetUp");
        var editors = (turn.Mentions ?? []).Where(m => !turn.Ids.Contains(m.Id)).Select(m => new ChannelEditor(m.Id, DisplayName.Of(m.Name))).ToList();
        var (outcome, project) = await projects.SetEditorsAsync(Team(turn), linked.Id, turn.Ids, editors, cancellationToken);
        if (outcome == SetupOutcome.NotAllowed)
            return TurnResult.Say(replies.Text(turn.Language, "setup.editors.onlyOwner", new Dictionary<string, string> { ["owner"] = OwnerName(setup, turn.Language) }));
        if (outcome != SetupOutcome.Saved) return Say(turn, "nudges.notSetUp");
        var names = project!.Channel!.Editors.Select(e => MarkdownText.Literal(e.Name)).ToList();
        return TurnResult.Say(replies.Text(turn.Language, names.Count == 0 ? "setup.editors.cleared" : "setup.editors.set",
            new Dictionary<string, string> { ["project"] = MarkdownText.Literal(project.Name), ["names"] = string.Join(", ", names) }));
    }

    public async Task<TurnResult> StatusAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (await LinkedAsync(turn, cancellationToken) is not { Channel: { } setup } project) return Say(turn, ChannelOf(turn) is null ? "setup.notChannel" : "nudges.notSetUp");
        var language = turn.Language;
        var strings = content.Strings;
        var body = new JsonArray { UserText(strings.Format(language, "kpi.status.title", ("project", project.Name)), size: "Large", weight: "Bolder") };
        foreach (var kpi in setup.Kpis)
        {
            body.Add(Text(strings.Format(language, "kpi.status.kpi", new Dictionary<string, string>
            {
                ["name"] = MarkdownText.Literal(kpi.Name),
                ["baseline"] = language.Number(kpi.Baseline),
                ["target"] = language.Number(kpi.Target),
                ["unit"] = KpiText.Unit(kpi),
                ["direction"] = strings.Get(language, kpi.Direction == KpiDirection.HigherIsBetter ? "kpi.status.higher" : "kpi.status.lower"),
                ["date"] = kpi.TargetDate is { } d ? strings.Format(language, "kpi.status.by", ("date", language.Date(d))) : "",
                ["owner"] = MarkdownText.Literal(kpi.Owner),
                ["method"] = MarkdownText.Literal(kpi.Method),
            }), separator: true));
        }
        body.Add(Text(setup.Plan.Paused ? strings.Get(language, "kpi.status.paused") : strings.Format(language, "kpi.status.next", ("next", NextText(setup, language))), weight: "Bolder", separator: true));
        if (dispatcher is not null && await dispatcher.LatestAsync(project.Id, setup, cancellationToken) is { State: NudgeState.Failed or NudgeState.Unknown } trouble)
            body.Add(Text(strings.Format(language, trouble.State == NudgeState.Failed ? "kpi.status.failed" : "kpi.status.unknown",
                ("week", trouble.Week), ("attempts", trouble.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("problem", MarkdownText.Literal(trouble.Problem ?? "?"))), color: "Attention"));
        body.Add(Text(strings.Format(language, "kpi.status.dates",
            ("poc", setup.Plan.PocDecision is { } poc ? language.Date(poc) : strings.Get(language, "kpi.status.noDate")),
            ("goLive", setup.Plan.GoLive is { } live ? language.Date(live) : strings.Get(language, "kpi.status.noDate"))), subtle: true));
        var edit = Submit(strings.Get(language, "kpi.status.edit"), CommandIds.Setup);
        return TurnResult.Say(OutgoingMessage.OfCard(Card(body, new JsonArray(edit), strings.Format(language, "kpi.status.title", ("project", project.Name)))));
    }

    /// <summary>The channel the turn happens in, as the bot can post there later; null outside a team channel.</summary>
    private static ChannelReference? ChannelOf(UserTurn turn) =>
        turn.Scope is { Kind: ConversationKind.Channel, TeamId: { Length: > 0 } team, ChannelId: { Length: > 0 } channel, ServiceUrl: { Length: > 0 } serviceUrl }
            ? new ChannelReference(serviceUrl, turn.Scope.TenantId, team, channel)
            : null;

    private async Task<Project?> LinkedAsync(UserTurn turn, CancellationToken cancellationToken) =>
        ChannelOf(turn) is { } channel ? await projects.FindByChannelAsync(Team(turn), channel.ChannelId, cancellationToken) : null;

    private static ProjectOwnership Team(UserTurn turn) => ProjectOwnership.For(turn.Scope, turn.UserId);

    private string NextText(ProjectChannel setup, Language language)
    {
        var next = WeeklySchedule.Next(time.GetUtcNow(), setup.When(setup.Zone));
        var local = TimeZoneInfo.ConvertTime(next, setup.Zone);
        return local.ToString(language == Language.Fr ? "dddd d MMMM yyyy 'à' HH:mm" : "dddd d MMMM yyyy 'at' HH:mm", language.Culture());
    }


    private TurnResult NotAllowed(UserTurn turn, ProjectChannel setup) =>
        TurnResult.Say(replies.Text(turn.Language, "setup.notAllowed", new Dictionary<string, string> { ["owner"] = OwnerName(setup, turn.Language) }));

    /// <summary>The set-up owner's name as people read it: a forgotten one's in their language, an unknown one as "the set-up's owner".</summary>
    private string OwnerName(ProjectChannel setup, Language language) =>
        string.IsNullOrWhiteSpace(setup.SetUpByName) ? content.Strings.Get(language, "setup.owner.unnamed") : content.Strings.Shown(language, setup.SetUpByName);

    private TurnResult Say(UserTurn turn, string key) => TurnResult.Say(replies.Text(turn.Language, key));
}
