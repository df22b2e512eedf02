namespace AiCoachBot.Coaching.Nudges;

/// <summary>Where the bot can post into the project's channel later, without being spoken to first.</summary>
public sealed record ChannelReference(string ServiceUrl, string TenantId, string TeamId, string ChannelId);

/// <summary>When and how the weekly card comes: a day and time in the team's time zone, its language, and the decision dates it counts down to.</summary>
public sealed record NudgePlan(
    DayOfWeek Day,
    TimeOnly Time,
    string TimeZone,
    string Language,
    DateOnly? PocDecision = null,
    DateOnly? GoLive = null,
    bool Paused = false,
    string? PausedReason = null)
{
    /// <summary>The nearest decision date from today on (the POC decision or the go-live), with the text key that names it.</summary>
    public (string TextKey, DateOnly Date)? NextDecision(DateOnly today) =>
        new[] { ("nudge.card.poc", PocDecision), ("nudge.card.goLive", GoLive) }
            .Where(d => d.Item2 >= today).OrderBy(d => d.Item2).Select(d => ((string, DateOnly)?)(d.Item1, d.Item2!.Value)).FirstOrDefault();
}

/// <summary>Someone the set-up's owner named, who may change it too: by their Teams account id, with the name shown.</summary>
public sealed record ChannelEditor(string Id, string Name);

/// <summary>
/// A project's channel set-up: where its weekly card goes, the KPIs it follows and when. <see cref="SetUpBy"/>
/// owns the set-up; only they and the <see cref="Editors"/> they name may change it.
/// </summary>
public sealed record ProjectChannel(
    ChannelReference Channel,
    IReadOnlyList<Kpi> Kpis,
    NudgePlan Plan,
    string SetUpBy,
    string SetUpByName,
    DateTimeOffset SetUpAt,
    IReadOnlyList<ChannelEditor> Editors)
{
    public const int MaxKpis = 10;
    public const int MaxEditors = 20;

    /// <summary>The team's time zone; UTC for a zone this machine does not know (the nudge pass reports those).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TimeZoneInfo Zone => NudgeTime.FindZone(Plan.TimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>When the weekly card is due, in a zone this machine knows (the caller checked it).</summary>
    public NudgeTime When(TimeZoneInfo zone) => new(Plan.Day, Plan.Time, zone);

    /// <summary>The team's day at <paramref name="now"/>.</summary>
    public DateOnly Today(DateTimeOffset now) => WeeklySchedule.LocalDay(now, Zone);

    /// <summary>Whether the person (known by any of their ids: Entra object id, Teams account id) owns the set-up.</summary>
    public bool IsOwner(IEnumerable<string?> ids) => ids.Contains(SetUpBy);

    public bool MayChange(IEnumerable<string?> ids)
    {
        var known = ids.OfType<string>().ToList();
        return known.Contains(SetUpBy) || Editors.Any(e => known.Contains(e.Id));
    }
}
