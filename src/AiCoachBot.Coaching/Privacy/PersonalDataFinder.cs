using System.Text.Json;
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
public sealed class PersonalDataFinder(IDocumentStore store)
{
    public async Task<PersonalDataReport> FindAsync(Person person, CancellationToken cancellationToken)
    {
        var tenant = person.TenantId;
        var own = new List<ListedDocument>();
        own.AddRange(await ListAsync($"session/{tenant}/", d => EndsWithId(d.Key, person), cancellationToken));
        own.AddRange(await ListAsync($"coach-last/session/{tenant}/", d => EndsWithId(d.Key, person), cancellationToken));
        foreach (var id in person.Ids)
        {
            own.AddRange(await ListAsync($"coach-usage/{tenant}/{id}/", _ => true, cancellationToken));
            own.AddRange(await ListAsync($"projects/{tenant}/person/{id}", d => d.Key.Length == $"projects/{tenant}/person/{id}".Length, cancellationToken));
            own.AddRange(await ListAsync($"owned-projects/{tenant}/{id}", d => d.Key.Length == $"owned-projects/{tenant}/{id}".Length, cancellationToken));
            own.AddRange(await ListAsync(Portfolio.PortfolioAccess.ManagedKey(tenant, id), d => d.Key == Portfolio.PortfolioAccess.ManagedKey(tenant, id), cancellationToken));
        }

        var questions = new List<AnswerRecord>();
        var feedback = new List<AnswerFeedback>();
        foreach (var record in await ReadAllAsync($"coach-answer/{tenant}/", CoachingJsonContext.Default.AnswerRecord, cancellationToken))
        {
            if (person.Is(record.Value.UserId)) questions.Add(record.Value);
            feedback.AddRange(record.Value.Feedback.Where(f => person.Is(f.UserId)));
        }
        var memberLists = (await ReadAllAsync($"roster/{tenant}/", CoachingJsonContext.Default.ConversationRoster, cancellationToken))
            .Count(r => r.Value.Names.Any(person.IsNamed));

        var projects = (await ReadAllAsync("project/", CoachingJsonContext.Default.Project, cancellationToken))
            .Select(p => p.Value).Where(p => p.Ownership.TenantId == tenant).ToList();
        var owned = projects.Where(p => Owns(person, p)).ToList();
        // The answers behind a project of their own are theirs; a team project's answers are the team's and name nobody.
        foreach (var mine in owned.Where(p => p.Ownership.Kind == ProjectOwnerKind.Person))
        {
            own.AddRange(await ListAsync($"assessment/{mine.Id}/", _ => true, cancellationToken));
            own.AddRange(await ListAsync($"diagnosis/{mine.Id}/", _ => true, cancellationToken));
        }
        var actions = projects.SelectMany(p => (p.Actions ?? []).Where(a => Concerns(person, a)).Select(a => (p, a))).ToList();
        var kpiValues = new List<(Project, KpiWeek)>();
        foreach (var project in projects)
            kpiValues.AddRange((await KpiHistory.ReadAsync(store, project.Id, cancellationToken)).Weeks.Where(w => person.Is(w.By)).Select(w => (project, w)));

        var retros = (await ReadAllAsync("retro/", CoachingJsonContext.Default.Retrospective, cancellationToken))
            .Select(r => r.Value).Where(r => r.Ownership.TenantId == tenant).ToList();
        var contributions = retros.SelectMany(r => r.Items.Where(i => person.Is(i.AuthorId)).Select(i => (r, i))).ToList();
        var facilitated = retros.Where(r => person.Is(r.FacilitatorId)).ToList();

        return new PersonalDataReport(person, own, questions, feedback, owned, kpiValues, contributions, facilitated, actions, memberLists);
    }

    /// <summary>Their own project (made in their chats), or a team project they created or set up.</summary>
    public static bool Owns(Person person, Project project) =>
        (project.Ownership.Kind == ProjectOwnerKind.Person && person.Is(project.Ownership.OwnerId)) || project.IsOwner(person.Ids);

    public static bool Concerns(Person person, ProjectAction action) => person.Is(action.CreatedBy) || person.Is(action.OwnerId);

    private static bool EndsWithId(string key, Person person) => person.Ids.Any(id => key.EndsWith("/" + id, StringComparison.Ordinal));

    private async Task<List<ListedDocument>> ListAsync(string prefix, Func<ListedDocument, bool> keep, CancellationToken cancellationToken)
    {
        var found = new List<ListedDocument>();
        await foreach (var document in store.ListAsync(prefix, cancellationToken)) if (keep(document)) found.Add(document);
        return found;
    }

    /// <summary>Every readable document under a prefix; one that does not parse as <typeparamref name="T"/> is not this kind.</summary>
    private async Task<List<Versioned<T>>> ReadAllAsync<T>(string prefix, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var found = new List<Versioned<T>>();
        await foreach (var document in store.ListAsync(prefix, cancellationToken))
        {
            try { if (JsonSerializer.Deserialize(document.Json, type) is { } value) found.Add(new Versioned<T>(value, document.ETag)); }
            catch (JsonException) { }
        }
        return found;
    }
}
