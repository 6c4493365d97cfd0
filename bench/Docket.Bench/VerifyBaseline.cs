using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Docket.Store;
using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;

namespace Docket.Bench;

/// <summary>
/// verify's rate against raw SHA-256: <c>docket verify</c>'s chain check over the whole log,
/// in bytes hashed a second, against SHA-256 alone over the same messages held in memory.
/// </summary>
internal static class VerifyBaseline
{
    public static async Task<(long Bytes, TimeSpan Verify, double RawBytesPerSecond, bool Intact)> RunAsync(DocketDatabase database, int sampleRows)
    {
        var reader = new EventReader(database);
        var watch = Stopwatch.StartNew();
        var report = await ChainVerifier.VerifyAsync(reader.ReadAllAsync());
        watch.Stop();

        // Counted apart, so that counting does not slow the timed pass.
        long bytes = 0;
        await foreach (var row in reader.ReadAllAsync())
        {
            bytes += 32 + Encoding.UTF8.GetByteCount(Text(row));
        }

        // The same kind of messages, in memory: what SHA-256 alone does on this machine now.
        List<byte[]> messages;
        await using (var context = database.CreateContext())
        {
            var rows = await context.Events.AsNoTracking().OrderBy(e => e.Position).Take(sampleRows).ToListAsync();
            messages = [.. rows.Select(Message)];
        }

        var raw = Stopwatch.StartNew();
        long rawBytes = 0;
        foreach (var message in messages)
        {
            SHA256.HashData(message);
            rawBytes += message.Length;
        }

        raw.Stop();
        return (bytes, watch.Elapsed, rawBytes / raw.Elapsed.TotalSeconds, report.Intact);
    }

    private static string Text(EventRow r) =>
        string.Join('\n', r.ANumber, r.Version.ToString(CultureInfo.InvariantCulture), r.Type, r.EffectiveOn, r.RecordedAt, r.RecordedBy, r.Payload);

    private static byte[] Message(EventRow r) => [.. r.PrevHash, .. Encoding.UTF8.GetBytes(Text(r))];
}
