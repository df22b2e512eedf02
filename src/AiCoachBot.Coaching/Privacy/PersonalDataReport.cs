using System.Text.Json;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Privacy;

/// <summary>
/// Everything the bot holds about one person, found by <see cref="PersonalDataFinder"/>: what is theirs (conversation
/// state, questions, feedback, projects they own) and the teams' records that name them (KPI values they recorded, retro
/// items under their name, retros they facilitated, actions they own or created).
/// </summary>
public sealed record PersonalDataReport(
    Person Person,
    IReadOnlyList<ListedDocument> OwnDocuments,
    IReadOnlyList<AnswerRecord> Questions,
    IReadOnlyList<AnswerFeedback> Feedback,
    IReadOnlyList<Project> OwnedProjects,
    IReadOnlyList<(Project Project, KpiWeek Week)> KpiValues,
    IReadOnlyList<(Retrospective Retro, RetroItem Item)> NamedContributions,
    IReadOnlyList<Retrospective> Facilitated,
    IReadOnlyList<(Project Project, ProjectAction Action)> Actions,
    int MemberLists)
{
    public bool IsEmpty =>
        OwnDocuments.Count + Questions.Count + Feedback.Count + OwnedProjects.Count + KpiValues.Count
        + NamedContributions.Count + Facilitated.Count + Actions.Count + MemberLists == 0;

    /// <summary>The report as the JSON file a person downloads: every record whole, as stored.</summary>
    public JsonObject ToJson(DateTimeOffset at) => new()
    {
        ["generatedAt"] = at,
        ["person"] = new JsonObject { ["tenantId"] = Person.TenantId, ["ids"] = Array(Person.Ids.Select(id => (JsonNode?)id)), ["name"] = Person.Name },
        ["yourRecords"] = Array(OwnDocuments.Select(d => (JsonNode?)new JsonObject { ["key"] = d.Key, ["updatedAt"] = d.UpdatedAt, ["content"] = JsonNode.Parse(d.Json) })),
        ["coachQuestions"] = Array(Questions.Select(q => Node(q, CoachingJsonContext.Default.AnswerRecord))),
        ["feedbackGiven"] = Array(Feedback.Select(f => (JsonNode?)new JsonObject { ["reaction"] = f.Reaction, ["comment"] = f.Comment, ["at"] = f.At })),
        ["projectsOwned"] = Array(OwnedProjects.Select(p => Node(p, CoachingJsonContext.Default.Project))),
        ["kpiValuesRecorded"] = Array(KpiValues.Select(k => (JsonNode?)new JsonObject
        {
            ["projectId"] = k.Project.Id, ["project"] = k.Project.Name, ["week"] = k.Week.Week, ["at"] = k.Week.At,
            ["values"] = new JsonObject([.. k.Week.Values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))]),
        })),
        ["retroContributions"] = Array(NamedContributions.Select(c => (JsonNode?)new JsonObject
        {
            ["retroId"] = c.Retro.Id, ["projectId"] = c.Retro.ProjectId, ["column"] = c.Item.Kind.ToString(), ["text"] = c.Item.Text, ["at"] = c.Item.At,
        })),
        ["retrosFacilitated"] = Array(Facilitated.Select(r => (JsonNode?)new JsonObject { ["retroId"] = r.Id, ["projectId"] = r.ProjectId, ["openedAt"] = r.OpenedAt, ["closedAt"] = r.ClosedAt })),
        ["actions"] = Array(Actions.Select(a => (JsonNode?)new JsonObject
        {
            ["projectId"] = a.Project.Id, ["project"] = a.Project.Name, ["text"] = a.Action.Text, ["owner"] = a.Action.Owner, ["due"] = a.Action.Due?.ToString("yyyy-MM-dd"),
            ["doneAt"] = a.Action.DoneAt,
        })),
        ["memberListsNamingYou"] = MemberLists,
    };

    private static JsonArray Array(IEnumerable<JsonNode?> nodes) => new([.. nodes]);

    private static JsonNode? Node<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.SerializeToNode(value, type);
}
