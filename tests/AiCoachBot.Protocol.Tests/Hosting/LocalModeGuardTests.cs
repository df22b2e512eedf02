using AiCoachBot.Protocol.Hosting;

namespace AiCoachBot.Protocol.Tests.Hosting;

public sealed class LocalModeGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3978")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://LOCALHOST:5000")]
    [InlineData("http://[::1]:80")]
    [InlineData("https://127.0.0.1:0")]
    public void IsLoopback_LoopbackBinding_True(string address) => Assert.True(LocalModeGuard.IsLoopback(address));

    [Theory]
    [InlineData("http://0.0.0.0:80")]
    [InlineData("http://*:80")]
    [InlineData("http://+:80")]
    [InlineData("http://[::]:80")]
    [InlineData("http://10.0.0.5:80")]
    [InlineData("http://localhost.example.com:80")]
    [InlineData("not an address")]
    public void IsLoopback_ReachableFromOtherMachines_False(string address) => Assert.False(LocalModeGuard.IsLoopback(address));
}
