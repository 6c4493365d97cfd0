namespace Docket.Store.Events;

/// <summary>
/// The reasons a chain check gives, in one place: the row-by-row <see cref="ChainVerifier"/> and
/// the batched check of <c>docket verify</c> must name a broken event in the same words.
/// </summary>
internal static class ChainFaults
{
    public static string Position(long position, long expected) => position > expected
        ? $"positions {expected}..{position - 1} are missing (events were removed)"
        : $"position {position} is out of order";

    public static string Version(int version, int headVersion) =>
        $"version {version} follows version {headVersion} of the case (an event is missing or out of order)";

    public const string PrevHash = "prevHash does not match the hash of the case's previous event";

    public static string Hash(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> recomputed) =>
        $"hash does not match its content (stored {EventHash.ToHex(stored)}, recomputed {EventHash.ToHex(recomputed)})";
}
