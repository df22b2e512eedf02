using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>
/// A real PostgreSQL server for the tests: Debian's binaries, a throw-away data folder, 127.0.0.1 on a free port,
/// trust authentication. PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user. Each test
/// class gets databases of its own (<see cref="CreateDatabaseAsync"/>); the server goes with the fixture.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aicoach-pg-").FullName;
    private string _bin = "";
    private int _databases;

    public int Port { get; } = FreePort();

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true, Timeout = 15 }.ToString();

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        var data = Path.Combine(_folder, "data");
        if (Environment.IsPrivilegedProcess) Run("chown", ["-R", "postgres:postgres", _folder]);
        RunAsServerUser("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
        RunAsServerUser("pg_ctl", ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -c unix_socket_directories='' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"]);
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
    }

    /// <summary>An empty database, new for each call.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { RunAsServerUser("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    /// <summary>Debian's server binaries (the <c>postgresql</c> package), the newest major version first.</summary>
    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(v => Version.TryParse(Path.GetFileName(v).Contains('.') ? Path.GetFileName(v) : Path.GetFileName(v) + ".0", out var n) ? n : new Version())
                .Select(v => Path.Combine(v, "bin"))
            : Enumerable.Empty<string>();
        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "pg_ctl")))
            ?? throw new InvalidOperationException("PostgreSQL's server binaries were not found in /usr/lib/postgresql/*/bin: install Debian's postgresql package (.ci/run does).");
    }

    private void RunAsServerUser(string program, string[] arguments)
    {
        var path = Path.Combine(_bin, program);
        if (Environment.IsPrivilegedProcess) Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        else Run(path, arguments);
    }

    private static void Run(string program, string[] arguments)
    {
        // In the server's own folder: the postgres user may not enter the caller's working directory.
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(entireProcessTree: true); throw new InvalidOperationException($"{program} did not finish"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}{error.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
