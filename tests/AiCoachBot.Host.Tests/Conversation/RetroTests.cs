using System.Net;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Host.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>
/// A guided retrospective over the wire: opened in the channel, contributed to and voted on by several members at once
/// (anonymously), closed by its facilitator only, its actions followed in the next weekly card until marked done.
/// </summary>
public sealed class RetroTests : BotTest
{
    // Sunday 29 November 2026, 12:00 UTC; weekly cards on Mondays at 09:00 Paris time.
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nudges:Enabled"] = "false", ["Nudges:MaxPostsPerSecond"] = "1000" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task AnAnonymousRetro_WithSeveralMembers_EndsWithTheDecisionAndActionsThatTheWeeklyCardFollowsUntilDone()
    {
        var (channel, live) = await OpenRetroAsync(anonymous: true);
        var retroId = RetroId(live.Card);
        var alice = channel.AnotherUser("Alice Martin");
        var bob = channel.AnotherUser("Bob Dupont");
        var carol = channel.AnotherUser("Carol Petit");
        Connector.Members.AddRange([(alice.UserId, alice.UserAadObjectId, alice.UserName), (bob.UserId, bob.UserAadObjectId, bob.UserName), (carol.UserId, carol.UserAadObjectId, carol.UserName)]);
        Assert.Contains(Bot.En("retro.card.anonymous"), CardReader.Texts(live.Card));
        Assert.Contains(CardReader.Texts(live.Card), t => t.StartsWith("**Handling time**: no value recorded in the period", StringComparison.Ordinal));

        var added = await AddAsync(alice, live, retroId, "Well", "The pilot users adopted it within a week");
        await AddAsync(alice, live, retroId, "NotWell", "Labelling took twice the planned time", pitfalls: "data_underestimated");
        await AddAsync(bob, live, retroId, "Idea", "Involve the support team from the start");
        var blank = await AddAsync(bob, live, retroId, "Idea", "   \n  ");

        Assert.Equal(Bot.En("retro.add.doneAnonymous"), CardReader.Texts(added["value"])[0]);
        Assert.Equal("message", blank["type"]!.GetValue<string>().Split('.')[^1]);
        Assert.Equal(Bot.En("retro.add.empty"), blank["value"]!.GetValue<string>());
        var sharedTexts = CardReader.Texts((await SharedCardAsync(live, Bot.En("retro.card.contributions", ("items", "3"), ("people", "2")))).Body!["attachments"]![0]!["content"]);
        Assert.Contains(Bot.En("retro.card.countsHidden"), sharedTexts);

        // Alice sees her own two items, and only hers; Bob cannot change them.
        var yours = (await ExecuteAsync(alice.Execute("retro.yours", RetroData("retro.yours", retroId), live.ResponseId))).Body["value"]!.AsObject();
        var aliceItems = InputIds(yours, "text.");
        Assert.Equal(2, aliceItems.Count);
        var tampered = RetroData("retro.edit", retroId);
        tampered["item"] = aliceItems[0]["text.".Length..];
        tampered[aliceItems[0]] = "Bob rewrites it";
        var refusedEdit = (await ExecuteAsync(bob.Execute("retro.edit", tampered, live.ResponseId))).Body;
        Assert.Equal(Bot.En("retro.item.notYours"), refusedEdit["value"]!.GetValue<string>());

        // Twenty members contribute and vote at the same moment: nothing is lost, every vote counts once.
        var crowd = Enumerable.Range(1, 20).Select(i => channel.AnotherUser($"Member {i}")).ToList();
        await Task.WhenAll(crowd.Select(m => AddAsync(m, live, retroId, "Idea", $"Idea from member {crowd.IndexOf(m) + 1}")));
        var itemIds = InputChoices((await ExecuteAsync(alice.Execute("retro.yours", RetroData("retro.yours", retroId), live.ResponseId))).Body["value"]!.AsObject(), "votes");
        Assert.Equal(23, itemIds.Count);
        var favourites = $"{itemIds[0]},{itemIds[2]}";
        var votes = await Task.WhenAll(crowd.Select(m =>
        {
            var vote = RetroData("retro.votes", retroId);
            vote["votes"] = favourites;
            return ExecuteAsync(m.Execute("retro.votes", vote, live.ResponseId));
        }));
        Assert.All(votes, v => Assert.Equal(HttpStatusCode.OK, v.Status));
        // Everyone's copy ends up showing every change, however they interleaved.
        await SharedCardAsync(live, Bot.En("retro.card.contributions", ("items", "23"), ("people", "22")));
        await SharedCardAsync(live, "20 votes");
        // While it is open, the store holds pseudonyms only: no member's id or name.
        var whileOpen = StoredDocuments();
        Assert.All(new[] { alice, bob, carol }.Concat(crowd), m =>
        {
            Assert.DoesNotContain(m.UserId, whileOpen);
            Assert.DoesNotContain(m.UserAadObjectId, whileOpen);
            Assert.DoesNotContain(m.UserName, whileOpen);
        });
        var tooMany = RetroData("retro.votes", retroId);
        tooMany["votes"] = string.Join(",", itemIds.Take(4));
        Assert.Equal(Bot.En("retro.votes.tooMany", ("max", "3")), (await ExecuteAsync(bob.Execute("retro.votes", tooMany, live.ResponseId))).Body["value"]!.GetValue<string>());

        // Only the facilitator (or the project owner) closes.
        var refusedClose = (await ExecuteAsync(alice.Execute("retro.closeForm", RetroData("retro.closeForm", retroId), live.ResponseId))).Body;
        Assert.Equal(Bot.En("retro.close.notAllowed", ("facilitator", "Grace Hopper")), refusedClose["value"]!.GetValue<string>());
        var form = (await ExecuteAsync(channel.Execute("retro.closeForm", RetroData("retro.closeForm", retroId), live.ResponseId))).Body["value"]!.AsObject();
        Assert.Contains(bob.UserAadObjectId, InputChoices(form, "action.1.owner"));
        var close = RetroData("retro.close", retroId);
        close["decision"] = "deploy";
        close["rationale"] = "Adoption is there; labelling cost must be planned.";
        close["action.1.text"] = "Plan the labelling budget for the rollout";
        close["action.1.owner"] = bob.UserAadObjectId;
        close["action.1.due"] = "2026-12-04";
        close["action.2.text"] = "Brief the support team";
        close["action.2.owner"] = "someone-from-elsewhere";
        close["action.2.due"] = "2026-12-10";
        var refusedOwner = (await ExecuteAsync(channel.Execute("retro.close", close, live.ResponseId))).Body["value"]!;
        Assert.Contains(Bot.En("retro.close.actionOwner", ("n", "2")), CardReader.Texts(refusedOwner));
        close["action.2.owner"] = carol.UserAadObjectId;
        close["action.2.due"] = "2026-11-30";
        var announced = Connector.NextMessageAsync(channel.ConversationId);
        var summary = (await ExecuteAsync(channel.Execute("retro.close", CardData(close), live.ResponseId))).Body["value"]!;

        var summaryTexts = CardReader.Texts(summary);
        Assert.Contains(Bot.En("retro.summary.decision", ("decision", "Deploy")), summaryTexts);
        Assert.Contains(summaryTexts, t => t.Contains("Plan the labelling budget for the rollout · Bob Dupont", StringComparison.Ordinal));
        Assert.Contains(summaryTexts, t => t.StartsWith("• The pilot users adopted it within a week", StringComparison.Ordinal));
        Assert.Contains("20 votes", summaryTexts);
        Assert.StartsWith("The retrospective of **Email triage** is closed. Decision: **Deploy**; 2 actions", (await announced).Text);
        var everyonesCopy = await SharedCardAsync(live, Bot.En("retro.summary.decision", ("decision", "Deploy")));
        Assert.Equal(summaryTexts, CardReader.Texts(everyonesCopy.Body!["attachments"]![0]!["content"]));

        // Anonymous means anonymous: no author is anywhere, not in the store, the logs or the cards.
        var stored = StoredDocuments();
        var everythingSent = string.Join("\n", Connector.Requests.Select(r => r.Body?.ToJsonString()));
        foreach (var member in new[] { alice, bob, carol }.Concat(crowd))
        {
            Assert.DoesNotContain(member.UserId, stored);
            if (member != bob && member != carol) Assert.DoesNotContain(member.UserAadObjectId, stored); // Bob and Carol own actions: named on purpose
            Assert.DoesNotContain(member.UserName, Bot.Logs.Text);
        }
        Assert.DoesNotContain("Alice Martin", stored);
        Assert.DoesNotContain("Alice Martin", everythingSent);

        // Monday's weekly card lists the actions, the overdue one highlighted later; "Mark done" takes it off.
        _clock.Advance(TimeSpan.FromHours(20.5));
        Assert.Equal(1, await Bot.Services.GetRequiredService<NudgeDispatcher>().RunOnceAsync(default));
        var weekly = Connector.Requests.Last(r => r.Method == "POST" && r.Body?["isGroup"] is not null);
        var weeklyCard = weekly.Body!["activity"]!["attachments"]![0]!["content"]!.AsObject();
        Assert.Contains(CardReader.Texts(weeklyCard), t => t.Contains("Plan the labelling budget for the rollout", StringComparison.Ordinal));
        var done = MarkDoneButtons(weeklyCard).First(a => a["title"]!.GetValue<string>() == Bot.En("actions.markDone"));
        var thread = channel.InThread($"{weekly.ConversationId};messageid={weekly.ResponseId}");
        var marked = await SendAsync(thread, thread.Submit(CardData(done["data"]), weekly.ResponseId), replies: 1);
        var actionsNow = await SayOneAsync(channel, ActivityBuilder.Mention + " actions");

        Assert.Equal(Bot.En("actions.done", ("action", "Brief the support team"), ("name", "Grace Hopper")), marked[0].Text);
        var updated = Connector.Requests.Last(r => r.Method == "PUT" && r.ActivityId == weekly.ResponseId);
        Assert.Single(MarkDoneButtons(updated.Body!["attachments"]![0]!["content"]!.AsObject()), a => a["title"]!.GetValue<string>() == Bot.En("actions.markDone"));
        Assert.Contains(Bot.En("actions.count", ("count", "1"), ("overdue", "0")), CardReader.Texts(actionsNow.Card));
        _clock.Advance(TimeSpan.FromDays(5)); // Saturday 5 December: the action due on the 4th is late
        var overdue = await SayOneAsync(channel, ActivityBuilder.Mention + " actions");
        Assert.Contains(Bot.En("actions.count", ("count", "1"), ("overdue", "1")), CardReader.Texts(overdue.Card));
    }

