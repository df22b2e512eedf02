using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Knowledge;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// Free-text questions to the coach and what hangs off an answer: its sources, the articles it cites,
/// and the thumbs up / down people give it.
/// </summary>
public sealed class CoachTurns(CoachingContent content, CoachAnswerer answerer, ProjectStore projects, IDocumentStore store, Replies replies, TimeProvider time)
{
    public const int MaxFeedbackComment = 1000;
    private readonly ArticleCards _cards = new(content.Knowledge, content.Strings);
    private readonly KnowledgeRetriever _retriever = new(content.Knowledge);

    public ArticleCards Cards => _cards;

    public async Task<TurnResult> AskAsync(UserTurn turn, string text, bool soundsLikeAProblem, CancellationToken cancellationToken)
    {
        var language = QuestionLanguage.Guess(text, turn.Language);
        var names = await KnownNamesAsync(turn, cancellationToken);
        var context = await ProjectContextAsync(turn, language, cancellationToken);
        var answer = await answerer.AnswerAsync(new CoachQuestion(text, language, turn.Scope.TenantId, turn.UserId, names, context), cancellationToken);

        var record = new AnswerRecord(Guid.NewGuid().ToString("n"), turn.UserId, language.Code(), answer.Source,
            answer.Asked, answer.Citations.Select(c => c.Passage.Id).ToList(), time.GetUtcNow(), []);
        await RememberLastAsync(turn, record, cancellationToken);
        var messages = answer.Notices.Select(OutgoingMessage.OfText).ToList();
        messages.Add(Present(answer, record));
        if (soundsLikeAProblem) messages.Add(DiagnoseSuggestion(text, language));
        return new TurnResult(messages);
    }

    public OutgoingMessage Present(CoachAnswer answer, AnswerRecord record) =>
        new(null, answer.Text, Answer: new AnswerPresentation(answer.IsGenerated, answer.Citations.Select(_cards.Citation).ToList(), record));

