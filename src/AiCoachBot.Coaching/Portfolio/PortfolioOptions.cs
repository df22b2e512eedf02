namespace AiCoachBot.Coaching.Portfolio;

/// <summary>Portfolio:* settings.</summary>
public sealed class PortfolioOptions
{
    public const string Section = "Portfolio";

    /// <summary>
    /// The AI programme office: Entra object ids (or Teams account ids) of the people who see every team project of their
    /// organisation in <c>portfolio</c>, from a personal chat. Teams may also name managers for their own projects.
    /// </summary>
    public List<string> ProgrammeManagers { get; set; } = [];
}
