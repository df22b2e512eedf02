namespace AiCoachBot.Coaching.Retros;

/// <summary>Someone acting on an open retro: their pseudonym in it, and their id and name for a named retro only.</summary>
public sealed record RetroMember(string Key, string Id, string? Name);
