using System.Diagnostics;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Knowledge;
using AiCoachBot.Coaching.Localization;
using Microsoft.Extensions.Logging;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// Answers a question from the knowledge base: the model writes the answer when one is configured, has
/// budget left and answers in time; otherwise, and whenever its reply is unusable, the offline answer is given.
/// Nothing reaches the model before personal data is masked, and nothing here touches a score.
/// </summary>
public sealed class CoachAnswerer(
    CoachingContent content, KnowledgeRetriever retriever, IChatModel? model, AnswerCache cache, TokenBudget budget,
    CoachOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>How one answer is produced: what to send, and what to say without the model.</summary>
    public sealed record Generation(
        string TenantId, string UserId, string? CacheKey, IReadOnlyList<Passage> Passages, string Instructions,
        Func<ChatRequest> Request, Func<(string Text, IReadOnlyList<Citation> Citations)> Offline, string Purpose);

    public async Task<CoachAnswer> AnswerAsync(CoachQuestion question, CancellationToken cancellationToken)
    {
        var language = question.Language;
        var notices = new List<string>();
        var text = question.Text;
        if (text.Length > options.MaxQuestionLength)
        {
            text = text[..options.MaxQuestionLength];
            notices.Add(content.Strings.Format(language, TextKeys.CoachQuestionCut, ("max", options.MaxQuestionLength.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        // Masked first: the model never sees a name or a number, and retrieval is not misled by them.
        var masked = PersonalDataMasker.Mask(text, question.KnownNames);
        var found = retriever.Search(masked, language, options.MaxPassages);
        if (found.Count == 0) return new CoachAnswer(content.Strings.Get(language, TextKeys.CoachNotCovered), [], AnswerSource.Offline, notices, masked);

        var passages = found.Select(f => f.Passage).ToList();
        var instructions = CoachPrompts.Fill(content.Prompts.Question, language, CoachRequest.MaxWords);
        var generation = new Generation(
            question.TenantId, question.UserId,
            AnswerCache.Fingerprint(masked, language, content.Knowledge.Version, question.ProjectContext),
            passages, instructions,
            () => CoachRequest.ForQuestion(content.Prompts, masked, passages, question.ProjectContext, language, options.MaxOutputTokens),
            () => OfflineAnswer.Build(masked, found, content.Knowledge, content.Strings, language),
            "question");
        return await GenerateAsync(generation, language, notices, cancellationToken) with { Asked = masked };
    }

    public async Task<CoachAnswer> GenerateAsync(Generation generation, Language language, List<string> notices, CancellationToken cancellationToken)
    {
        if (model is null) return Offline(generation, notices);
        if (generation.CacheKey is { } key && await cache.FindAsync(key, cancellationToken) is { } cached
            && cached.PassageIds.SequenceEqual(generation.Passages.Select(p => p.Id))
            && ModelAnswerCheck.Check(cached.Text, generation.Passages, generation.Instructions) is { } again)
            return new CoachAnswer(again.Text, again.Citations, AnswerSource.Cache, notices);
        if (!await budget.HasRoomAsync(generation.TenantId, generation.UserId, cancellationToken))
        {
            CoachLog.BudgetSpent(logger, options.DailyTokenBudget);
            notices.Add(content.Strings.Get(language, TextKeys.CoachBudgetSpent));
            return Offline(generation, notices);
        }

        var watch = Stopwatch.StartNew();
        ChatReply reply;
        using (var deadline = new CancellationTokenSource(options.ModelDeadline, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token))
        {
            try
            {
                reply = await model.CompleteAsync(generation.Request(), linked.Token);
            }
            catch (Exception ex) when (ex is ChatModelUnavailableException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                CoachLog.ModelUnavailable(logger, watch.ElapsedMilliseconds, ex is ChatModelUnavailableException ? ex.Message : "deadline passed");
                notices.Add(content.Strings.Get(language, TextKeys.CoachModelUnavailable));
                return Offline(generation, notices);
            }
        }
        CoachLog.ModelCall(logger, reply.Model, reply.InputTokens, reply.OutputTokens, watch.ElapsedMilliseconds, generation.Purpose);
        await budget.ChargeAsync(generation.TenantId, generation.UserId, reply.TotalTokens, cancellationToken);

        if (ModelAnswerCheck.Check(reply.Text, generation.Passages, generation.Instructions) is not { } usable)
        {
            CoachLog.ReplyRejected(logger);
            return Offline(generation, notices);
        }
        if (generation.CacheKey is { } fingerprint)
            await cache.KeepAsync(fingerprint, new CachedAnswer(usable.Text, generation.Passages.Select(p => p.Id).ToList(), time.GetUtcNow()), cancellationToken);
        return new CoachAnswer(usable.Text, usable.Citations, AnswerSource.Model, notices);
    }

    private static CoachAnswer Offline(Generation generation, List<string> notices)
    {
        var (text, citations) = generation.Offline();
        return new CoachAnswer(text, citations, AnswerSource.Offline, notices);
    }
}
