using Docket.Store.Audit;
using Docket.Store.Events;

namespace Docket.Store.Tests.Audit;

/// <summary>
/// A verification and its count of events read the whole log, so they wait as long as a lock
/// on it is held instead of failing at the command timeout (an auditor's "Verify now" behind an
/// administrator's long transaction ended in "Exception while reading from stream"). PostgreSQL
/// only: on SQLite a reader never waits for a writer.
/// </summary>
public sealed class VerifyWaitingForALockTests() : AuditStoreTestBase(StoreKind.Postgres)
{
    [Fact]
    public async Task Bug_a_verification_that_waited_for_a_lock_longer_than_the_command_timeout_failed_instead_of_finishing()
    {
        await WriteCaseAsync(CaseA);
        await IssueAsync();
        using var key = CheckpointKeyFile.LoadPublic(KeyPath);

        // The same database with a one-second command timeout, so that the wait below outlasts it.
        var impatient = new DocketDatabase(Db.Target with { ConnectionString = Db.Target.ConnectionString + ";Command Timeout=1" });
        await using var connection = await Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "LOCK TABLE events IN ACCESS EXCLUSIVE MODE";
            await command.ExecuteNonQueryAsync();
        }

        var counted = new EventReader(impatient).CountAsync();
        var verified = new AuditVerifier(impatient).VerifyAsync(key);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(counted.IsCompleted, "the count did not wait for the lock");
        Assert.False(verified.IsCompleted, "the verification did not wait for the lock");
        await transaction.RollbackAsync();

        Assert.Equal(3, await counted);
        var report = await verified;
        Assert.True(report.Intact, string.Join("\n", report.Findings));
        Assert.Equal(3, report.EventsChecked);
    }
}