    [Fact]
    public async Task ARetroFromAnotherTeam_IsRefused_AndANamedRetroShowsItsAuthors()
    {
        var (channel, live) = await OpenRetroAsync(anonymous: false);
        var retroId = RetroId(live.Card);
        var outsider = TeamChannel(teamId: "19:another-team@thread.tacv2");

        var refused = await AddAsync(outsider, live, retroId, "Well", "Sneaking in");
        await AddAsync(channel, live, retroId, "Well", "Clear success criteria");
        var export = await SayAsync(channel, ActivityBuilder.Mention + " retro export", replies: 2);
        var closeTyped = await SayOneAsync(channel.AnotherUser("Linus Torvalds"), ActivityBuilder.Mention + " retro close");

        Assert.Equal(Bot.En("retro.notYours"), refused["value"]!.GetValue<string>());
        Assert.Contains("Clear success criteria _(Grace Hopper)_", export[1].Text);
        Assert.Equal(Bot.En("retro.close.notAllowed", ("facilitator", "Grace Hopper")), closeTyped.Text);
        Assert.Contains(Bot.En("retro.card.named"), CardReader.Texts(live.Card));
    }

    [Fact]
    public async Task ReopeningIsForTheFacilitatorWithinADay_AndTheProfileListsPastRetros()
    {
        var (channel, live) = await OpenRetroAsync(anonymous: false);
        var retroId = RetroId(live.Card);
        var close = RetroData("retro.close", retroId);
        close["decision"] = "pivot";
        close["rationale"] = "The data does not support the first use case.";
        await ExecuteAsync(channel.Execute("retro.close", close, live.ResponseId));
        await Connector.NextMessageAsync(channel.ConversationId); // "the retrospective is closed"

        var byOther = (await ExecuteAsync(channel.AnotherUser("Linus Torvalds").Execute("retro.reopen", RetroData("retro.reopen", retroId), live.ResponseId))).Body;
        var profile = await SayOneAsync(channel, ActivityBuilder.Mention + " project Email triage");
        _clock.Advance(TimeSpan.FromHours(25));
        var tooLate = (await ExecuteAsync(channel.Execute("retro.reopen", RetroData("retro.reopen", retroId), live.ResponseId))).Body;

        Assert.Equal(Bot.En("retro.reopen.notAllowed", ("facilitator", "Grace Hopper")), byOther["value"]!.GetValue<string>());
        Assert.Contains("• 29 Nov 2026 · End of POC retrospective · Pivot", CardReader.Texts(profile.Card));
        Assert.Equal(Bot.En("retro.reopen.tooLate"), tooLate["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reopening_UndoesTheClosing_AndAnActionCarriedOverIsReviewedAgainUntilDone()
    {
        var (channel, live) = await OpenRetroAsync(anonymous: false);
        var first = RetroId(live.Card);
        await CloseAsync(channel, live, first, "Measure the pilot's adoption");
        Assert.Contains(CardReader.Texts((await SayOneAsync(channel, ActivityBuilder.Mention + " actions")).Card), t => t.StartsWith("• Measure the pilot's adoption", StringComparison.Ordinal));

        var reopened = (await ExecuteAsync(channel.Execute("retro.reopen", RetroData("retro.reopen", first), live.ResponseId))).Body["value"]!;
        await Connector.NextMessageAsync(channel.ConversationId); // "open again"
        var frozen = await AddAsync(channel, live, first, "Well", "One more thing");
        var withdrawn = await SayOneAsync(channel, ActivityBuilder.Mention + " actions");
        await CloseAsync(channel, live, first, "Train the pilot group");

        Assert.Contains(Bot.En("retro.card.reopened"), CardReader.Texts(reopened));
        Assert.Equal(Bot.En("retro.frozen"), frozen["value"]!.GetValue<string>());
        Assert.Contains(Bot.En("actions.none"), CardReader.Texts(withdrawn.Card));

        // The next retro reviews it; carried over, it comes back in the one after.
        var second = await OpenAnotherRetroAsync(channel);
        Assert.Contains(CardReader.Texts(second.Card), t => t.Contains("Train the pilot group", StringComparison.Ordinal));
        var form = (await ExecuteAsync(channel.Execute("retro.closeForm", RetroData("retro.closeForm", RetroId(second.Card)), second.ResponseId))).Body["value"]!;
        var review = CardReader.Input(form, InputIds(form.AsObject(), "review.").Single());
        Assert.Equal("carried", review["value"]!.GetValue<string>());
        await CloseAsync(channel, second, RetroId(second.Card), action: null, decision: "continue");
        var third = await OpenAnotherRetroAsync(channel);
        Assert.Contains(CardReader.Texts(third.Card), t => t.Contains("Train the pilot group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FromTheirPersonalChat_AManagerOpensATeamProjectsRetro_InItsChannel()
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(SetupTests.Filled("Email triage")), replies: 1);
        var channelId = channel.Message("x")["channelData"]!["channel"]!["id"]!.GetValue<string>();
        var personal = channel.InPersonalChat();
        var stranger = TeamChannel().InPersonalChat();

        var start = await SayOneAsync(personal, "retro");
        var offered = CardReader.Input(start.Card, "project")["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
        var open = CardData(CardReader.Action(start.Card, Bot.En("retro.start.open"))["data"]);
        open["project"] = CardReader.Input(start.Card, "project")["value"]!.GetValue<string>();
        open["template"] = "deployment";
        var refused = await SendAsync(stranger, stranger.Submit(open.DeepClone()), replies: 1);
        var opened = await SendAsync(personal, personal.Submit(open), replies: 1);

        Assert.Equal([Bot.En("retro.start.teamProject", ("project", "Email triage"))], offered);
        Assert.Equal(Bot.En(AiCoachBot.Coaching.Content.TextKeys.ProjectNotYours), refused[0].Text);
        Assert.Equal(Bot.En("retro.openedInChannel", ("project", "Email triage")), opened[0].Text);
        var post = Assert.Single(Connector.Requests, r => r.Method == "POST" && r.ConversationId == channelId);
        var live = post.Body!["activity"]!["attachments"]![0]!["content"]!.AsObject();
        Assert.Equal("End of deployment retrospective", CardReader.Texts(live)[0]);

        // The team contributes in the channel, on the posted card; that card is the one kept up to date.
        var thread = channel.AnotherUser("Alice Martin").InThread($"{channelId};messageid={post.ResponseId}");
        var add = RetroData("retro.add", RetroId(live));
        add["text"] = "Rollout to the pilot group went smoothly";
        var (status, _) = await ExecuteAsync(thread.Execute("retro.add", add, post.ResponseId));
        Assert.Equal(HttpStatusCode.OK, status);
        await Connector.WaitForAsync(r => r.Method == "PUT" && r.ActivityId == post.ResponseId, "the channel's card updated");
        Assert.Equal(Bot.En("retro.alreadyOpenInChannel", ("project", "Email triage")), (await SayOneAsync(personal, "retro")).Text);
    }

    [Fact]
    public async Task DeletingIsForTheFacilitator_AfterAConfirmation()
    {
        var (channel, live) = await OpenRetroAsync(anonymous: false);
        var retroId = RetroId(live.Card);

        var refused = (await ExecuteAsync(channel.AnotherUser("Linus Torvalds").Execute("retro.delete", RetroData("retro.delete", retroId), live.ResponseId))).Body;
        var confirm = (await ExecuteAsync(channel.Execute("retro.delete", RetroData("retro.delete", retroId), live.ResponseId))).Body["value"]!;
        var deleted = (await ExecuteAsync(channel.Execute("retro.delete.confirmed", RetroData("retro.delete.confirmed", retroId), live.ResponseId))).Body["value"]!;
        await Connector.NextMessageAsync(channel.ConversationId); // "deleted"
        var profile = await SayOneAsync(channel, ActivityBuilder.Mention + " project Email triage");
        var gone = await AddAsync(channel, live, retroId, "Well", "Too late");

        Assert.Equal(Bot.En("retro.delete.notAllowed", ("facilitator", "Grace Hopper")), refused["value"]!.GetValue<string>());
        Assert.StartsWith("Delete the retrospective", CardReader.Texts(confirm)[0]);
        Assert.Equal(Bot.En("retro.deleted", ("title", "End of POC retrospective")), CardReader.Texts(deleted)[0]);
        Assert.DoesNotContain(Bot.En("profile.retros"), CardReader.Texts(profile.Card));
        Assert.Equal(Bot.En("retro.notFound"), gone["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("42")]
    [InlineData("{\"text\":\"nested\"}")]
    [InlineData("[\"a\",\"b\"]")]
    public async Task TamperedCardValues_GetAPoliteRefusal_AndChangeNothing(string tampered)
    {
        var (channel, live) = await OpenRetroAsync(anonymous: true);
        var retroId = RetroId(live.Card);
        var add = RetroData("retro.add", retroId);
        add["text"] = JsonNode.Parse(tampered);
        add["kind"] = JsonNode.Parse(tampered);
        add["pitfalls"] = JsonNode.Parse(tampered);
        var vote = RetroData("retro.votes", retroId);
        vote["votes"] = JsonNode.Parse(tampered);
        var close = RetroData("retro.close", retroId);
        close["decision"] = JsonNode.Parse(tampered);
        close["rationale"] = JsonNode.Parse(tampered);
        close["action.1.text"] = "Something";
        close["action.1.owner"] = JsonNode.Parse(tampered);

        var added = await ExecuteAsync(channel.Execute("retro.add", add, live.ResponseId));
        var voted = await ExecuteAsync(channel.Execute("retro.votes", vote, live.ResponseId));
        var closed = await ExecuteAsync(channel.Execute("retro.close", close, live.ResponseId));
        var forged = await ExecuteAsync(channel.Execute("retro.add", RetroData("retro.add", "no-such-retro"), live.ResponseId));

        Assert.All(new[] { added, voted, closed, forged }, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(Bot.En("retro.add.unreadable"), added.Body["value"]!.GetValue<string>());
        Assert.Contains(Bot.En("retro.close.needDecision"), CardReader.Texts(closed.Body["value"]));
        Assert.Contains(Bot.En("retro.close.actionOwner", ("n", "1")), CardReader.Texts(closed.Body["value"]));
        Assert.Equal(Bot.En("retro.notFound"), forged.Body["value"]!.GetValue<string>());
        Assert.Contains(Bot.En("retro.card.noContributions"), CardReader.Texts((await ExecuteAsync(channel.Execute("retro.view", RetroData("retro.view", retroId), live.ResponseId))).Body["value"]));
    }

    private async Task CloseAsync(ActivityBuilder channel, ConnectorRequest live, string retroId, string? action, string decision = "deploy")
    {
        var close = RetroData("retro.close", retroId);
        close["decision"] = decision;
        close["rationale"] = "Ready.";
        if (action is not null)
        {
            close["action.1.text"] = action;
            close["action.1.owner"] = channel.UserAadObjectId;
            close["action.1.due"] = "2026-12-18";
        }
        var (status, body) = await ExecuteAsync(channel.Execute("retro.close", close, live.ResponseId));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Bot.En("retro.summary.decision", ("decision", Bot.En($"retro.decision.{decision}"))), CardReader.Texts(body["value"]));
        await Connector.NextMessageAsync(channel.ConversationId); // "the retrospective is closed"
    }

    private async Task<ConnectorRequest> OpenAnotherRetroAsync(ActivityBuilder channel)
    {
        var start = await SayOneAsync(channel, ActivityBuilder.Mention + " retro");
        var open = CardData(CardReader.Action(start.Card, Bot.En("retro.start.open"))["data"]);
        open["project"] = CardReader.Input(start.Card, "project")["value"]!.GetValue<string>();
        open["template"] = "sprint";
        return (await SendAsync(channel, channel.Submit(open), replies: 2))[1];
    }

    private async Task<JsonNode> AddAsync(ActivityBuilder member, ConnectorRequest live, string retroId, string kind, string text, string? pitfalls = null)
    {
        var data = RetroData("retro.add", retroId);
        data["kind"] = kind;
        data["text"] = text;
        if (pitfalls is not null) data["pitfalls"] = pitfalls;
        var (status, body) = await ExecuteAsync(member.Execute("retro.add", data, live.ResponseId));
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    /// <summary>The update of the shared live card that shows <paramref name="text"/>: made for everyone once the turn has answered.</summary>
    private Task<ConnectorRequest> SharedCardAsync(ConnectorRequest live, string text) =>
        Connector.WaitForAsync(r => r.Method == "PUT" && r.ActivityId == live.ResponseId && CardReader.Texts(r.Body!["attachments"]![0]!["content"]).Contains(text), $"the live card with '{text}'");

    private static List<JsonObject> MarkDoneButtons(JsonNode? node) => node switch
    {
        JsonObject { } o when (string?)o["type"] == "Action.Submit" && (string?)o["data"]?["command"] == "action.done" => [o],
        JsonObject o => o.SelectMany(p => MarkDoneButtons(p.Value)).ToList(),
        JsonArray a => a.SelectMany(MarkDoneButtons).ToList(),
        _ => [],
    };

    private static List<string> InputIds(JsonObject card, string prefix) =>
        card.ToJsonString().Split("\"id\":\"" + prefix).Skip(1).Select(s => prefix + s.Split('"')[0]).ToList();

    private static List<string> InputChoices(JsonObject card, string id) =>
        CardReader.Input(card, id)["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();

    private string StoredDocuments()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(base.Data.Path, "aicoachbot.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key || ' ' || json FROM documents";
        using var reader = command.ExecuteReader();
        var all = new System.Text.StringBuilder();
        while (reader.Read()) all.Append(reader.GetString(0)).Append('\n');
        return all.ToString();
    }
}