    public async Task<TurnResult> SourcesAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var last = await store.ReadAsync(StateKeys.LastAnswer(turn.SessionKey), CoachingJsonContext.Default.LastAnswer, cancellationToken);
        var language = last is null ? turn.Language : Languages.FromLocale(last.Value.Language);
        var passages = last?.Value.PassageIds.Select(id => content.Knowledge.FindPassage(id, language)).OfType<Passage>().ToList() ?? [];
        return passages.Count == 0
            ? TurnResult.Say(replies.Text(turn.Language, TextKeys.CoachNoSources))
            : TurnResult.Say(OutgoingMessage.OfCard(_cards.Sources(passages, language)));
    }

    /// <summary>An article by id (from a button) or by words of its title (typed); the closest match when typed words name none exactly.</summary>
    public TurnResult Article(UserTurn turn, string? typed, string? articleId)
    {
        var language = turn.Language;
        var article = content.Knowledge.Find(articleId);
        if (article is null && articleId is null && typed is { Length: > 0 })
        {
            var folded = TextNormalizer.Fold(typed);
            article = content.Knowledge.Find(folded.Replace(' ', '-'))
                ?? content.Knowledge.Articles.FirstOrDefault(a => TextNormalizer.Fold(a.Title[language]).Contains(folded, StringComparison.Ordinal))
                ?? _retriever.Articles(typed, language, 1).FirstOrDefault();
        }
        return article is null
            ? TurnResult.Say(replies.Text(language, TextKeys.CoachUnknownArticle))
            : TurnResult.Say(OutgoingMessage.OfCard(_cards.Article(article, language)));
    }

    /// <summary>Keeps a posted answer for review, under the activity id Teams gave it, so feedback can find it.</summary>
    public Task RememberPostedAsync(UserTurn turn, AnswerRecord record, string activityId, CancellationToken cancellationToken) =>
        store.UpdateAsync(StateKeys.Answer(turn.Scope.TenantId, turn.Scope.ConversationId, activityId), CoachingJsonContext.Default.AnswerRecord,
            current => Change<AnswerRecord, bool>.Save(current ?? record, true), cancellationToken);

    /// <summary>
    /// Thumbs up or down on an answer of this conversation; a person's later feedback replaces their earlier one.
    /// False when the message is not a known answer or the reaction is not one Teams sends.
    /// </summary>
    public async Task<bool> FeedbackAsync(UserTurn turn, string activityId, string reaction, string? comment, CancellationToken cancellationToken)
    {
        if (reaction is not ("like" or "dislike")) return false;
        var key = StateKeys.Answer(turn.Scope.TenantId, turn.Scope.ConversationId, activityId);
        var clipped = comment is null ? null : TextNormalizer.Clean(comment) is { Length: > 0 } c ? c[..Math.Min(c.Length, MaxFeedbackComment)] : null;
        return await store.UpdateAsync(key, CoachingJsonContext.Default.AnswerRecord, current =>
        {
            if (current is null) return Change<AnswerRecord, bool>.Keep(false);
            var feedback = current.Feedback.Where(f => f.UserId != turn.UserId).Append(new AnswerFeedback(turn.UserId, reaction, clipped, time.GetUtcNow())).ToList();
            return Change<AnswerRecord, bool>.Save(current with { Feedback = feedback }, true);
        }, cancellationToken);
    }

    public Task RememberLastAsync(UserTurn turn, AnswerRecord record, CancellationToken cancellationToken) =>
        store.UpdateAsync(StateKeys.LastAnswer(turn.SessionKey), CoachingJsonContext.Default.LastAnswer,
            _ => Change<LastAnswer, bool>.Save(new LastAnswer(record.AnswerId, record.Language, record.PassageIds, record.At), true), cancellationToken);

    /// <summary>The names seen in this conversation, the asker's added: all are masked before the model sees a word.</summary>
    public async Task<IReadOnlyList<string>> KnownNamesAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var name = TextNormalizer.Clean(turn.UserName);
        return await store.UpdateAsync(StateKeys.Roster(turn.Scope.TenantId, turn.Scope.ConversationId), CoachingJsonContext.Default.ConversationRoster, current =>
        {
            var roster = current ?? new ConversationRoster([]);
            if (name.Length == 0 || roster.Names.Contains(name, StringComparer.OrdinalIgnoreCase)) return Change<ConversationRoster, IReadOnlyList<string>>.Keep(roster.Names);
            var added = roster.With(name);
            return Change<ConversationRoster, IReadOnlyList<string>>.Save(added, added.Names);
        }, cancellationToken);
    }

    /// <summary>The project the question is most likely about: the asker's (or team's) most recently assessed or diagnosed one.</summary>
    private async Task<string?> ProjectContextAsync(UserTurn turn, Language language, CancellationToken cancellationToken)
    {
        var owned = await projects.ListAsync(ProjectOwnership.For(turn.Scope, turn.UserId), cancellationToken);
        var latest = owned.OrderByDescending(LastActivity).FirstOrDefault();
        return latest is null ? null : ProjectContext.Describe(latest, content, language);
    }

    private static DateTimeOffset LastActivity(Project project) => new[]
    {
        project.CreatedAt, project.LastAssessment?.At ?? DateTimeOffset.MinValue, project.DiagnosisHistory.LastOrDefault()?.At ?? DateTimeOffset.MinValue,
    }.Max();

    private OutgoingMessage DiagnoseSuggestion(string text, Language language)
    {
        var body = new JsonArray { Text(content.Strings.Get(language, TextKeys.CoachDiagnoseSuggestion)) };
        var button = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = content.Strings.Get(language, TextKeys.CoachDiagnoseButton),
            ["data"] = new JsonObject { ["command"] = CommandIds.Diagnose, [ProjectCards.SymptomsField] = ProjectTurns.ClipSymptoms(text) },
        };
        return OutgoingMessage.OfCard(Card(body, new JsonArray(button), content.Strings.Get(language, TextKeys.CoachDiagnoseSuggestion)));
    }
}
