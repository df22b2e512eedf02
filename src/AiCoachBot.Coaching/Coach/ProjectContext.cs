using System.Globalization;
using System.Text;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// What the model is told about the asker's project: its phase, last readiness verdict, open gaps, the
/// pitfalls last found and open actions. Never its name, owner or people: nothing that identifies anyone.
/// </summary>
public static class ProjectContext
{
    private const int MaxItems = 5;

    public static string Describe(Project project, CoachingContent content, Language language)
    {
        var text = new StringBuilder();
        text.Append("phase: ").Append(content.Phases.Title(project.Phase, language)).Append('\n');
        if (project.LastAssessment is { } last)
        {
            text.Append("last readiness assessment: ").Append(last.Overall.ToString(CultureInfo.InvariantCulture)).Append("/100, verdict ")
                .Append(Enum.TryParse<Framing.Verdict>(last.Verdict, out var verdict) ? content.Strings.Get(language, TextKeys.VerdictText(verdict)) : last.Verdict)
                .Append(", on ").Append(last.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            var gaps = last.GapRemedies.Select(id => content.Framing.Rules.Remedies.TryGetValue(id, out var remedy) ? remedy[language] : null).OfType<string>().Take(MaxItems).ToList();
            if (gaps.Count > 0) text.Append("open gaps (what to do): ").Append(string.Join(" | ", gaps)).Append('\n');
            if (last.Tier is { } tier && content.Framing.Rules.Tiers.FirstOrDefault(t => t.Id == tier) is { } t) text.Append("EU AI Act tier: ").Append(t.Title[language]).Append('\n');
        }
        else text.Append("last readiness assessment: none yet\n");
        if (project.DiagnosisHistory.LastOrDefault() is { } diagnosis)
        {
            var risks = diagnosis.Risks.Where(r => r.Level is nameof(RiskLevel.High) or nameof(RiskLevel.Medium))
                .Select(r => content.Diagnostic.Find(r.Pitfall) is { } p ? $"{p.Name[language]} ({r.Level.ToLowerInvariant()})" : null).OfType<string>().Take(MaxItems).ToList();
            if (risks.Count > 0) text.Append("pitfalls found by the last diagnostic: ").Append(string.Join(", ", risks)).Append('\n');
        }
        var actions = project.OpenActions.Count;
        if (actions > 0) text.Append("open actions: ").Append(actions.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString().TrimEnd();
    }
}
