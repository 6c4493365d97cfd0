using System.Diagnostics;

namespace Docket.Web.Tests.Faults;

/// <summary>
/// A small tmpfs of the test's own (the tests run as root, in CI too): a real file system that
/// fills up and can be made read-only. A machine where it cannot be mounted fails the test with
/// the reason; a fault test that quietly passed without its fault would prove nothing.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private Tmpfs(string folder) => Folder = folder;

    public string Folder { get; }

    public static Tmpfs Mount(string size = "4m")
    {
        var folder = Directory.CreateTempSubdirectory("docket-fault-tmpfs-").FullName;
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder);
        if (code != 0)
        {
            Directory.Delete(folder);
            Assert.Fail($"cannot mount a {size} tmpfs on {folder} (exit {code}: {output.Trim()}): the fault tests need root (or CAP_SYS_ADMIN) to make a disk that fills up or turns read-only; run them as root, as CI does.");
        }

        return new Tmpfs(folder);
    }

    /// <summary>Fills the file system to the brim with one file; returns its path (delete it to free the space).</summary>
    public string Fill()
    {
        var path = Path.Combine(Folder, "ballast.bin");
        var block = new byte[64 * 1024];
        Array.Fill(block, (byte)0x5A);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full. Top up byte by byte, so not even a page is left.
        }

        try
        {
            for (var i = 0; i < block.Length; i++)
            {
                stream.Write(block, 0, 1);
                stream.Flush();
            }
        }
        catch (IOException)
        {
        }

        Assert.True(new DriveInfo(Folder).AvailableFreeSpace < 64 * 1024, $"{Folder} is not full after filling it");
        return path;
    }

    /// <summary>Remounts read-only (true) or read-write (false); fails the test with the reason when it cannot.</summary>
    public void Remount(bool readOnly)
    {
        var (code, output) = Run("mount", "-o", readOnly ? "remount,ro" : "remount,rw", Folder);
        Assert.True(code == 0, $"cannot remount {Folder} {(readOnly ? "read-only" : "read-write")} (exit {code}): {output.Trim()}");
    }

    /// <summary>Tries to remount read-only; false while a file is still open for writing (EBUSY).</summary>
    public bool TryRemountReadOnly() => Run("mount", "-o", "remount,ro", Folder).Code == 0;

    public void Dispose()
    {
        // Lazy, so a file a test left open cannot keep the mount (and the folder) behind.
        Run("umount", "-l", Folder);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (int Code, string Output) Run(string program, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, $"{program}: {ex.Message}");
        }
    }
}
