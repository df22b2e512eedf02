namespace AiCoachBot.Host.Tests.Support;

/// <summary>A bot whose language model is a loopback <see cref="FakeModelServer"/>, fresh for every test.</summary>
public abstract class ModelTest : FramingTest
{
    protected FakeModelServer Model { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => Model.Settings();

    public override async Task InitializeAsync()
    {
        Model = await FakeModelServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Model.DisposeAsync();
    }
}
