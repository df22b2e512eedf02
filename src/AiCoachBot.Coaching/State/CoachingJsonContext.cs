using System.Text.Json.Serialization;

namespace AiCoachBot.Coaching.State;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UserSession))]
[JsonSerializable(typeof(InstallRecord))]
[JsonSerializable(typeof(Projects.Project))]
[JsonSerializable(typeof(Projects.ProjectIndex))]
[JsonSerializable(typeof(Projects.AssessmentAnswers))]
[JsonSerializable(typeof(Coach.CachedAnswer))]
[JsonSerializable(typeof(Coach.TokenUsage))]
[JsonSerializable(typeof(Coach.LastAnswer))]
[JsonSerializable(typeof(Coach.AnswerRecord))]
[JsonSerializable(typeof(Coach.ConversationRoster))]
[JsonSerializable(typeof(Projects.NudgeIndex))]
[JsonSerializable(typeof(Projects.OwnedProjects))]
[JsonSerializable(typeof(Nudges.KpiHistory))]
[JsonSerializable(typeof(Retros.Retrospective))]
[JsonSerializable(typeof(Portfolio.TeamProgrammeManagers))]
[JsonSerializable(typeof(Portfolio.ManagedTeams))]
public sealed partial class CoachingJsonContext : JsonSerializerContext;
