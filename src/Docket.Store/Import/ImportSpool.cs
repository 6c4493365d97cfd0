using System.Diagnostics;
using System.Globalization;
using Docket.Domain.Deadlines;
using Docket.Domain.Events;
using Docket.Store.Cases;

namespace Docket.Store.Import;

/// <summary>
/// What the checking pass hands to the writing pass, on disk in a temporary folder so memory
/// stays flat: every checked record with its version, in file order, and the case summaries
/// folded on the way. The writing pass reads records back without parsing or checking any
/// line again. Only a cache of the file: lost with a crash, it is rebuilt by running again, and
/// the folder a killed import left behind is removed by the next one.
/// </summary>
public sealed class ImportSpool : IDisposable
{
    private const string FolderPrefix = "docket-import-";
    private const string OwnerFile = "pid";
    private readonly DirectoryInfo folder;
    private BinaryWriter? records;
    private BinaryWriter? summaries;

    public ImportSpool()
    {
        try
        {
            RemoveAbandoned();
            folder = Directory.CreateTempSubdirectory(FolderPrefix);
            File.WriteAllText(Path.Combine(folder.FullName, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            records = Create("records");
            summaries = Create("summaries");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"cannot make the import's temporary folder in {Path.GetTempPath()} ({ex.Message.TrimEnd('.')}); "
                + "set TMPDIR to a writable folder with room for about the size of the file", ex);
        }
    }

    private string RecordsPath => Path.Combine(folder.FullName, "records");

    private string SummariesPath => Path.Combine(folder.FullName, "summaries");

    /// <summary>Bytes of records written, for the writing pass's progress bar.</summary>
    public long RecordBytes => new FileInfo(RecordsPath).Length;

    public void Add(ImportRecord record, int version)
    {
        var w = records ?? throw new InvalidOperationException("The spool is closed for writing.");
        w.Write(record.Line);
        w.Write(version);
        w.Write(record.ANumber);
        w.Write(record.Type);
        w.Write(record.On);
        w.Write(record.Payload);
        w.Write(record.Exported is not null);
        if (record.Exported is { } e)
        {
            w.Write(e.RecordedAt);
            w.Write(e.RecordedBy);
            w.Write(e.PrevHash);
            w.Write(e.Hash);
        }
    }

    public void Add(CaseRow summary)
    {
        var w = summaries ?? throw new InvalidOperationException("The spool is closed for writing.");
        w.Write(summary.ANumber);
        w.Write(summary.FamilyName);
        w.Write(summary.GivenNames);
        w.Write(summary.DateOfBirth);
        w.Write(summary.Citizenship);
        w.Write(summary.Office);
        w.Write(summary.Stage);
        w.Write(summary.Version);
        WriteOptional(w, summary.AttorneyBarNumber);
        WriteOptional(w, summary.NextHearingOn);
        w.Write(summary.RunningDeadlines.Count);
        foreach (var listed in summary.RunningDeadlines)
        {
            w.Write(listed.Deadline.Kind);
            w.Write(EventJson.DatePattern.Format(listed.Deadline.Due));
            w.Write(listed.Deadline.Rule);
            w.Write(EventJson.DatePattern.Format(listed.ListedFrom));
            w.Write(EventJson.DatePattern.Format(listed.ListedUntil));
        }
    }

    /// <summary>Ends the checking pass: what was written is flushed and can be read.</summary>
    public void Complete()
    {
        records?.Dispose();
        summaries?.Dispose();
        records = summaries = null;
    }

    /// <summary>The records in file order, with how far into the spool each one ends.</summary>
    public IEnumerable<(ImportRecord Record, int Version, long BytesRead)> ReadRecords()
    {
        using var r = Open(RecordsPath);
        var length = r.BaseStream.Length;
        while (r.BaseStream.Position < length)
        {
            var line = r.ReadInt64();
            var version = r.ReadInt32();
            var record = new ImportRecord(line, r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString());
            if (r.ReadBoolean())
            {
                record = record with { Exported = new ExportedFields(version, r.ReadString(), r.ReadString(), r.ReadBytes(32), r.ReadBytes(32)) };
            }

            yield return (record, version, r.BaseStream.Position);
        }
    }

    public IEnumerable<CaseRow> ReadSummaries()
    {
        using var r = Open(SummariesPath);
        var length = r.BaseStream.Length;
        while (r.BaseStream.Position < length)
        {
            yield return new CaseRow
            {
                ANumber = r.ReadString(),
                FamilyName = r.ReadString(),
                GivenNames = r.ReadString(),
                DateOfBirth = r.ReadString(),
                Citizenship = r.ReadString(),
                Office = r.ReadString(),
                Stage = r.ReadString(),
                Version = r.ReadInt32(),
                AttorneyBarNumber = ReadOptional(r),
                NextHearingOn = ReadOptional(r),
                AccessCodeHash = AccessCodes.NoneIssued,
                RunningDeadlines = ReadDeadlines(r),
            };
        }
    }

    private static ListedDeadline[] ReadDeadlines(BinaryReader r)
    {
        var deadlines = new ListedDeadline[r.ReadInt32()];
        for (var i = 0; i < deadlines.Length; i++)
        {
            var deadline = new Deadline(r.ReadString(), EventJson.DatePattern.Parse(r.ReadString()).Value, r.ReadString());
            deadlines[i] = new ListedDeadline(deadline, EventJson.DatePattern.Parse(r.ReadString()).Value, EventJson.DatePattern.Parse(r.ReadString()).Value);
        }

        return deadlines;
    }

    public void Dispose()
    {
        Complete();
        folder.Delete(recursive: true);
    }

    /// <summary>Spool folders whose import is no longer running (it was killed): nothing will read them.</summary>
    private static void RemoveAbandoned()
    {
        foreach (var abandoned in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories(FolderPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(abandoned.FullName, OwnerFile);
                if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
                {
                    abandoned.Delete(recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or going away anyway: not this import's business.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private BinaryWriter Create(string name) =>
        new(new FileStream(Path.Combine(folder.FullName, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20));

    private static BinaryReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan));

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
