using Docket.Domain.Audit;
using Docket.Domain.Cases;
using Docket.Store.Audit;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Audit;

/// <summary>
/// RFC 9162 proofs, built from the stored tree nodes in O(log n) reads. Without a tree size they
/// are for the latest checkpoint, the head a client can check a signature on.
/// </summary>
public static class ProofEndpoints
{
    public static async Task<Results<Ok<InclusionProofView>, ProblemHttpResult>> Inclusion(
        string? aNumber, int? version, long? treeSize, AuditProofs proofs, MerkleTreeStore tree, CancellationToken cancellationToken)
    {
        if (!ANumber.TryParse(aNumber, out var number) || version is not > 0)
        {
            return Problems.BadRequest("Which event?", ["aNumber (9 digits) and version (1 or more) name the event to prove"]);
        }

        var digits = number.Value.Digits;
        var found = await proofs.FindEventAsync(digits, version.Value, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"There is no event {digits} version {version}.");
        }

        var (size, problem) = await TreeSizeAsync(treeSize, proofs, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (found.Position > size)
        {
            return Problems.BadRequest("Not in that tree", [$"the event is at position {found.Position}, after a tree of {size} events: ask for treeSize {found.Position} or more"]);
        }

        var proof = await tree.InclusionProofAsync(found.Position, size, cancellationToken);
        return TypedResults.Ok(new InclusionProofView(
            digits, version.Value, found.Position, proof.LeafIndex, proof.TreeSize,
            Convert.ToHexStringLower(found.Hash), Convert.ToHexStringLower(MerkleHash.Leaf(found.Hash)), Hex(proof.AuditPath)));
    }

    public static async Task<Results<Ok<ConsistencyProofView>, ProblemHttpResult>> Consistency(
        long? from, long? to, AuditProofs proofs, MerkleTreeStore tree, CancellationToken cancellationToken)
    {
        var (size, problem) = await TreeSizeAsync(to, proofs, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (from is not > 0 || from > size)
        {
            return Problems.BadRequest("Bad tree sizes", [$"from must be 1..{size} (the size of an older checkpoint), and to at least from"]);
        }

        var proof = await tree.ConsistencyProofAsync(from.Value, size, cancellationToken);
        return TypedResults.Ok(new ConsistencyProofView(from.Value, size, Hex(proof)));
    }

    private static async Task<(long Size, ProblemHttpResult? Problem)> TreeSizeAsync(long? asked, AuditProofs proofs, CancellationToken cancellationToken)
    {
        var tree = await proofs.TreeAsync(asked, cancellationToken);
        return tree.Exists
            ? (tree.Size, null)
            : (0, Problems.BadRequest("Bad tree size", [$"treeSize must be 1..{tree.Stored}, the events the tree holds now"]));
    }

    private static List<string> Hex(IReadOnlyList<byte[]> hashes) => hashes.Select(h => Convert.ToHexStringLower(h)).ToList();
}
