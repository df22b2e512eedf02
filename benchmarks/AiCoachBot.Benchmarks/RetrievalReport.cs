using System.Globalization;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Knowledge;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Benchmarks;

/// <summary>
/// <c>dotnet run --project benchmarks/AiCoachBot.Benchmarks -- retrieval [questions.yaml]</c>: hit@1 and hit@3
/// of the offline retrieval on the evaluation questions, overall and per language, and the questions it misses.
/// </summary>
public static class RetrievalReport
{
    public static int Run(string[] args)
    {
        var root = FindRepositoryRoot();
        var questionsPath = args.Length > 1 ? args[1] : Path.Combine(root, "tests", "AiCoachBot.Coaching.Tests", "cases", "coach-questions.yaml");
        var errors = new ContentErrors();
        var content = Path.Combine(root, "src", "content");
        var knowledge = KnowledgeBaseLoader.Load(content, PhaseCatalog.Load(content, errors), errors);
        errors.ThrowIfAny();
        var retriever = new KnowledgeRetriever(knowledge!);
        var questions = RetrievalEvaluation.Load(questionsPath);
        Console.WriteLine($"Knowledge base {knowledge!.Version}: {knowledge.Articles.Count} articles; {questions.Count} questions from {questionsPath}");
        Print("all", RetrievalEvaluation.Score(retriever, questions));
        foreach (var language in Languages.All)
            Print(language.Code(), RetrievalEvaluation.Score(retriever, questions.Where(q => q.Language == language).ToList()));
        var all = RetrievalEvaluation.Score(retriever, questions);
        if (all.Misses.Count > 0) Console.WriteLine("\nMissed at 3 (question → expected | found):");
        foreach (var (question, found) in all.Misses)
            Console.WriteLine($"  [{question.Language.Code()}] {question.Text} → {string.Join(", ", question.Expected)} | {string.Join(", ", found)}");
        return 0;
    }

    private static void Print(string label, RetrievalScore score) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-4} questions {score.Questions,4}   hit@1 {score.HitAt1Rate,6:P1}   hit@3 {score.HitAt3Rate,6:P1}"));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiCoachBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run from inside the repository: AiCoachBot.sln was not found above the program's folder.");
    }
}
