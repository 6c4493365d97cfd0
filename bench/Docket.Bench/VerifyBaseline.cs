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
    private const int Runs = 3;

    public static async Task<(long Bytes, TimeSpan Verify, double RawBytesPerSecond, bool Intact)> RunAsync(DocketDatabase database, string keyPath, int sampleRows)
    {
        // Two checkpoints over the log, so signatures, roots and the consistency proof between them are all checked.
        using (var issuer = await CheckpointIssuer.OpenAsync(database, keyPath, SystemClock.Instance))
        {
            await issuer.IssueAsync(onlyIfGrown: false);
            await issuer.IssueAsync(onlyIfGrown: false);
        }

        using var key = CheckpointKeyFile.LoadPublic(keyPath);
        var verifier = new AuditVerifier(database);
        var report = await verifier.VerifyAsync(key);
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            report = await verifier.VerifyAsync(key);
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, watch.Elapsed.Ticks));
        }

        // The messages verify hashed, counted and kept apart so that doing so does not slow the timed runs.
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

        return (bytes, best, RawBytesPerSecond(messages), report.Intact);
    }

    /// <summary>What SHA-256 alone does on this machine now, one message at a time as verify hashes them.</summary>
    private static double RawBytesPerSecond(List<byte[]> messages)
    {
        var hash = new byte[32];
        var best = double.MaxValue;
        long bytes = 0;
        for (var run = 0; run <= Runs; run++)
        {
            bytes = 0;
            var watch = Stopwatch.StartNew();
            foreach (var message in messages)
            {
                SHA256.HashData(message, hash);
                bytes += message.Length;
            }

            // Run 0 is the warm-up.
            if (run > 0)
            {
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }
        }

        return bytes / best;
    }

    private static byte[] Message(EventRow r) =>
        [.. r.PrevHash, .. Encoding.UTF8.GetBytes(string.Join('\n', r.ANumber, r.Version.ToString(CultureInfo.InvariantCulture), r.Type, r.EffectiveOn, r.RecordedAt, r.RecordedBy, r.Payload))];
}
