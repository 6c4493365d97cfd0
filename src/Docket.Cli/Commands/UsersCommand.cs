using System.CommandLine;
using Docket.Store.Staff;
using Docket.Store.Users;
using NodaTime;

namespace Docket.Cli.Commands;

internal static class UsersCommand
{
    public static Command Create()
    {
        var db = CliOptions.Database();
        var name = new Argument<string>("NAME") { Description = "the user's name, unique" };
        var role = new Option<string>("--role") { Description = "officer, supervisor, attorney or auditor", Required = true };
        role.AcceptOnlyFromAmong([.. UserRoles.All]);
        var office = new Option<string?>("--office") { Description = "office code (required for officers and supervisors)" };
        var barNumber = new Option<string?>("--bar-number") { Description = "an attorney's bar number (required for attorneys): links them to the cases where they are attorney of record" };
        var expires = new Option<int?>("--expires-in-days") { Description = "the token stops working after this many days" };
        var serverUrl = new Option<string?>("--server-url") { Description = "the staff pages' address, to print the set-up link in full (e.g. https://docket.example.gov)" };
        var add = new Command("add", "Add a user and print their API token, once, and a one-time set-up link for the staff pages (to standard error).") { name, role, office, barNumber, expires, serverUrl, db };
        add.SetAction(async (parse, ct) =>
        {
            var days = parse.GetValue(expires);
            if (days is < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("docket: --expires-in-days must be 1 or more");
                return DocketCli.Failed;
            }

            var (database, usingLine) = await CliOptions.OpenOrCreateAsync(parse.GetValue(db)!, ct);
            var newUser = new NewUser(parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(office))
            {
                BarNumber = parse.GetValue(barNumber),
                ValidFor = days is { } d ? Duration.FromDays(d) : null,
            };
            var issued = await new UserStore(database, SystemClock.Instance).AddAsync(newUser, ct);
            var setupToken = await new StaffCredentials(database, SystemClock.Instance).IssueSetupAsync(issued.User.Name, SetupLink.ValidFor, ct);
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            await error.WriteLineAsync(usingLine);
            await error.WriteLineAsync(SetupLink.Line(parse.GetValue(serverUrl), setupToken));
            await error.WriteLineAsync(
                $"Added {issued.User.Role} '{issued.User.Name}'{(issued.User.Office is { } o ? $" of office {o}" : "")}. The token (the last line of standard output) is shown once; only its hash is kept.");
            // The token stays the last line of standard output: scripts read it with $(docket users add ...).
            await output.WriteLineAsync(issued.Token);
            return DocketCli.Ok;
        });

        var revokeName = new Argument<string>("NAME") { Description = "the user whose token stops working (a running server stops accepting it within 5 seconds)" };
        var revokeDb = CliOptions.Database();
        var revoke = new Command("revoke", "Revoke a user's token.") { revokeName, revokeDb };
        revoke.SetAction(async (parse, ct) =>
        {
            var database = await CliOptions.OpenExistingAsync(parse.GetValue(revokeDb)!, "users revoke changes an existing database", ct);
            var who = parse.GetValue(revokeName)!;
            if (!await new UserStore(database, SystemClock.Instance).RevokeAsync(who, ct))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"docket: there is no active user named '{who}'");
                return DocketCli.Failed;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Revoked '{who}'.");
            return DocketCli.Ok;
        });

        var linkName = new Argument<string>("NAME") { Description = "the user who needs a new set-up link (their old password and authenticator stop working)" };
        var linkDb = CliOptions.Database();
        var linkUrl = new Option<string?>("--server-url") { Description = "the staff pages' address, to print the link in full" };
        var setupLink = new Command("setup-link", "Print a new one-time set-up link for a user's staff sign-in (password and authenticator).") { linkName, linkUrl, linkDb };
        setupLink.SetAction(async (parse, ct) =>
        {
            var database = await CliOptions.OpenExistingAsync(parse.GetValue(linkDb)!, "users setup-link changes an existing database", ct);
            try
            {
                var token = await new StaffCredentials(database, SystemClock.Instance).IssueSetupAsync(parse.GetValue(linkName)!, SetupLink.ValidFor, ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(SetupLink.Line(parse.GetValue(linkUrl), token));
                return DocketCli.Ok;
            }
            catch (InvalidOperationException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"docket: {e.Message}");
                return DocketCli.Failed;
            }
        });

        return new Command("users", "Manage API users and tokens.") { add, revoke, setupLink };
    }
}
