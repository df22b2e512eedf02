using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>A described problem whose words match no symptom: the model names candidate pitfalls to ask about first, never scoring them.</summary>
public sealed class DiagnosticModelTests : ModelTest
{
    [Fact]
    public async Task WordsThatMatchNoSymptom_GetTheModelsCandidates_AsTheDiagnosticsFocus()
    {
        Model.Reply = request => FakeModelServer.Messages(request).User.Contains("<pitfalls>", StringComparison.Ordinal) ? "data_underestimated, made_up_id" : "";
        var channel = TeamChannel();
        var form = await SayOneAsync(channel, ActivityBuilder.Mention + " diagnose Grace Hopper says the Monday numbers look odd");
        var submit = CardData(CardReader.Action(form.Card, Bot.En("project.form.create"))["data"]);
        submit["name"] = "Email triage";
        submit["phase"] = "poc";

        var opening = await SendAsync(channel, channel.Submit(submit, form.ResponseId), replies: 4);

        var focus = Content.Diagnostic.Find("data_underestimated")!.Name.En;
        Assert.Equal(Bot.En("diagnostic.focus", ("pitfalls", focus)), opening[2].Text);
        var (system, user) = FakeModelServer.Messages(Model.Requests.Single());
        Assert.Equal(Content.Prompts.Pitfalls, system);
        Assert.Contains("<description>\n[person] says the Monday numbers look odd\n</description>", user);
    }

    [Fact]
    public async Task WhenTheModelFails_TheDiagnosticStartsWithoutCandidates()
    {
        Model.Then(FakeModelServer.Status(500), FakeModelServer.Status(500), FakeModelServer.Status(500));
        var channel = TeamChannel();
        var form = await SayOneAsync(channel, ActivityBuilder.Mention + " diagnose the Monday numbers look odd");
        var submit = CardData(CardReader.Action(form.Card, Bot.En("project.form.create"))["data"]);
        submit["name"] = "Email triage";
        submit["phase"] = "poc";

        var opening = await SendAsync(channel, channel.Submit(submit, form.ResponseId), replies: 3);

        Assert.StartsWith("Diagnostic of **Email triage**", opening[1].Text);
    }
}
