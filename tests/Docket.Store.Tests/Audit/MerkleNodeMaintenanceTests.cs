using Docket.Domain.Audit;
using Docket.Store.Audit;

namespace Docket.Store.Tests.Audit;

/// <summary>
/// The writer keeps <c>merkle_nodes</c> in step with <c>events</c> in the same transaction: after
/// any appends (batched, concurrent, from several writers) the stored nodes are exactly every
/// complete subtree of the tree over the events, and proofs are read from them alone.
/// </summary>
public abstract class MerkleNodeMaintenanceTests(StoreKind kind) : AuditStoreTestBase(kind)
{
    private async Task AssertNodesMatchTheEventsAsync()
    {
        var leaves = (await ReadRawEventsAsync()).Select(r => MerkleHash.Leaf(r.Hash)).ToList();
        var expected = ReferenceMerkle.AllNodes(leaves);
        var stored = await ReadNodesAsync();

        // 2n - popcount(n) complete subtrees: each leaf, and each parent once its last leaf exists.
        Assert.Equal(2 * leaves.Count - long.PopCount(leaves.Count), stored.Count);
        Assert.Equal(expected.Keys.OrderBy(k => (k.Level, k.Index)), stored.Keys.OrderBy(k => (k.Level, k.Index)));
        foreach (var (id, hash) in expected)
        {
            Assert.True(MerkleHash.AreEqual(hash, stored[id]), id.ToString());
        }
    }

    [Fact]
    public async Task Every_append_stores_its_leaf_and_every_parent_it_completes()
    {
        for (var i = 0; i < 5; i++)
        {
            await WriteCaseAsync($"41410000{i}", events: 1 + i);
            await AssertNodesMatchTheEventsAsync();
        }

        Assert.Equal(15, await new MerkleTreeStore(Db).SizeAsync());
    }

    [Fact]
    public async Task Concurrent_appends_from_two_writers_leave_a_tree_that_matches_the_log()
    {
        var second = NewCaseLog(NewWriter());
        var tasks = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            var cases = i % 2 == 0 ? Cases : second;
            var number = await OpenCaseAsync($"5151{i:D5}", cases: cases);
            await AppendAddressAsync(number, 1, $"{i} Ledger Lane, Springfield", cases);
        }));
        await Task.WhenAll(tasks);

        Assert.Equal(48, await ScalarAsync("SELECT COUNT(*) FROM events"));
        await AssertNodesMatchTheEventsAsync();
    }

    [Fact]
    public async Task A_log_written_before_the_tree_existed_gets_its_tree_on_the_next_append()
    {
        await WriteCaseAsync(CaseA, events: 7);
        await ExecuteSqlAsync("DELETE FROM merkle_nodes");

        await WriteCaseAsync(CaseB, events: 2);

        await AssertNodesMatchTheEventsAsync();
        Assert.Equal(9, await new MerkleTreeStore(Db).SizeAsync());
    }

    [Fact]
    public async Task The_writer_refuses_to_append_over_a_removed_event_and_writes_nothing()
    {
        await WriteCaseAsync(CaseA);
        await TamperAsync("DELETE FROM events WHERE position = 3");

        var error = await Assert.ThrowsAsync<TamperedLogException>(() => Cases.AppendAsync(Number(CaseA), 2, Address("9 Ledger Lane"), "officer-brackwater"));

        Assert.Contains("leaves for 3 events but the log holds only 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM events"));
        Assert.Equal(3, await new MerkleTreeStore(Db).SizeAsync());
    }

    [Fact]
    public async Task Proofs_and_roots_come_from_the_stored_nodes_without_reading_the_events_table()
    {
        for (var i = 0; i < 7; i++)
        {
            await WriteCaseAsync($"61610000{i}", events: 3);
        }

        var rows = await ReadRawEventsAsync();
        var checkpoint = await IssueAsync();
        var head = new TrustedHead(CheckpointKeyFile.LoadPublic(KeyPath));
        Assert.True(head.TryAdvance(checkpoint.ToSigned(), []));

        // With the events table out of the way a proof can only come from the tree's own nodes.
        await ExecuteSqlAsync("ALTER TABLE events RENAME TO events_elsewhere");
        var tree = new MerkleTreeStore(Db);
        Assert.Equal(checkpoint.RootHash, await tree.RootAsync(21));
        foreach (var position in new long[] { 1, 2, 11, 16, 21 })
        {
            var proof = await tree.InclusionProofAsync(position, 21);
            Assert.True(head.Includes(proof.LeafIndex, rows[(int)position - 1].Hash, proof.AuditPath), $"position {position}");
        }

        var older = ReferenceMerkle.AllNodes(rows.Take(13).Select(r => MerkleHash.Leaf(r.Hash)));
        var olderRoot = new MerkleRange(0, 13).Hash(id => older[id]);
        var consistency = await tree.ConsistencyProofAsync(13, 21);
        Assert.True(MerkleVerifier.VerifyConsistency(13, 21, olderRoot, checkpoint.RootHash, consistency));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => tree.InclusionProofAsync(1, 22));
    }
}

public sealed class MerkleNodeMaintenanceOnSqlite() : MerkleNodeMaintenanceTests(StoreKind.Sqlite);

public sealed class MerkleNodeMaintenanceOnPostgres() : MerkleNodeMaintenanceTests(StoreKind.Postgres);
