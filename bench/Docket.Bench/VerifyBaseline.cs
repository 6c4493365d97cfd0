using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Docket.Store;
using Docket.Store.Audit;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Bench;

/// <summary>
/// verify's rate against raw SHA-256: the whole of <c>docket verify</c> (<see cref="AuditVerifier"/>:
/// chains, Merkle leaves, roots, checkpoint signatures, consistency between checkpoints), in
/// bytes of hashed messages a second, against SHA-256 alone over the same messages held in memory.
/// Measured in-process: on logs of this size the CLI's own start (runtime, JIT, opening the
/// database) takes longer than the verification; the CLI process is timed too, for the console.
/// </summary>
internal static class VerifyBaseline
{
    // Best of a few timed runs after a warm-up, for both sides: on a shared machine the best run
    // is the one least disturbed by others, and both sides get the same chance.
    private const int Runs = 5;

    public static async Task<(long Bytes, TimeSpan Verify, double RawBytesPerSecond, bool Intact)> RunAsync(DocketDatabase database, string keyPath, int sampleRows)
    {
        // Two checkpoints over the log, so signatures, roots and the consistency proof between them are all checked.
        using (var issuer = await CheckpointIssuer.OpenAsync(database, keyPath, SystemClock.Instance))
        {
            await issuer.IssueAsync(onlyIfGrown: false);
            await issuer.IssueAsync(onlyIfGrown: false);
        }

        // The messages verify hashes, counted and kept apart, untimed.
        long bytes = 0;
        var messages = new List<byte[]>();
        await foreach (var row in new EventReader(database).ReadAllAsync())
        {
            var message = Message(row);
            bytes += message.Length;
            if (messages.Count < sampleRows)
            {
                messages.Add(message);
            }
        }

        // Runs of each side alternate, so both meet the same load from others on this shared
        // machine; a warm-up of each first (JIT, connection pool, page cache).
        using var key = CheckpointKeyFile.LoadPublic(keyPath);
        var verifier = new AuditVerifier(database);
        var report = await verifier.VerifyAsync(key);
        RawSeconds(messages);
        var (verify, raw) = (TimeSpan.MaxValue, double.MaxValue);
        for (var run = 0; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            report = await verifier.VerifyAsync(key);
            verify = TimeSpan.FromTicks(Math.Min(verify.Ticks, watch.Elapsed.Ticks));
            raw = Math.Min(raw, RawSeconds(messages));
        }

        return (bytes, verify, messages.Sum(m => (long)m.Length) / raw, report.Intact);
    }

    /// <summary>SHA-256 alone over the messages, one at a time as verify hashes them.</summary>
    private static double RawSeconds(List<byte[]> messages)
    {
        var hash = new byte[32];
        var watch = Stopwatch.StartNew();
        foreach (var message in messages)
        {
            SHA256.HashData(message, hash);
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static byte[] Message(EventRow r) =>
        [.. r.PrevHash, .. Encoding.UTF8.GetBytes(string.Join('\n', r.ANumber, r.Version.ToString(CultureInfo.InvariantCulture), r.Type, r.EffectiveOn, r.RecordedAt, r.RecordedBy, r.Payload))];
}
