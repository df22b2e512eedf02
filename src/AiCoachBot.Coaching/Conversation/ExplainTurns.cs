using System.Text;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Knowledge;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// "Explain" on a scorecard gap or a diagnosed pitfall: why the rule applies to this project (its rationale and
/// source, the answers that fired it), what to do first and what to read, written by the model when there is
/// one and offline otherwise. The finding is read again from the project's own latest result, never from the
/// button, and nothing here changes a score.
/// </summary>
public sealed class ExplainTurns(CoachingContent content, CoachAnswerer answerer, ProjectStore projects, CoachTurns coach, Replies replies, TimeProvider time)
{
    public const string KindField = "kind";
    public const string FindingField = "finding";
    public const string GapKind = "gap";
    public const string PitfallKind = "pitfall";
    private const int MaxSaid = 5;
    private const int MaxArticles = 3;
    private readonly KnowledgeRetriever _retriever = new(content.Knowledge);

    public static JsonObject Button(string title, string projectId, string kind, string findingId) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["command"] = CommandIds.Explain, [ProjectCards.ProjectInput] = projectId, [KindField] = kind, [FindingField] = findingId },
    };

    public async Task<TurnResult> ExplainAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var projectId = CardValues.Text(data[ProjectCards.ProjectInput]);
        var findingId = CardValues.Text(data[FindingField]);
        if (projectId is null || findingId is null) return TurnResult.Say(replies.Text(language, TextKeys.ExplainUnavailable));
        var lookup = await projects.GetAsync(ProjectOwnership.For(turn.Scope, turn.UserId), projectId, cancellationToken);
        if (lookup.Project is not { } project)
            return TurnResult.Say(replies.Text(language, lookup.Status == LookupStatus.NotYours ? TextKeys.ProjectNotYours : TextKeys.ProjectNotFound));
        var finding = CardValues.Text(data[KindField]) switch
        {
            GapKind => await GapAsync(project, findingId, language, cancellationToken),
            PitfallKind => await PitfallAsync(project, findingId, language, cancellationToken),
            _ => null,
        };
        if (finding is null) return TurnResult.Say(replies.Text(language, TextKeys.ExplainUnavailable));

        var names = await coach.KnownNamesAsync(turn, cancellationToken);
        var passages = Passages(finding, language);
        var projectContext = ProjectContext.Describe(project, content, language);
        var generation = new CoachAnswerer.Generation(
            turn.Scope.TenantId, turn.UserId, CacheKey: null, passages,
            CoachPrompts.Fill(content.Prompts.Explain, language, CoachRequest.MaxWords),
            () => CoachRequest.ForFinding(content.Prompts, PersonalDataMasker.Mask(finding.ForModel(), names), passages, projectContext, language, 400),
            () => Offline(finding, passages, language),
            "explain");
        var answer = await answerer.GenerateAsync(generation, language, [], cancellationToken);
        var text = answer.Source == AnswerSource.Offline
            ? answer.Text
            : $"**{finding.Title}**\n\n{answer.Text}\n\n{content.Strings.Get(language, TextKeys.ExplainNeverScores)}";
        var record = new AnswerRecord(Guid.NewGuid().ToString("n"), turn.UserId, language.Code(), answer.Source,
            $"explain {CardValues.Text(data[KindField])} {findingId}", answer.Citations.Select(c => c.Passage.Id).ToList(), time.GetUtcNow(), []);
        await coach.RememberLastAsync(turn, record, cancellationToken);
        var messages = answer.Notices.Select(OutgoingMessage.OfText).ToList();
        messages.Add(coach.Present(answer with { Text = text }, record));
        return new TurnResult(messages);
    }

    private async Task<Finding?> GapAsync(Project project, string ruleId, Language language, CancellationToken cancellationToken)
    {
        var rules = content.Framing.Rules;
        if (project.LastAssessment is not { } last || !last.FiredRules.Contains(ruleId)) return null;
        if (rules.Rules.FirstOrDefault(r => r.Id == ruleId) is not { Gap: { } gap } rule) return null;
        var dimension = rules.Dimensions.First(d => d.Id == gap.Dimension);
        var answers = last.RunId is { } run ? await projects.ReadAnswersAsync(project, run, cancellationToken) : null;
        var fired = answers is null ? null : RulesEngine.Evaluate(rules, answers).Fired.FirstOrDefault(f => f.Rule.Id == ruleId);
        var remedy = rules.Remedies.TryGetValue(gap.Remedy, out var text) ? text[language] : "";
        return new Finding(
            content.Strings.Format(language, TextKeys.ExplainGapTitle, ("finding", dimension.Title[language]), ("project", MarkdownText.Literal(project.Name))),
            dimension.Title[language], rule.Rationale[language], rule.Source,
            Said(fired is null ? [] : [fired], content.Framing.Checklist, language), remedy, [],
            $"{dimension.Title[language]} {rule.Rationale[language]} {remedy}");
    }

    private async Task<Finding?> PitfallAsync(Project project, string pitfallId, Language language, CancellationToken cancellationToken)
    {
        if (project.DiagnosisHistory.LastOrDefault() is not { } last || content.Diagnostic.Find(pitfallId) is not { } pitfall) return null;
        if (last.Risks.FirstOrDefault(r => r.Pitfall == pitfallId) is not { } recorded || recorded.Level == nameof(RiskLevel.None)) return null;
        var answers = await projects.ReadDiagnosisAnswersAsync(project, last.RunId, cancellationToken);
        var evidence = answers is null ? [] : DiagnosisEngine.Evaluate(content.Diagnostic, answers, last.Phase).Ranked
            .FirstOrDefault(r => r.Pitfall.Id == pitfallId)?.Evidence.OrderByDescending(f => f.Rule.Points?.Value ?? 0).ToList() ?? [];
        var main = evidence.FirstOrDefault()?.Rule;
        var articles = new[] { "pitfall-" + pitfall.Id.Replace('_', '-') }.Concat(pitfall.Articles).Distinct().ToList();
        return new Finding(
            content.Strings.Format(language, TextKeys.ExplainPitfallTitle, ("finding", pitfall.Name[language]), ("project", MarkdownText.Literal(project.Name))),
            $"{pitfall.Name[language]} ({content.Strings.Get(language, TextKeys.RiskLevelText(Enum.Parse<RiskLevel>(recorded.Level)))}, {recorded.Score}%)",
            main?.Rationale[language] ?? pitfall.Description[language], main?.Source ?? "METHODOLOGY.md",
            Said(evidence, content.Diagnostic.Questions, language), pitfall.Remedies.Week[language], articles,
            $"{pitfall.Name[language]} {pitfall.Description[language]}");
    }

    /// <summary>"“No” to “Is there a named owner?”", once per question.</summary>
    private List<string> Said(IEnumerable<FiredRule> fired, FlowDefinition flow, Language language) =>
        fired.SelectMany(f => f.Because).DistinctBy(b => b.Key)
            .Select(b => flow.Steps.FirstOrDefault(s => s.Id == b.Key) is { } step ? AnswerFormatter.Evidence(step, b.Value, language, content.Strings) : null)
            .OfType<string>().Take(MaxSaid).ToList();

    /// <summary>The finding's own articles when it names them (pitfalls), the best articles for its words otherwise.</summary>
    private List<Passage> Passages(Finding finding, Language language)
    {
        var named = finding.Articles.Select(content.Knowledge.Find).OfType<Article>().Take(MaxArticles).Select(a => BestSection.Of(a, finding.Query, language)).ToList();
        return named.Count > 0 ? named : _retriever.Search(finding.Query, language, MaxArticles).Select(p => p.Passage).DistinctBy(p => p.Article.Id).ToList();
    }

    private (string Text, IReadOnlyList<Citation> Citations) Offline(Finding finding, IReadOnlyList<Passage> passages, Language language)
    {
        var strings = content.Strings;
        var text = new StringBuilder();
        text.Append("**").Append(finding.Title).Append("**\n\n");
        text.Append(strings.Format(language, TextKeys.ExplainRule, ("rationale", finding.Rationale), ("source", finding.Source))).Append("\n\n");
        text.Append(strings.Get(language, TextKeys.ExplainAnswers)).Append('\n');
        if (finding.Said.Count == 0) text.Append(strings.Get(language, TextKeys.ExplainNoAnswers)).Append('\n');
        foreach (var said in finding.Said) text.Append("- ").Append(said).Append('\n');
        text.Append('\n').Append(strings.Get(language, TextKeys.ExplainFirst)).Append(' ').Append(finding.FirstStep).Append("\n\n");
        var citations = passages.Select((p, i) => new Citation(i + 1, p)).ToList();
        if (citations.Count > 0)
            text.Append(strings.Get(language, TextKeys.ExplainRead)).Append(' ')
                .Append(string.Join(", ", citations.Select(c => $"*{MarkdownText.Literal(c.Passage.Title)}* [{c.Position}]"))).Append("\n\n");
        text.Append(strings.Get(language, TextKeys.ExplainNeverScores));
        return (text.ToString(), citations);
    }
}
