using System.Net;
using AiCoachBot.Coaching.State;
using AiCoachBot.Host.Hosting;
using AiCoachBot.Host.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>With Tenants:Allowed set, only those organisations are served; anyone else is refused politely and leaves no trace.</summary>
public sealed class TenantAllowListTests : BotTest
{
    private const string AnotherTenant = "0b6e2c3e-5a7d-4c1e-9f7b-3d2a1c0e9f88";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Tenants:Allowed:0"] = AnotherTenant };

    [Fact]
    public async Task AnOrganisationNotListed_GetsAPoliteRefusal_InItsLanguage_AndNothingIsStored()
    {
        var chat = PersonalChat();
        var french = PersonalChat("fr-FR");
        var channel = TeamChannel();

        var installed = await SendAsync(chat, chat.BotAdded(), replies: 1);
        var message = await SayOneAsync(chat, "frame");
        var inFrench = await SayOneAsync(french, "aide");
        var submitted = await SendAsync(channel, channel.Submit(SetupTests.Filled("Email triage")), replies: 1);
        var executed = await ExecuteAsync(chat.Execute("retro.add", RetroData("retro.add", "r1")));

        Assert.Equal(Bot.En("tenant.refused"), installed[0].Text);
        Assert.Equal(Bot.En("tenant.refused"), message.Text);
        Assert.Equal(Bot.Fr("tenant.refused"), inFrench.Text);
        Assert.Equal(Bot.En("tenant.refused"), submitted[0].Text);
        Assert.Equal(HttpStatusCode.OK, executed.Status);
        Assert.Equal(Bot.En("tenant.refused"), executed.Body["value"]!.GetValue<string>());
        await foreach (var document in Bot.Services.GetRequiredService<IDocumentStore>().ListAsync("", default))
            Assert.Fail($"'{document.Key}' was stored for a refused tenant");
        Assert.Contains(Bot.Logs.Entries, e => e.EventId.Id == 5310);
    }

    [Fact]
    public async Task AListedOrganisation_IsServedAsUsual()
    {
        var listed = StartBot(new Dictionary<string, string?> { ["Tenants:Allowed:0"] = AnotherTenant, ["Tenants:Allowed:1"] = ActivityBuilder.TenantId.ToUpperInvariant() });

        var help = await SayOneAsync(PersonalChat(), "help", listed);

        Assert.NotEqual(listed.En("tenant.refused"), help.Text);
        Assert.NotEmpty(help.Body!["attachments"]!.AsArray());
    }

    [Theory]
    [InlineData("{72F988BF-86F1-41AF-91AB-2D7CD011DB47}")]
    [InlineData("72f988bf86f141af91ab2d7cd011db47")]
    public void ATenantIdWrittenAnotherWay_StillNamesTheSameTenant(string written) =>
        Assert.True(new TenantOptions { Allowed = [written] }.Admits(ActivityBuilder.TenantId));

    [Fact]
    public void AnEntryThatIsNotATenantId_IsRefusedAtStart_SayingWhatToPut()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tenants:Allowed:0"] = "contoso.onmicrosoft.com" });
        builder.AddAiCoachBot();
        using var app = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<TenantOptions>>().Value);

        Assert.Contains("'contoso.onmicrosoft.com', which is not a tenant id", error.Message);
    }
}
