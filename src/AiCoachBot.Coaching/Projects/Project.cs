using System.Text.Json.Serialization;
using AiCoachBot.Coaching.Conversation;

namespace AiCoachBot.Coaching.Projects;

public enum ProjectOwnerKind { Team, Person }

/// <summary>
/// Who a project belongs to: the team whose channel created it, or the person who created it in a
/// personal or group chat. Only that team's channels, or that person, can see it.
/// </summary>
public sealed record ProjectOwnership(string TenantId, ProjectOwnerKind Kind, string OwnerId)
{
    public static ProjectOwnership For(ConversationScope scope, string userId) =>
        scope.Kind == ConversationKind.Channel && !string.IsNullOrEmpty(scope.TeamId)
            ? new(scope.TenantId, ProjectOwnerKind.Team, scope.TeamId)
            : new(scope.TenantId, ProjectOwnerKind.Person, userId);

    public string Key => $"{TenantId}/{(Kind == ProjectOwnerKind.Team ? "team" : "person")}/{OwnerId}";
}

/// <summary>
/// An AI project the bot coaches, with the history of its readiness assessments and pitfall diagnostics,
/// the actions the team took on, and its channel set-up for the weekly KPI nudges. Documents written before
/// a field existed read with none.
/// </summary>
public sealed record Project(
    string Id,
    ProjectOwnership Ownership,
    string Name,
    string Description,
    string Phase,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<AssessmentRecord> Assessments,
    IReadOnlyList<DiagnosisRecord>? Diagnoses = null,
    IReadOnlyList<ProjectAction>? Actions = null,
    Nudges.ProjectChannel? Channel = null,
    IReadOnlyList<Retros.RetroEntry>? Retros = null,
    DateTimeOffset? ArchivedAt = null)
{
    [JsonIgnore]
    public AssessmentRecord? LastAssessment => Assessments.Count == 0 ? null : Assessments[^1];

    [JsonIgnore]
    public IReadOnlyList<DiagnosisRecord> DiagnosisHistory => Diagnoses ?? [];

    [JsonIgnore]
    public IReadOnlyList<ProjectAction> OpenActions => (Actions ?? []).Where(a => a.DoneAt is null).ToList();

    [JsonIgnore]
    public IReadOnlyList<Retros.RetroEntry> RetroHistory => Retros ?? [];

    [JsonIgnore]
    public Retros.RetroEntry? OpenRetro => RetroHistory.LastOrDefault(r => r.ClosedAt is null);

    /// <summary>Who owns the project: whoever created it, and whoever owns its channel set-up.</summary>
    public bool IsOwner(IEnumerable<string?> ids)
    {
        var known = ids.OfType<string>().ToList();
        return known.Contains(CreatedBy) || (Channel is { } channel && known.Contains(channel.SetUpBy))
            || (Ownership.Kind == ProjectOwnerKind.Person && known.Contains(Ownership.OwnerId));
    }

    /// <summary>Out of the portfolio, its weekly cards stopped; archiving again keeps the first date.</summary>
    public Project Archived(DateTimeOffset at, string reason) => this with
    {
        ArchivedAt = ArchivedAt ?? at,
        Channel = Channel is { } channel ? channel with { Plan = channel.Plan with { Paused = true, PausedReason = reason } } : null,
    };
}

/// <summary>What a diagnostic concluded: each examined pitfall's risk, to show what improved next time.</summary>
public sealed record DiagnosisRecord(
    DateTimeOffset At,
    string RunId,
    string? Phase,
    IReadOnlyList<PitfallRiskRecord> Risks,
    IReadOnlyList<string> Examined,
    IReadOnlyList<string> FiredRules);

/// <summary>One pitfall's risk level (None, Low, Medium, High) and score in percent.</summary>
public sealed record PitfallRiskRecord(string Pitfall, string Level, int Score);

/// <summary>
/// Something the team committed to do on the project, such as a diagnostic's remedy or a retro's action.
/// <see cref="Source"/> says where it came from ("pitfall:&lt;id&gt;:week", "retro:&lt;id&gt;:n"), so the same remedy
/// is not added twice while open. <see cref="Owner"/> is the owner's name, <see cref="OwnerId"/> their Teams id.
/// An action ends done, or dropped by a later retro; <see cref="DoneAt"/> is when, either way.
/// </summary>
public sealed record ProjectAction(
    string Id,
    string Text,
    string Source,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? Owner = null,
    DateOnly? Due = null,
    DateTimeOffset? DoneAt = null,
    string? OwnerId = null,
    bool Dropped = false,
    string? DoneByName = null)
{
    public bool IsOverdue(DateOnly today) => DoneAt is null && Due < today;
}

/// <summary>
/// What an assessment concluded, kept on the project so the next run can show what changed. The answers
/// behind it are a document of their own (<see cref="AssessmentAnswers"/>), read only by the export,
/// so that the project stays small however often it is assessed.
/// </summary>
public sealed record AssessmentRecord(
    DateTimeOffset At,
    int Overall,
    string Verdict,
    IReadOnlyDictionary<string, int> DimensionScores,
    IReadOnlyList<string> GapRemedies,
    string? Tier,
    IReadOnlyList<string> FiredRules,
    string? RunId = null);

/// <summary>The answers of one framing or diagnostic run, for the export and for reuse.</summary>
public sealed record AssessmentAnswers(IReadOnlyDictionary<string, Flows.Answer> Answers);

/// <summary>The projects one team or one person owns: ids and names, for listing and lookup by name.</summary>
public sealed record ProjectIndex(IReadOnlyList<ProjectIndexEntry> Projects);

public sealed record ProjectIndexEntry(string Id, string Name);
