using AiCoachBot.Protocol.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol.Tests.Files;

public sealed class BotFilesOptionsTests
{
    [Fact]
    public void Bound_NothingConfigured_SharePointHostsAndValid()
    {
        var options = Bind([]);

        Assert.Equal(["sharepoint.com", "sharepoint-df.com", "sharepoint.us"], options.AllowedUploadHostSuffixes);
    }

    [Fact]
    public void Bound_SuffixesConfigured_ReplaceTheDefaultsInsteadOfAddingToThem()
    {
        var options = Bind(new() { ["BotFiles:UploadHostSuffixes:0"] = "sharepoint.de" });

        Assert.Equal(["sharepoint.de"], options.AllowedUploadHostSuffixes);
    }

    [Theory]
    [InlineData("com")]
    [InlineData(".sharepoint.com")]
    [InlineData("sharepoint.com.")]
    [InlineData("https://sharepoint.com")]
    [InlineData("sharepoint.com/upload")]
    [InlineData("*.sharepoint.com")]
    [InlineData("127.0.0.1")]
    [InlineData("sharepoint .com")]
    public void Bound_SuffixThatIsNotAHostName_RefusedAtStart(string suffix)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["BotFiles:UploadHostSuffixes:0"] = suffix }));

        Assert.Contains(suffix, error.Message);
    }

    [Theory]
    [InlineData("BotFiles:MaxUploadBytes", "0")]
    [InlineData("BotFiles:MaxUploadBytes", "62914560")]
    [InlineData("BotFiles:MaxRetries", "11")]
    [InlineData("BotFiles:AttemptTimeout", "00:00:00")]
    [InlineData("BotFiles:MaxRetryAfter", "01:00:00")]
    public void Bound_OutOfRange_RefusedAtStart(string key, string value) =>
        Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

    private static BotFilesOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<BotFilesOptions>().BindConfiguration(BotFilesOptions.Section).ValidateDataAnnotations();
        return services.BuildServiceProvider().GetRequiredService<IOptions<BotFilesOptions>>().Value;
    }
}
