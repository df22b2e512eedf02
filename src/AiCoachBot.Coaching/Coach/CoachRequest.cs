using System.Text;
using AiCoachBot.Coaching.Knowledge;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// Builds what is sent to the model: the instructions as the system message; passages, project and the
/// user's (masked) words as delimited data in the user message. Angle brackets inside data are replaced,
/// so no text can close its block and pose as instructions.
/// </summary>
public static class CoachRequest
{
    public const int MaxWords = 150;

    public static ChatRequest ForQuestion(CoachPrompts prompts, string maskedQuestion, IReadOnlyList<Passage> passages, string? project, Language language, int maxOutputTokens)
    {
        var user = new StringBuilder();
        AppendPassages(user, passages);
        if (project is not null) Append(user, "project", project);
        Append(user, "question", maskedQuestion);
        return new ChatRequest(CoachPrompts.Fill(prompts.Question, language, MaxWords), user.ToString(), maxOutputTokens);
    }

    public static ChatRequest ForFinding(CoachPrompts prompts, string finding, IReadOnlyList<Passage> passages, string? project, Language language, int maxOutputTokens)
    {
        var user = new StringBuilder();
        AppendPassages(user, passages);
        if (project is not null) Append(user, "project", project);
        Append(user, "finding", finding);
        return new ChatRequest(CoachPrompts.Fill(prompts.Explain, language, MaxWords), user.ToString(), maxOutputTokens);
    }

    private static void AppendPassages(StringBuilder user, IReadOnlyList<Passage> passages)
    {
        var block = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            block.Append('[').Append(i + 1).Append("] ").Append(p.Id).Append(" | ").Append(p.Title).Append(" | ").Append(p.Heading).Append('\n')
                .Append(p.Text).Append("\n\n");
        }
        Append(user, "passages", block.ToString().TrimEnd());
    }

    private static void Append(StringBuilder user, string tag, string data) =>
        user.Append('<').Append(tag).Append(">\n").Append(Neutralize(data)).Append("\n</").Append(tag).Append(">\n");

    public static string Neutralize(string data) => data.Replace('<', '‹').Replace('>', '›');
}
