using System.Net;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>
/// The pitfall diagnostic over the wire: started by the command, a described problem or a button; the project
/// chosen or created; adaptive questions; the ranked result with remedies that become actions; what a tampered
/// button gets.
/// </summary>
public sealed class DiagnosticTests : FramingTest
{
    private PitfallCatalog Catalog => Content.Diagnostic;

    [Fact]
    public async Task ADescribedProblemWithNoProjectYet_GoesThroughTheForm_ToAFocusedDiagnostic_AndEndsWithTheRankedPitfalls()
    {
        var channel = TeamChannel();
        var form = await SayOneAsync(channel, ActivityBuilder.Mention + " nobody uses the tool we deployed");
        var submit = CardReader.Action(form.Card, Bot.En("project.form.create"))["data"]!.DeepClone().AsObject();
        Assert.Equal("diagnose", submit["then"]!.GetValue<string>());
        submit["name"] = "Email triage";
        submit["phase"] = "deployment";

        var opening = await SendAsync(channel, channel.Submit(submit, form.ResponseId), replies: 4);

        Assert.Equal(Bot.En("project.created", ("project", "Email triage")), opening[0].Text);
        Assert.StartsWith("Diagnostic of **Email triage** (Deployment and integration)", opening[1].Text);
        Assert.Contains(Catalog.Find("change_neglected")!.Name.En, opening[2].Text);
        var first = Step(opening[3]);
        Assert.Contains(first.Id, Catalog.Find("change_neglected")!.Questions);

        var end = await AnswerDiagnosticAsync(channel, opening[3], Worst);
        Assert.Equal(Catalog.Questions.Completion.En, end[0].Text);
        var result = CardReader.Texts(end[1].Card);
        Assert.Equal(Bot.En("diagnostic.title", ("project", "Email triage")), result[0]);
        Assert.Contains(result, t => t.StartsWith(Bot.En("diagnostic.risk.High"), StringComparison.Ordinal));
        Assert.Contains(Bot.En("diagnostic.because"), result);
        Assert.Contains(result, t => t.StartsWith("**This week:**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDiagnoseCommand_OnATeamWithProjects_AsksWhichProject_AndTheButtonStartsIt()
    {
        var channel = TeamChannel();
        await CreateProjectAsync(channel, "Email triage");
        await SayOneAsync(channel, ActivityBuilder.Mention + " cancel");

        var picker = await SayOneAsync(channel, ActivityBuilder.Mention + " diagnose");
        var start = CardReader.Action(picker.Card, Bot.En("diagnostic.picker.start"))["data"]!.DeepClone().AsObject();
        start["project"] = ProjectIdOf(picker);
        var opening = await SendAsync(channel, channel.Submit(start, picker.ResponseId), replies: 2);

        Assert.StartsWith("Diagnostic of **Email triage** (Framing)", opening[0].Text);
        Assert.Equal(Catalog.Questions.Id, CardReader.FlowData(opening[1].Card)["flow"]!.GetValue<string>());
    }

    [Fact]
    public async Task AfterTheFramingChecklist_ItsAnswersAreReused_AndNotAskedAgain()
    {
        var channel = TeamChannel();
        await AnswerAllAsync(channel, await CreateProjectAsync(channel, "Email triage"));

        var opening = await SayAsync(channel, ActivityBuilder.Mention + " diagnose", replies: 1);
        var picker = opening[0];
        var start = CardReader.Action(picker.Card, Bot.En("diagnostic.picker.start"))["data"]!.DeepClone().AsObject();
        start["project"] = ProjectIdOf(picker);
        var replies = await SendAsync(channel, channel.Submit(start, picker.ResponseId), replies: 3);

        Assert.StartsWith("I reuse ", replies[1].Text);
        var asked = new List<string>();
        await AnswerDiagnosticAsync(channel, replies[2], step => { asked.Add(step.Id); return Worst(step); });
        Assert.Empty(asked.Intersect(Content.Framing.Checklist.Steps.Select(s => s.Id)));
    }

    [Fact]
    public async Task ARemedy_BecomesAnOpenActionOfTheProject_Once()
    {
        var (channel, result) = await DiagnoseAsync("Email triage");
        var add = ButtonsOf(result).First(a => a["title"]!.GetValue<string>() == Bot.En("diagnostic.addWeek"))["data"]!.DeepClone().AsObject();

        var added = await SendAsync(channel, channel.Submit(add.DeepClone()), replies: 1);
        Assert.StartsWith("Added to the open actions of **Email triage**", added[0].Text);
        var again = await SendAsync(channel, channel.Submit(add.DeepClone()), replies: 1);
        Assert.Equal(Bot.En("action.exists", ("project", "Email triage")), again[0].Text);

        var profile = await SayOneAsync(channel, ActivityBuilder.Mention + " project Email triage");
        var texts = CardReader.Texts(profile.Card);
        Assert.Contains(Bot.En("profile.actions", ("count", "1")), texts);
        Assert.Contains(texts, t => t.StartsWith("Last diagnostic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TamperedRemedyButtons_AreRefused_AndChangeNothing()
    {
        var (channel, result) = await DiagnoseAsync("Email triage");
        var add = ButtonsOf(result).First()["data"]!.DeepClone().AsObject();

        foreach (var (field, value) in new[] { ("pitfall", "no_such_pitfall"), ("remedy", "year"), ("pitfall", "") })
        {
            var tampered = add.DeepClone().AsObject();
            tampered[field] = value;
            var reply = await SendAsync(channel, channel.Submit(tampered), replies: 1);
            Assert.Equal(Bot.En("action.invalid"), reply[0].Text);
        }

        var otherTeam = TeamChannel();
        var refused = await SendAsync(otherTeam, otherTeam.Submit(add), replies: 1);
        Assert.Equal(Bot.En("project.notYours"), refused[0].Text);

        var profile = await SayOneAsync(channel, ActivityBuilder.Mention + " project Email triage");
        Assert.DoesNotContain(CardReader.Texts(profile.Card), t => t.StartsWith("Open actions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASecondDiagnostic_ShowsWhatChangedSinceTheFirst()
    {
        var (channel, _) = await DiagnoseAsync("Email triage");

        var picker = await SayOneAsync(channel, ActivityBuilder.Mention + " diagnose");
        var start = CardReader.Action(picker.Card, Bot.En("diagnostic.picker.start"))["data"]!.DeepClone().AsObject();
        start["project"] = ProjectIdOf(picker);
        var opening = await SendAsync(channel, channel.Submit(start, picker.ResponseId), replies: 2);
        var end = await AnswerDiagnosticAsync(channel, opening[1], Best);

        var texts = CardReader.Texts(end[1].Card);
        Assert.Contains(texts, t => t.StartsWith("Since the diagnostic of", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Improved: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InFrench_TheDiagnosticSpeaksFrench()
    {
        var chat = PersonalChat("fr-FR");
        var form = await SayOneAsync(chat, "diagnostiquer personne n'utilise l'outil");
        var submit = CardReader.Action(form.Card, Bot.Text(Coaching.Localization.Language.Fr, "project.form.create"))["data"]!.DeepClone().AsObject();
        submit["name"] = "Tri des e-mails";
        submit["phase"] = "deployment";
        var opening = await SendAsync(chat, chat.Submit(submit, form.ResponseId), replies: 4);

        Assert.StartsWith("Diagnostic de **Tri des e-mails** (Déploiement et intégration)", opening[1].Text);
        Assert.Contains(Step(opening[3]).Prompt.Fr, CardReader.Texts(opening[3].Card));
    }

    [Fact]
    public async Task ATamperedAnswer_IsAskedAgain_AndAnOversizedDescription_IsCut()
    {
        var channel = TeamChannel();
        var form = await SayOneAsync(channel, ActivityBuilder.Mention + " diagnose the cloud bill exploded " + new string('x', 190));
        Assert.True(CardReader.Action(form.Card, Bot.En("project.form.create"))["data"]!["symptoms"]!.GetValue<string>().Length <= 300);
        var submit = CardReader.Action(form.Card, Bot.En("project.form.create"))["data"]!.DeepClone().AsObject();
        submit["name"] = "Invoices";
        submit["phase"] = "poc";
        var opening = await SendAsync(channel, channel.Submit(submit, form.ResponseId), replies: 4);
        var question = opening[3];
        var data = CardReader.FlowData(question.Card).DeepClone().AsObject();
        data["answer"] = "not_an_option";

        var (status, body) = await ExecuteAsync(channel.Execute("flow.answer", data, question.ResponseId));

        Assert.Equal(HttpStatusCode.OK, status);
        var again = body["value"]!.AsObject();
        Assert.Equal(Step(question).Id, CardReader.StepOf(again));
        Assert.Empty(Connector.UnreadMessages(channel.ConversationId));
    }

    [Fact]
    public async Task ExplainOnAPitfall_GivesItsEvidenceFromTheAnswers_TheRemedy_AndItsOwnArticle()
    {
        var (channel, result) = await DiagnoseAsync("Invoice matching");
        var explain = ButtonsOf(result).First(a => (string?)a["title"] == Bot.En("explain.button"));
        var pitfall = Catalog.Find(explain["data"]!["finding"]!.GetValue<string>())!;

        var answer = (await SendAsync(channel, channel.Submit(CardData(explain["data"])), replies: 1))[0];

        Assert.StartsWith($"**{Bot.En("explain.pitfall.title", ("finding", pitfall.Name.En), ("project", "Invoice matching"))}**", answer.Text);
        Assert.Contains("“", answer.Text);
        Assert.Contains(pitfall.Remedies.Week.En, answer.Text);
        var cited = answer.Body!["entities"]![0]!["citation"]!.AsArray().Select(c => c!["appearance"]!["name"]!.GetValue<string>()).ToList();
        Assert.StartsWith(Content.Knowledge.Find("pitfall-" + pitfall.Id.Replace('_', '-'))!.Title.En, cited[0]);
    }

    private async Task<(ActivityBuilder Channel, JsonObject Result)> DiagnoseAsync(string project)
    {
        var channel = TeamChannel();
        var form = await SayOneAsync(channel, ActivityBuilder.Mention + " diagnose");
        var submit = CardReader.Action(form.Card, Bot.En("project.form.create"))["data"]!.DeepClone().AsObject();
        submit["name"] = project;
        submit["phase"] = "poc";
        var opening = await SendAsync(channel, channel.Submit(submit, form.ResponseId), replies: 3);
        var end = await AnswerDiagnosticAsync(channel, opening[2], Worst);
        return (channel, end[1].Card);
    }

    /// <summary>Answers with Action.Execute until the diagnostic ends; returns what the last answer posted.</summary>
    private async Task<IReadOnlyList<ConnectorRequest>> AnswerDiagnosticAsync(ActivityBuilder channel, ConnectorRequest question, Func<StepDefinition, string> answer)
    {
        for (var asked = 1; asked <= Catalog.MaxQuestions; asked++)
        {
            var data = CardReader.FlowData(question.Card).DeepClone().AsObject();
            data["answer"] = answer(Step(question));
            var (status, _) = await ExecuteAsync(channel.Execute("flow.answer", data, question.ResponseId));
            Assert.Equal(HttpStatusCode.OK, status);
            var replies = await Connector.NextMessagesAsync(channel.ConversationId, Connector.UnreadMessages(channel.ConversationId).Count);
            if (replies.Count == 1 && replies[0].IsCard && CardReader.Actions(replies[0].Card).Any(a => a["verb"]?.GetValue<string>() == "flow.answer"))
            {
                question = replies[0];
                continue;
            }
            return replies;
        }
        throw new Xunit.Sdk.XunitException($"The diagnostic asked more than {Catalog.MaxQuestions} questions.");
    }

    private new StepDefinition Step(ConnectorRequest question) => Catalog.Questions.Steps.Single(s => s.Id == CardReader.StepOf(question.Card));

    /// <summary>The last real option (options go from the best to the worst, "I don't know" last), or "no".</summary>
    private static string Worst(StepDefinition step) => step.Kind switch
    {
        StepKind.YesNo => "no",
        StepKind.Choice or StepKind.MultiSelect => step.Options.Last(o => o.Id != "unknown").Id,
        StepKind.Scale => "1",
        StepKind.Number => (step.Min ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        StepKind.Date => "2027-06-30",
        _ => "We are not sure.",
    };

    private static string Best(StepDefinition step) => step.Kind switch
    {
        StepKind.YesNo => "yes",
        StepKind.Choice or StepKind.MultiSelect => step.Options[0].Id,
        StepKind.Scale => "5",
        _ => Worst(step),
    };

    private static IEnumerable<JsonObject> ButtonsOf(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]?.GetValue<string>() == "Container")
            .SelectMany(c => c["items"]!.AsArray().OfType<JsonObject>())
            .Where(e => e["type"]?.GetValue<string>() == "ActionSet")
            .SelectMany(s => s["actions"]!.AsArray().OfType<JsonObject>());

    private static string ProjectIdOf(ConnectorRequest picker) =>
        picker.Card["body"]!.AsArray().Single(e => e?["id"]?.GetValue<string>() == "project")!["value"]!.GetValue<string>();
}
