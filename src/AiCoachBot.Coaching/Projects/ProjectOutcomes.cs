namespace AiCoachBot.Coaching.Projects;

/// <summary>What adding an action to a project did.</summary>
public enum ActionOutcome { Added, AlreadyOpen, TooMany }

/// <summary>What changing a project's channel set-up did.</summary>
public enum SetupOutcome { Saved, NotFound, NotYours, NotAllowed }
