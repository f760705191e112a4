using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Followthrough.Audit;

/// <summary>One audit key: its id (stored in each entry it hashes) and the secret (never stored in the database).</summary>
internal sealed record AuditKey(string Id, byte[] Secret, DateTime? Created = null);

/// <summary>
/// The audit keys (<see cref="AuditOptions.KeyFile"/> or <see cref="AuditOptions.Keys"/>): the current one, which
/// writers hash new entries with, and the earlier ones, which the verifier still needs. The file is read again when it
/// changes (looked at no more than every few seconds), so a rotation by the command line reaches a running host.
/// Without any configured key the trail is written unkeyed (plain SHA-256), as before migration 0017.
/// </summary>
internal sealed class AuditKeyRing(AuditOptions options)
{
    private const int KeyBytes = 32;
    private const string Header =
        "# Followthrough audit keys: one a line (id, base64 key, created), the last is in use. Keep secret; keep every line.\n";

    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(3);
    private readonly Lock _gate = new();
    private Loaded? _loaded;

    public bool IsConfigured => options.IsKeyed;

    /// <summary>Where the keys come from, for messages (never the keys themselves).</summary>
    public string Source => !string.IsNullOrWhiteSpace(options.KeyFile) ? $"the key file {FullPath}" : "Followthrough:Audit:Keys";

    /// <summary>The key new entries are hashed with; null when none is configured. Creates a missing key file.</summary>
    public AuditKey? Current => IsConfigured ? Load(create: true).Keys[^1] : null;

    /// <summary>
    /// When the oldest key in the file was made (null for keys from the environment): the trail is keyed from then on,
    /// so an unkeyed entry written later was written, or rewritten, without the key.
    /// </summary>
    public DateTime? KeyedSince => !IsConfigured || FileMissing ? null : Load(create: false).Keys.Min(k => k.Created);

    /// <summary>The key with that id, current or earlier; null when the ring does not hold it (or none is configured).</summary>
    public AuditKey? Find(string id)
    {
        if (!IsConfigured)
        {
            return null;
        }

        var keys = FileMissing ? [] : Load(create: false).Keys;
        return keys.FirstOrDefault(k => k.Id == id);
    }

    /// <summary>Appends a new key to the key file, which becomes the current one; returns it.</summary>
    public AuditKey Rotate(DateTime now)
    {
        if (string.IsNullOrWhiteSpace(options.KeyFile))
        {
            throw new InvalidOperationException(IsConfigured
                ? "The audit keys come from Followthrough:Audit:Keys: add the new key there (id and base64 key, last), then restart."
                : "No audit key is configured: set Followthrough:Audit:KeyFile first.");
        }

        lock (_gate)
        {
            var existing = Load(create: true).Keys;
            var key = NewKey(now);
            while (existing.Any(k => k.Id == key.Id))
            {
                key = NewKey(now);
            }

            using (var file = new FileStream(FullPath, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                file.Write(Encoding.UTF8.GetBytes(Line(key, now)));
                file.Flush(flushToDisk: true);
            }

            _loaded = null;
            return key;
        }
    }

    private string FullPath => Path.GetFullPath(options.KeyFile!);

    private bool FileMissing => !string.IsNullOrWhiteSpace(options.KeyFile) && !File.Exists(FullPath);

    private Loaded Load(bool create)
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (_loaded is { } loaded && now - loaded.CheckedAt < RecheckEvery.TotalMilliseconds)
            {
                return loaded;
            }

            if (string.IsNullOrWhiteSpace(options.KeyFile))
            {
                return _loaded = new Loaded(Parse(options.Keys!.Replace(';', '\n'), "Followthrough:Audit:Keys"), DateTime.MinValue, now);
            }

            var path = FullPath;
            if (create && !File.Exists(path))
            {
                CreateKeyFile(path);
            }

            var written = File.GetLastWriteTimeUtc(path);
            if (_loaded is { } same && same.WrittenAt == written)
            {
                return _loaded = same with { CheckedAt = now };
            }

            return _loaded = new Loaded(Parse(File.ReadAllText(path), $"the key file {path}"), written, now);
        }
    }

    /// <summary>A new key file readable and writable by its owner only (on Unix), in a folder only the owner may enter.</summary>
    private static void CreateKeyFile(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var created = DateTime.UtcNow;
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new FileStream(path, create);
            file.Write(Encoding.UTF8.GetBytes(Header + Line(NewKey(created), created)));
            file.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
        }
    }

    private static AuditKey NewKey(DateTime now) =>
        new(string.Create(CultureInfo.InvariantCulture, $"k{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"),
            RandomNumberGenerator.GetBytes(KeyBytes), now);

    private static string Line(AuditKey key, DateTime created) =>
        string.Create(CultureInfo.InvariantCulture, $"{key.Id} {Convert.ToBase64String(key.Secret)} {created:yyyy-MM-ddTHH:mm:ssZ}\n");

    private static AuditKey[] Parse(string text, string source)
    {
        var keys = new List<AuditKey>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            byte[] secret;
            try
            {
                secret = parts.Length >= 2 ? Convert.FromBase64String(parts[1]) : [];
            }
            catch (FormatException)
            {
                secret = [];
            }

            if (secret.Length < 16)
            {
                throw new InvalidOperationException($"{source} has a line that is not \"id base64-key\" with a key of at least 16 bytes (key {parts[0]}).");
            }

            DateTime? created = parts.Length >= 3 && DateTime.TryParse(parts[2], CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
            keys.Add(new AuditKey(parts[0], secret, created));
        }

        return keys.Count > 0 ? [.. keys] : throw new InvalidOperationException($"{source} holds no audit key.");
    }

    private sealed record Loaded(AuditKey[] Keys, DateTime WrittenAt, long CheckedAt);
}
