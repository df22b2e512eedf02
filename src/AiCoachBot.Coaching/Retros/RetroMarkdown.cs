using AiCoachBot.Coaching.Privacy;
using System.Globalization;
using System.Text;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Retros;

/// <summary><c>retro export</c>: the retrospective as a Markdown document, whole (the cards clip long items).</summary>
public sealed class RetroMarkdown(CoachingContent content)
{
    private readonly RetroCardParts _parts = new(content);

    public string Render(Retrospective retro, Project project, IReadOnlyList<KpiResult> kpis, Language language)
    {
        var s = content.Strings;
        var template = _parts.Template(retro);
        var md = new StringBuilder();
        md.Append("# ").Append(template.Title[language]).Append(": ").Append(MarkdownText.Literal(project.Name)).Append("\n\n");
        md.Append(s.Format(language, "retro.export.meta", ("name", MarkdownText.Literal(s.Shown(language, retro.FacilitatorName))), ("date", language.Date(retro.OpenedAt)),
            ("items", N(retro.Items.Count)), ("people", N(retro.Contributors)))).Append("  \n");
        md.Append(s.Get(language, retro.Anonymous ? "retro.card.anonymous" : "retro.card.named")).Append("  \n");
        md.Append(retro.ClosedAt is { } closed
            ? s.Format(language, "retro.export.closed", ("name", MarkdownText.Literal(s.Shown(language, retro.ClosedByName ?? ""))), ("date", language.Date(closed)))
            : s.Get(language, "retro.export.open")).Append("\n\n");

        if (retro.Outcome is { } outcome)
        {
            md.Append("## ").Append(s.Format(language, "retro.summary.decision", ("decision", s.Get(language, $"retro.decision.{outcome.Decision}")))).Append("\n\n");
            md.Append(Quote(outcome.Rationale)).Append("\n\n");
            if (outcome.Narrative is { } narrative)
                md.Append("## ").Append(s.Get(language, "retro.summary.narrative")).Append("\n\n").Append(narrative).Append("\n\n_").Append(s.Get(language, "retro.summary.aiLabel")).Append("_\n\n");
        }

        md.Append("## ").Append(s.Format(language, "retro.card.kpis", ("date", language.Date(retro.PeriodStart)))).Append("\n\n");
        if (project.Channel is null) md.Append(s.Get(language, "retro.card.noKpis")).Append('\n');
        foreach (var kpi in kpis) md.Append("- ").Append(_parts.KpiLine(kpi, language)).Append('\n');
        md.Append('\n');

        foreach (var kind in Enum.GetValues<ItemKind>())
        {
            md.Append("## ").Append(s.Get(language, RetroCardParts.KindKey(kind))).Append("\n\n");
            var items = RetroCardParts.Ranked(retro).Where(i => i.Kind == kind).ToList();
            if (items.Count == 0) md.Append(s.Get(language, "retro.export.noItems")).Append('\n');
            foreach (var item in items)
            {
                md.Append("- ").Append(MarkdownText.Literal(item.Text.Length > 0 ? item.Text : s.Get(language, "retro.item.pitfallsOnly")));
                var meta = new List<string>();
                if (item.AuthorName is { } author) meta.Add(MarkdownText.Literal(s.Shown(language, author)));
                if (retro.CountsShown) meta.Add(s.Format(language, "retro.card.votes", ("count", N(retro.VotesFor(item.Id)))));
                if (item.Pitfalls.Count > 0) meta.Add(string.Join(", ", item.Pitfalls.Select(id => _parts.PitfallName(id, language))));
                if (meta.Count > 0) md.Append(" _(").Append(string.Join(" · ", meta)).Append(")_");
                md.Append('\n');
            }
            md.Append('\n');
        }

        var hit = RetroCardParts.PitfallsHit(retro);
        if (hit.Count > 0)
        {
            md.Append("## ").Append(s.Get(language, "retro.card.pitfalls")).Append("\n\n");
            foreach (var (id, count) in hit) md.Append("- ").Append(_parts.PitfallName(id, language)).Append(retro.CountsShown ? $" ({N(count)})" : "").Append('\n');
            md.Append('\n');
        }

        if (retro.Outcome is { } done)
        {
            md.Append("## ").Append(s.Get(language, "retro.summary.actions")).Append("\n\n");
            var actions = done.Actions.Select(a => (project.Actions ?? []).FirstOrDefault(p => p.Id == a.Id) ?? a).ToList();
            if (actions.Count == 0) md.Append(s.Get(language, "retro.summary.noActions")).Append('\n');
            md.Append(string.Concat(actions.Select(a => $"- {MarkdownText.Literal(a.Text)} · {MarkdownText.Literal(a.Owner ?? "")} · {(a.Due is { } d ? language.Date(d) : "")}{(a.DoneAt is not null ? " ✓" : "")}\n")));
            if (done.Reviewed.Count > 0)
            {
                md.Append("\n## ").Append(s.Get(language, "retro.summary.reviewed")).Append("\n\n");
                foreach (var review in done.Reviewed) md.Append("- ").Append(s.Get(language, $"retro.review.{review.Status}")).Append(": ").Append(MarkdownText.Literal(review.Text)).Append('\n');
            }
        }
        return md.ToString();
    }

    private static string Quote(string text) => "> " + MarkdownText.Literal(text).Replace("\n", "\n> ", StringComparison.Ordinal);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
