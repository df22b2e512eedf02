namespace AiCoachBot.Coaching.Privacy;

/// <summary>
/// What "forget me" did: records erased (the person's own), records kept with the person replaced by
/// <see cref="FormerMember"/> (the teams'), projects handed to a co-owner, and projects archived for want of one.
/// </summary>
public sealed record ErasureSummary(int Erased, int Anonymised, int HandedOver, int Archived);
