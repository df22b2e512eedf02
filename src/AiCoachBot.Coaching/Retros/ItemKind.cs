namespace AiCoachBot.Coaching.Retros;

/// <summary>The three columns a member contributes to.</summary>
public enum ItemKind { Well, NotWell, Idea }
