using AiCoachBot.Coaching.Retros;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>
/// The retro pseudonym key kept as a file beside the database, created on first start, readable by this user only.
/// It is never in the database, so a copy of the database alone cannot tell whose pseudonym is whose. Instances that
/// share a database must share the key instead (<c>Retros:PseudonymKey</c>).
/// </summary>
public static class PseudonymKeyFile
{
    public const string FileName = "retro-pseudonym.key";

    public static PseudonymKey LoadOrCreate(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
            return PseudonymKey.Parse(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path} does not hold a base64 key of at least {PseudonymKey.MinimumBytes} bytes: delete it to have a new one made (open retros then start again from their salt).");
        var key = PseudonymKey.Random();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(Convert.ToBase64String(key.Bytes));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance on this folder wrote it first: use theirs.
            return LoadOrCreate(folder);
        }
        return key;
    }
}
