using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Docket.Store.Audit;

/// <summary>
/// The instance's checkpoint signing key: an ECDSA P-256 private key in a PEM file readable only
/// by its owner (mode 600). It is created once, when there is nothing yet that it must match;
/// once checkpoints exist it is never replaced, because a new key would silently disown every
/// checkpoint a witness already holds.
/// </summary>
public static class CheckpointKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Next to the SQLite file (<c>docket.db.checkpoint-key.pem</c>); for PostgreSQL <c>./docket-checkpoint-key.pem</c>.</summary>
    public static string DefaultPath(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Provider == DatabaseProvider.Sqlite
            ? Path.GetFullPath(new SqliteConnectionStringBuilder(target.ConnectionString).DataSource + ".checkpoint-key.pem")
            : Path.GetFullPath("docket-checkpoint-key.pem");
    }

    /// <summary>
    /// Loads the private key; when the file does not exist and <paramref name="checkpointCount"/>
    /// is 0, creates it. A missing key with checkpoints in the database is an error, never a new key.
    /// </summary>
    public static ECDsa LoadOrCreate(string path, long checkpointCount)
    {
        if (!File.Exists(path))
        {
            if (checkpointCount > 0)
            {
                throw new CheckpointKeyException(
                    $"The checkpoint signing key {path} is missing, but this database already holds {checkpointCount} checkpoint(s) signed with it. "
                    + "Docket will not make a new key, because nothing signed with it could be checked against the checkpoints already issued. "
                    + "Restore the key file from a backup, or point Docket:Checkpoints:KeyPath (--key) at it.");
            }

            Create(path);
        }

        return LoadPrivate(path);
    }

    /// <summary>
    /// Checks that the key file a running instance signs with is still there and still holds
    /// <paramref name="key"/>. A key that exists only in memory is one restart from being lost,
    /// and every checkpoint signed meanwhile would be lost with it: so nothing is signed until
    /// the file is back (events are still recorded; the next checkpoint covers them all).
    /// </summary>
    public static void RequireUnchanged(string path, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointKeyException(
                $"The checkpoint signing key file {path} is missing or unreadable ({ex.Message}). Nothing was signed: a key kept only in memory would be lost at the next restart, "
                + "and with it the means to sign anything that extends the checkpoints already issued. Events are still recorded; restore the key file and the next checkpoint covers them.");
        }

        using var onDisk = Import(path, pem);
        if (!onDisk.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            throw new CheckpointKeyException(
                $"The checkpoint signing key file {path} no longer holds the key this server signs with. Nothing was signed; put the original key file back (the server's public key is GET /api/audit/key).");
        }
    }

    /// <summary>Loads a key to check signatures with: the private key file, or the public key PEM from GET /api/audit/key.</summary>
    public static ECDsa LoadPublic(string path)
    {
        if (!File.Exists(path))
        {
            throw new CheckpointKeyException($"There is no checkpoint key at {path}: pass --key with the instance's public key (GET /api/audit/key) or its key file.");
        }

        return Import(path, File.ReadAllText(path));
    }

    public static string PublicPem(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    private static ECDsa LoadPrivate(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
        {
            throw new CheckpointKeyException($"The checkpoint signing key {path} can be read by other users; make it private with `chmod 600 {path}`.");
        }

        var key = Import(path, File.ReadAllText(path));
        try
        {
            // Signing needs the private half; a public-only PEM here is a mistake worth naming.
            key.ExportParameters(includePrivateParameters: true);
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw new CheckpointKeyException($"{path} holds no private key: the signing key file is the one Docket created, not the public key.");
        }

        return key;
    }

    private static ECDsa Import(string path, string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (ArgumentException ex)
        {
            key.Dispose();
            throw new CheckpointKeyException($"{path} is not an ECDSA key in PEM form: {ex.Message}");
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new CheckpointKeyException($"{path} is not a P-256 key: checkpoints are signed with ECDSA P-256.");
        }

        return key;
    }

    private static void Create(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            // Written aside and moved in, so no one ever reads half a key; never over an existing one.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            File.Delete(temporary);
        }
    }
}

/// <summary>The checkpoint key is missing, unreadable, exposed or not the one that signed this log.</summary>
public sealed class CheckpointKeyException(string message) : InvalidOperationException(message);
