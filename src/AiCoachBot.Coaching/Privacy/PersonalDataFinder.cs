using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Privacy;

/// <summary>
/// Finds what the bot holds about a person within their organisation. Documents keyed by the person are listed by prefix;
/// projects, retros, KPI histories, answers and member lists are read whole and searched, since they name people inside.
/// </summary>
public sealed class PersonalDataFinder(IDocumentStore store, ProjectStore projects)
{
    public async Task<PersonalDataReport> FindAsync(Person person, CancellationToken cancellationToken)
    {
        var tenant = person.TenantId;
        var own = new List<ListedDocument>(await OwnRecordsAsync(person, cancellationToken));

        var questions = new List<AnswerRecord>();
        var feedback = new List<AnswerFeedback>();
        await foreach (var (_, record) in store.ListAsync($"coach-answer/{tenant}/", CoachingJsonContext.Default.AnswerRecord, cancellationToken))
        {
            if (person.Is(record.Value.UserId)) questions.Add(record.Value);
            feedback.AddRange(record.Value.Feedback.Where(f => person.Is(f.UserId)));
        }
        var memberLists = 0;
        await foreach (var (_, roster) in store.ListAsync($"roster/{tenant}/", CoachingJsonContext.Default.ConversationRoster, cancellationToken))
            if (roster.Value.Names.Any(person.IsNamed)) memberLists++;

        var inTenant = await projects.InTenantAsync(tenant, cancellationToken);
        var owned = inTenant.Where(p => p.IsOwner(person.Ids)).ToList();
        foreach (var mine in owned.Where(p => IsTheirOwn(person, p))) own.AddRange(await AnswersBehindAsync(mine, cancellationToken));
        var actions = inTenant.SelectMany(p => (p.Actions ?? []).Where(a => Concerns(person, a)).Select(a => (p, a))).ToList();
        var kpiValues = new List<(Project, KpiWeek)>();
        foreach (var project in inTenant)
            kpiValues.AddRange((await KpiHistory.ReadAsync(store, project.Id, cancellationToken)).Weeks.Where(w => person.Is(w.By)).Select(w => (project, w)));

        var retros = new List<Retrospective>();
        await foreach (var (_, retro) in store.ListAsync("retro/", CoachingJsonContext.Default.Retrospective, cancellationToken))
            if (retro.Value.Ownership.TenantId == tenant) retros.Add(retro.Value);
        var contributions = retros.SelectMany(r => r.Items.Where(i => person.Is(i.AuthorId)).Select(i => (r, i))).ToList();
        var facilitated = retros.Where(r => person.Is(r.FacilitatorId)).ToList();

        return new PersonalDataReport(person, own, questions, feedback, owned, kpiValues, contributions, facilitated, actions, memberLists);
    }

    /// <summary>
    /// The records kept under the person's own keys: their state in each conversation, the coach's last answer to them,
    /// their daily budgets, their project lists, the teams they follow as programme manager.
    /// </summary>
    public async Task<IReadOnlyList<ListedDocument>> OwnRecordsAsync(Person person, CancellationToken cancellationToken)
    {
        var tenant = person.TenantId;
        var own = new List<ListedDocument>();
        own.AddRange(await ListAsync($"session/{tenant}/", d => EndsWithId(d.Key, person), cancellationToken));
        own.AddRange(await ListAsync($"coach-last/session/{tenant}/", d => EndsWithId(d.Key, person), cancellationToken));
        foreach (var id in person.Ids)
        {
            own.AddRange(await ListAsync($"coach-usage/{tenant}/{id}/", _ => true, cancellationToken));
            foreach (var key in new[] { $"projects/{tenant}/person/{id}", $"owned-projects/{tenant}/{id}", Portfolio.PortfolioAccess.ManagedKey(tenant, id) })
                own.AddRange(await ListAsync(key, d => d.Key == key, cancellationToken));
        }
        return own;
    }

    /// <summary>The answers behind a project's assessments and diagnostics: the owner's own when the project is a person's.</summary>
    public async Task<IReadOnlyList<ListedDocument>> AnswersBehindAsync(Project project, CancellationToken cancellationToken) =>
        [.. await ListAsync($"assessment/{project.Id}/", _ => true, cancellationToken), .. await ListAsync($"diagnosis/{project.Id}/", _ => true, cancellationToken)];

    /// <summary>A project made in their own chats; a team project's answers are the team's and name nobody.</summary>
    public static bool IsTheirOwn(Person person, Project project) => project.Ownership.Kind == ProjectOwnerKind.Person && person.Is(project.Ownership.OwnerId);

    public static bool Concerns(Person person, ProjectAction action) => person.Is(action.CreatedBy) || person.Is(action.OwnerId);

    private static bool EndsWithId(string key, Person person) => person.Ids.Any(id => key.EndsWith("/" + id, StringComparison.Ordinal));

    private async Task<List<ListedDocument>> ListAsync(string prefix, Func<ListedDocument, bool> keep, CancellationToken cancellationToken)
    {
        var found = new List<ListedDocument>();
        await foreach (var document in store.ListAsync(prefix, cancellationToken)) if (keep(document)) found.Add(document);
        return found;
    }
}
