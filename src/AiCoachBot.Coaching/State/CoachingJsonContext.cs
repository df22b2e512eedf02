using System.Text.Json.Serialization;

namespace AiCoachBot.Coaching.State;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UserSession))]
[JsonSerializable(typeof(InstallRecord))]
public sealed partial class CoachingJsonContext : JsonSerializerContext;
