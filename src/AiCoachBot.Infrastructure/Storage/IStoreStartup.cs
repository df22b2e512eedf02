namespace AiCoachBot.Infrastructure.Storage;

/// <summary>A store that creates or migrates its schema before the first request; safe to run at every start.</summary>
public interface IStoreStartup
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
