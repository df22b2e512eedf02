using System.Net;
using AiCoachBot.Protocol.Files;
using AiCoachBot.Protocol.Hosting;
using AiCoachBot.Protocol.Schema;
using AiCoachBot.Protocol.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Protocol.Tests.Files;

/// <summary>The uploader as <c>AddBotFrameworkProtocol</c> wires it, in local mode so loopback is reachable.</summary>
public sealed class FileUploaderRegistrationTests
{
    [Fact]
    public async Task AddBotFrameworkProtocol_Uploader_PutsTheFileWithoutAnyToken()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Status(201));
        using var services = Services();

        var outcome = await services.GetRequiredService<IFileUploader>().UploadAsync(new Uri(oneDrive.ServiceUrl + "up/1"), "# Retro"u8.ToArray(), default);

        Assert.IsType<UploadOutcome.Uploaded>(outcome);
        Assert.Null(Assert.Single(oneDrive.Requests).Authorization);
    }

    [Fact]
    public async Task AddBotFrameworkProtocol_UploadHostRedirects_NotFollowedSoTheBytesGoNowhereElse()
    {
        await using var elsewhere = await FakeConnector.StartAsync(Replies.Status(201));
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Status(307, ("Location", elsewhere.ServiceUrl + "stolen")));
        using var services = Services();

        var outcome = await services.GetRequiredService<IFileUploader>().UploadAsync(new Uri(oneDrive.ServiceUrl + "up/1"), "# Retro"u8.ToArray(), default);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, Assert.IsType<UploadOutcome.Failed>(outcome).Status);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public void AddBotFrameworkProtocol_InvalidFilesSection_RefusedWhenOptionsAreRead()
    {
        using var services = Services(new() { ["BotFiles:UploadHostSuffixes:0"] = "com" });

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<IFileUploader>());
    }

    private static ServiceProvider Services(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(new ManualTimeProvider());
        services.AddBotFrameworkProtocol<NothingHandler>(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class NothingHandler : ActivityHandler
    {
        protected override Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
        protected override Task OnBotInstalledAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
        protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken) =>
            Task.FromResult(AdaptiveCardInvokeResponse.Message("ok"));
    }
}
