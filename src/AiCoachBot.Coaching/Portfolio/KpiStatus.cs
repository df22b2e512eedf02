namespace AiCoachBot.Coaching.Portfolio;

/// <summary>Where a project's KPIs stand: no set-up, on or off the path to target, or no value for some weeks.</summary>
public enum KpiStatus { NotSetUp, OnTrack, OffTrack, NoData }
