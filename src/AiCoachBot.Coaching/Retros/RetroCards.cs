using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using static AiCoachBot.Coaching.Content.CardElements;
using static AiCoachBot.Coaching.Retros.RetroCardParts;

namespace AiCoachBot.Coaching.Retros;

/// <summary>
/// The cards of an open retro: the start form, the live card everyone in the conversation shares, and each member's
/// own view (their votes and their items, shown to them alone).
/// </summary>
public sealed class RetroCards(CoachingContent content)
{
    public const string KindInput = "kind";
    public const string TextInput = "text";
    public const string PitfallsInput = "pitfalls";
    public const string VotesInput = "votes";
    public const string TemplateInput = "template";
    public const string DeadlineInput = "deadline";
    public const string AnonymousInput = "anonymous";
    public const string EditPrefix = "text.";

    private readonly RetroCardParts _parts = new(content);

    private StringCatalog S => content.Strings;

    /// <summary>The start form; a project <paramref name="inItsChannel"/> says so, since its retro will run in its team's channel.</summary>
    public JsonObject Start(IReadOnlyList<Project> projects, Project selected, Language language, Func<Project, bool> inItsChannel, string? error = null)
    {
        var body = new JsonArray
        {
            Text(S.Get(language, "retro.start.title"), size: "Large", weight: "Bolder"),
            Text(S.Get(language, "retro.start.intro")),
        };
        if (error is not null) body.Add(Text(error, color: "Attention"));
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = ProjectCards.ProjectInput, ["style"] = "compact", ["isRequired"] = true,
            ["label"] = S.Get(language, "retro.start.project"), ["value"] = selected.Id,
            ["choices"] = Choices(projects.Select(p => (inItsChannel(p) ? S.Format(language, "retro.start.teamProject", ("project", p.Name)) : p.Name, p.Id))),
        });
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = TemplateInput, ["style"] = "expanded", ["isRequired"] = true,
            ["label"] = S.Get(language, "retro.start.template"), ["value"] = content.Retros.ForPhase(selected.Phase).Id,
            ["choices"] = Choices(content.Retros.Templates.Select(t => (t.Title[language], t.Id))),
        });
        body.Add(new JsonObject { ["type"] = "Input.Date", ["id"] = DeadlineInput, ["label"] = S.Get(language, "retro.start.deadline") });
        body.Add(new JsonObject
        {
            ["type"] = "Input.Toggle", ["id"] = AnonymousInput, ["title"] = S.Get(language, "retro.start.anonymous"),
            ["value"] = "false", ["valueOn"] = "true", ["valueOff"] = "false",
        });
        return Card(body, new JsonArray(Submit(S.Get(language, "retro.start.open"), CommandIds.RetroOpen)), S.Get(language, "retro.start.title"));
    }

    /// <summary>The card the whole conversation shares while the retro is open.</summary>
    public JsonObject Live(Retrospective retro, Project project, IReadOnlyList<KpiResult> kpis, DateTimeOffset now, DateOnly today, Language language)
    {
        var template = _parts.Template(retro);
        var body = _parts.Header(retro, project, language);
        body.Add(Text(S.Format(language, "retro.card.meta", ("name", MarkdownText.Literal(retro.FacilitatorName)), ("date", language.Date(retro.OpenedAt))), subtle: true, size: "Small"));
        body.Add(Text(retro.Reopened ? S.Get(language, "retro.card.reopened")
            : retro.Deadline is { } deadline ? S.Format(language, deadline < now ? "retro.card.deadlinePassed" : "retro.card.deadline", ("date", language.Date(deadline)))
            : S.Get(language, "retro.card.noDeadline"), subtle: true, size: "Small"));
        body.Add(Text(S.Get(language, retro.Anonymous ? "retro.card.anonymous" : "retro.card.named"), size: "Small", color: retro.Anonymous ? "Good" : null));
        body.Add(Text(template.Intro[language]));
        _parts.AddKpis(body, project, retro, kpis, language);
        _parts.AddEarlierActions(body, project, retro, today, language);
        body.Add(Text(S.Get(language, "retro.card.questions"), weight: "Bolder", separator: true));
        foreach (var question in template.Questions) body.Add(Text("• " + question[language], size: "Small"));
        _parts.AddItems(body, retro, language, live: true);
        _parts.AddPitfalls(body, retro, language);

        var actions = new JsonArray();
        if (retro.TakesContributions && (retro.Deadline is null || retro.Deadline >= now))
        {
            body.Add(Text(S.Get(language, "retro.card.add"), weight: "Bolder", separator: true));
            foreach (var kind in Enum.GetValues<ItemKind>())
                body.Add(Text($"**{S.Get(language, KindKey(kind))}**: {template.Prompts[kind][language]}", size: "Small"));
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = KindInput, ["style"] = "expanded", ["value"] = nameof(ItemKind.Well),
                ["label"] = S.Get(language, "retro.form.kind"),
                ["choices"] = Choices(Enum.GetValues<ItemKind>().Select(k => (S.Get(language, KindKey(k)), k.ToString()))),
            });
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = TextInput, ["isMultiline"] = true, ["maxLength"] = Retrospective.MaxItemLength,
                ["label"] = S.Get(language, "retro.form.text"), ["placeholder"] = S.Get(language, "retro.form.placeholder"),
            });
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = PitfallsInput, ["style"] = "compact", ["isMultiSelect"] = true,
                ["label"] = S.Get(language, "retro.form.pitfalls"),
                ["choices"] = Choices(content.Diagnostic.Pitfalls.Select(p => (p.Name[language], p.Id))),
            });
            actions.Add(Execute(S.Get(language, "retro.button.add"), CommandIds.RetroAdd, retro.Id));
        }
        if (retro.TakesContributions) actions.Add(Execute(S.Get(language, "retro.button.yours"), CommandIds.RetroYours, retro.Id, withInputs: false));
        actions.Add(Execute(S.Get(language, "retro.button.close"), CommandIds.RetroCloseForm, retro.Id, withInputs: false));
        return Card(body, actions, S.Format(language, "retro.card.title", ("title", template.Title[language]), ("project", project.Name)));
    }

    /// <summary>A member's own view: the votes they gave and the items they wrote, to change until the retro closes.</summary>
    public JsonObject Yours(Retrospective retro, IReadOnlyList<RetroItem> mine, IReadOnlyList<string> myVotes, Language language, string? status = null)
    {
        var title = S.Format(language, "retro.yours.title", ("title", _parts.Template(retro).Title[language]));
        var votes = content.Retros.VotesPerMember;
        var body = new JsonArray { Text(title, size: "Large", weight: "Bolder") };
        if (status is not null) body.Add(Text(status, color: "Good"));
        body.Add(Text(S.Get(language, "retro.yours.private"), subtle: true, size: "Small"));
        body.Add(Text(S.Format(language, "retro.yours.votes", ("max", Number(votes)), ("used", Number(myVotes.Count))), weight: "Bolder", separator: true));
        if (retro.Items.Count == 0) body.Add(Text(S.Get(language, "retro.yours.nothingToVote")));
        else
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = VotesInput, ["style"] = "expanded", ["isMultiSelect"] = true,
                ["label"] = S.Format(language, "retro.yours.votesLabel", ("max", Number(votes))), ["value"] = string.Join(",", myVotes),
                ["choices"] = Choices(retro.Items.Select(i => ($"{S.Get(language, KindKey(i.Kind))}: {Clip(_parts.ItemText(i, language), 60)}", i.Id))),
            });
            body.Add(ActionSet(Execute(S.Get(language, "retro.button.saveVotes"), CommandIds.RetroVotes, retro.Id)));
        }
        body.Add(Text(S.Get(language, "retro.yours.items"), weight: "Bolder", separator: true));
        if (mine.Count == 0) body.Add(Text(S.Get(language, "retro.yours.none")));
        foreach (var item in mine)
        {
            body.Add(Text(S.Get(language, KindKey(item.Kind)) + (item.Pitfalls.Count > 0 ? " · " + _parts.PitfallNames(item, language) : ""), subtle: true, size: "Small"));
            body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = EditPrefix + item.Id, ["isMultiline"] = true, ["maxLength"] = Retrospective.MaxItemLength, ["value"] = item.Text, ["label"] = S.Get(language, "retro.form.text") });
            body.Add(ActionSet(
                Execute(S.Get(language, "retro.button.save"), CommandIds.RetroEdit, retro.Id, item.Id),
                Execute(S.Get(language, "retro.button.withdraw"), CommandIds.RetroRemove, retro.Id, item.Id, withInputs: false)));
        }
        return Card(body, new JsonArray(Execute(S.Get(language, "retro.button.back"), CommandIds.RetroView, retro.Id, withInputs: false)), title);
    }
}
