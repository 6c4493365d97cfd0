using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Store.Cases;
using Docket.Store.Tests.Infrastructure;
using NodaTime;

namespace Docket.Store.Tests.Cases;

/// <summary>
/// The caseload lists (compiled queries that take an office or a bar number, the other null) are
/// bounded by the caseload whichever kind it is: an office's lists hold its cases, an attorney's
/// only the cases they represent, and a caseload of neither holds nothing.
/// </summary>
public abstract class CaseloadListsTests(StoreKind kind) : StoreTestBase(kind)
{
    private const string Bar = "BAR-55102";

    private static readonly Caseload Office = new("NYC", null);

    private static readonly Caseload Attorney = new(null, Bar);

    private async Task<CaseDirectory> TwoCasesOneRepresentedAsync()
    {
        await OpenCaseAsync("710000001", familyName: "Brightwater");
        await OpenCaseAsync("710000002", familyName: "Ashgrove");
        Assert.IsType<CaseCommandResult.Appended>(await Cases.AppendAsync(ANumber.Parse("710000001"), 1, new AttorneyEntered("Orsolya Fennimore", Bar) { On = new LocalDate(2025, 3, 1) }, "officer-brackwater"));
        foreach (var (a, version) in new[] { ("710000001", 2), ("710000002", 1) })
        {
            Assert.IsType<CaseCommandResult.Appended>(await Cases.AppendAsync(ANumber.Parse(a), version, new DepartureReported(CountryCode.Parse("CAN"), DepartureSource.ExitRecord) { On = new LocalDate(2025, 2, 10) }, "officer-brackwater"));
        }

        return new CaseDirectory(Db);
    }

    [Fact]
    public async Task An_attorneys_lists_hold_only_the_cases_they_represent_and_an_offices_hold_all_of_its_cases()
    {
        var directory = await TwoCasesOneRepresentedAsync();

        Assert.Equal(["710000002", "710000001"], (await directory.SearchAsync(Office, null, null, null, 1, 25)).Select(c => c.ANumber));
        Assert.Equal(["710000001"], (await directory.SearchAsync(Attorney, null, null, null, 1, 25)).Select(c => c.ANumber));

        Assert.Equal(["710000001", "710000002"], (await directory.PendingDeparturesAsync(Office, 1, 25)).Select(r => r.ANumber).Order());
        Assert.Equal(["710000001"], (await directory.PendingDeparturesAsync(Attorney, 1, 25)).Select(r => r.ANumber));

        // Recorded before a day far ahead: every case that has not ended is waiting.
        Assert.Equal(2, (await directory.IdleAsync(Office, "2999-01-01", 1, 25)).Count);
        Assert.Equal(["710000001"], (await directory.IdleAsync(Attorney, "2999-01-01", 1, 25)).Select(c => c.ANumber));

        // Pages: the second page of one-a-page is the other case; a page past the end is empty.
        Assert.Equal(["710000001"], (await directory.SearchAsync(Office, null, null, null, 2, 1)).Select(c => c.ANumber));
        Assert.Empty(await directory.SearchAsync(Office, null, null, null, int.MaxValue, 25));
    }

    [Fact]
    public async Task A_caseload_of_neither_an_office_nor_an_attorney_lists_nothing()
    {
        var directory = await TwoCasesOneRepresentedAsync();

        Assert.Empty(await directory.SearchAsync(Caseload.None, null, null, null, 1, 25));
        Assert.Empty(await directory.PendingDeparturesAsync(Caseload.None, 1, 25));
        Assert.Empty(await directory.IdleAsync(Caseload.None, "2999-01-01", 1, 25));
        Assert.Empty(await directory.HearingsAsync(Caseload.None, "2000-01-01", "2999-01-01", 1, 25));
        Assert.Empty(await directory.DeadlinesAsync(Caseload.None, "2025-03-01", null, "2999-01-01", null, 1, 25));
    }
}

public sealed class CaseloadListsTestsOnSqlite() : CaseloadListsTests(StoreKind.Sqlite);

public sealed class CaseloadListsTestsOnPostgres() : CaseloadListsTests(StoreKind.Postgres);
