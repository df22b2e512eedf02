using System.Net;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.State;
using AiCoachBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>
/// Asking the coach with no language model (the embedded default): grounded offline answers with citations,
/// in the question's language, sources and articles, and the thumbs up / down kept for review.
/// </summary>
public sealed class CoachTests : BotTest
{
    [Fact]
    public async Task AQuestion_IsAnsweredOfflineFromTheKnowledgeBase_WithCitationsAndFeedback_ButNoAiLabel()
    {
        var chat = PersonalChat();

        var answer = await SayOneAsync(chat, "what is data drift?");

        Assert.StartsWith($"_{Bot.En("coach.offlineIntro")}_", answer.Text);
        Assert.Contains("[1]", answer.Text);
        var entity = MessageEntity(answer);
        Assert.Null(entity["additionalType"]);
        var citation = entity["citation"]!.AsArray()[0]!;
        Assert.Equal(1, citation["position"]!.GetValue<int>());
        Assert.Contains("drift", citation["appearance"]!["name"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("AdaptiveCard", JsonNode.Parse(citation["appearance"]!["text"]!.GetValue<string>())!["type"]!.GetValue<string>());
        Assert.True(answer.Body!["channelData"]!["feedbackLoopEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AFrenchQuestion_IsAnsweredInFrench_EvenFromAnEnglishTeams()
    {
        var answer = await SayOneAsync(PersonalChat("en-US"), "comment définir les critères de succès d'un POC ?");

        Assert.StartsWith($"_{Bot.Fr("coach.offlineIntro")}_", answer.Text);
        Assert.Contains(Content().Knowledge.Find("poc-success-criteria")!.Title.Fr, answer.Text);
    }

    [Fact]
    public async Task AQuestionTheKnowledgeBaseDoesNotCover_SaysSo_AndCitesNothing()
    {
        var answer = await SayOneAsync(PersonalChat(), "what is the best recipe for a chocolate cake?");

        Assert.Equal(Bot.En("coach.notCovered"), answer.Text);
        Assert.Null(MessageEntity(answer)["citation"]);
    }

    [Fact]
    public async Task Sources_ShowsTheArticlesOfTheLastAnswer_AndEachOpens()
    {
        var chat = PersonalChat();
        Assert.Equal(Bot.En("coach.noSources"), (await SayOneAsync(chat, "sources")).Text);
        var answer = await SayOneAsync(chat, "how do I run a data audit?");

        var sources = await SayOneAsync(chat, "sources");

        var texts = CardReader.Texts(sources.Card);
        Assert.Equal(Bot.En("coach.sources.title"), texts[0]);
        var cited = MessageEntity(answer)["citation"]!.AsArray().Select(c => c!["appearance"]!["name"]!.GetValue<string>().Split(':')[0]).ToList();
        Assert.Contains(texts, t => t.Contains(cited[0], StringComparison.Ordinal));
        var read = CardReader.BodyActions(sources.Card).First(a => (string?)a["title"] == Bot.En("coach.button.openArticle"));
        var article = await SendAsync(chat, chat.Submit(CardData(read["data"])), replies: 1);
        Assert.Equal(cited[0], CardReader.Texts(article[0].Card)[0]);
    }

    [Theory]
    [InlineData("""{"command":"article","article":"../../etc/passwd"}""")]
    [InlineData("""{"command":"article","article":{"id":"data-audit"}}""")]
    [InlineData("""{"command":"article"}""")]
    public async Task ATamperedArticleButton_GetsAPoliteRefusal(string data)
    {
        var chat = PersonalChat();

        var reply = await SendAsync(chat, chat.Submit(JsonNode.Parse(data)), replies: 1);

        Assert.Equal(Bot.En("coach.unknownArticle"), reply[0].Text);
    }

    [Fact]
    public async Task ArticleTypedByName_OpensIt()
    {
        var reply = await SayOneAsync(PersonalChat(), "article data audit");

        Assert.Equal(Content().Knowledge.Find("data-audit")!.Title.En, CardReader.Texts(reply.Card)[0]);
    }

    [Fact]
    public async Task ThumbsDownOnAnAnswer_IsStoredForReview_WithTheMaskedQuestion_AndAnswersWithAnEmptyBody()
    {
        var chat = PersonalChat();
        var answer = await SayOneAsync(chat, "Ada Lovelace here, what is a DPIA? mail me at ada@contoso.com");

        using var response = await Bot.PostAsync(chat.Invoke(Feedback("dislike", """{"feedbackText":"too generic"}"""), answer.ResponseId, "message/submitAction"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var record = await StoredAnswerAsync(chat, answer.ResponseId!);
        Assert.Equal("too generic", record!.Feedback.Single().Comment);
        Assert.Equal("dislike", record.Feedback.Single().Reaction);
        Assert.DoesNotContain("Lovelace", record.MaskedQuestion);
        Assert.DoesNotContain("ada@contoso.com", record.MaskedQuestion);
        Assert.Equal(AnswerSource.Offline, record.Source);
    }

    [Fact]
    public async Task SecondFeedbackOfTheSamePerson_ReplacesTheFirst_AndFeedbackOnAnotherMessageStoresNothing()
    {
        var chat = PersonalChat();
        var answer = await SayOneAsync(chat, "what is MLOps?");
        (await Bot.PostAsync(chat.Invoke(Feedback("dislike", null), answer.ResponseId, "message/submitAction"))).Dispose();
        (await Bot.PostAsync(chat.Invoke(Feedback("like", null), answer.ResponseId, "message/submitAction"))).Dispose();

        using var stray = await Bot.PostAsync(chat.Invoke(Feedback("like", null), "1:not-an-answer", "message/submitAction"));

        Assert.Equal(HttpStatusCode.OK, stray.StatusCode);
        Assert.Equal("like", (await StoredAnswerAsync(chat, answer.ResponseId!))!.Feedback.Single().Reaction);
        Assert.Null(await StoredAnswerAsync(chat, "1:not-an-answer"));
    }

    [Fact]
    public async Task AQuestionAboutAProblem_IsAnswered_AndOffersADiagnostic()
    {
        var replies = await SayAsync(PersonalChat(), "why does nobody use the tool we deployed?", replies: 2);

        Assert.StartsWith($"_{Bot.En("coach.offlineIntro")}_", replies[0].Text);
        var button = CardReader.Action(replies[1].Card, Bot.En("coach.button.diagnose"));
        Assert.Equal("diagnose", button["data"]!["command"]!.GetValue<string>());
    }

    [Fact]
    public async Task AVeryLongQuestion_IsCutWithANotice()
    {
        var replies = await SayAsync(PersonalChat(), "how do I monitor data drift? " + string.Concat(Enumerable.Repeat("context ", 400)), replies: 2);

        Assert.Equal(Bot.En("coach.questionCut", ("max", "1500")), replies[0].Text);
        Assert.Contains("[1]", replies[1].Text);
    }

    private Coaching.Content.CoachingContent Content() => Bot.Services.GetRequiredService<Coaching.Content.CoachingContent>();

    private static JsonObject MessageEntity(ConnectorRequest message) =>
        message.Body!["entities"]!.AsArray().Single(e => (string?)e!["type"] == "https://schema.org/Message")!.AsObject();

    private static JsonObject Feedback(string reaction, string? comment)
    {
        var value = new JsonObject { ["reaction"] = reaction };
        if (comment is not null) value["feedback"] = comment;
        return new JsonObject { ["actionName"] = "feedback", ["actionValue"] = value };
    }

    private async Task<AnswerRecord?> StoredAnswerAsync(ActivityBuilder chat, string activityId)
    {
        var store = Bot.Services.GetRequiredService<IDocumentStore>();
        var tenant = chat.Message("x")["conversation"]!["tenantId"]!.GetValue<string>();
        return (await store.ReadAsync(StateKeys.Answer(tenant, chat.ConversationId, activityId), CoachingJsonContext.Default.AnswerRecord, default))?.Value;
    }
}
