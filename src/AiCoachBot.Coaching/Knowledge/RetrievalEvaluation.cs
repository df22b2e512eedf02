using AiCoachBot.Coaching.Localization;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Knowledge;

/// <summary>A question of the evaluation set and the articles that answer it, best first.</summary>
public sealed record EvaluationQuestion(string Text, Language Language, IReadOnlyList<string> Expected);

/// <summary>How often retrieval puts an expected article first (hit@1) or in its top three (hit@3).</summary>
public sealed record RetrievalScore(int Questions, int HitAt1, int HitAt3, IReadOnlyList<(EvaluationQuestion Question, IReadOnlyList<string> Found)> Misses)
{
    public double HitAt1Rate => Questions == 0 ? 0 : (double)HitAt1 / Questions;
    public double HitAt3Rate => Questions == 0 ? 0 : (double)HitAt3 / Questions;
}

/// <summary>Scores the offline retrieval against a set of questions (tests/…/cases/coach-questions.yaml).</summary>
public static class RetrievalEvaluation
{
    public static IReadOnlyList<EvaluationQuestion> Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlSequenceNode)root.Children[new YamlScalarNode("questions")]).Children.Cast<YamlMappingNode>().Select(q => new EvaluationQuestion(
            ((YamlScalarNode)q.Children[new YamlScalarNode("text")]).Value!,
            Languages.FromLocale(((YamlScalarNode)q.Children[new YamlScalarNode("language")]).Value),
            ((YamlSequenceNode)q.Children[new YamlScalarNode("expected")]).Children.Select(e => ((YamlScalarNode)e).Value!).ToList())).ToList();
    }

    public static RetrievalScore Score(KnowledgeRetriever retriever, IReadOnlyList<EvaluationQuestion> questions)
    {
        int at1 = 0, at3 = 0;
        var misses = new List<(EvaluationQuestion, IReadOnlyList<string>)>();
        foreach (var question in questions)
        {
            var found = retriever.Articles(question.Text, question.Language, 3).Select(a => a.Id).ToList();
            if (found.Count > 0 && question.Expected.Contains(found[0])) at1++;
            if (found.Any(question.Expected.Contains)) at3++;
            else misses.Add((question, found));
        }
        return new RetrievalScore(questions.Count, at1, at3, misses);
    }
}
