using System.CommandLine;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Store.Staff;
using Docket.Store.Users;
using Docket.Web;
using Docket.Web.SignIn;
using NodaTime;

namespace Docket.Cli.Commands;

internal static class ServeCommand
{
    private const string DemoUser = "demo-supervisor";
    private const string DemoOffice = "NYC";

    public static Command Create(IClock clock)
    {
        var db = CliOptions.Database();
        var urls = new Option<string>("--urls") { Description = "where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "add synthetic cases to an empty database and print a token to try the API" };
        var key = CheckpointKeyOption.Create("the checkpoint signing key file (default: next to the SQLite file, or ./docket-checkpoint-key.pem; Docket:Checkpoints:KeyPath)");
        var command = new Command("serve", "Run the Docket web API.") { db, urls, demo, key };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (ListenProbe.FirstUnavailable(parse.GetValue(urls)!) is { } unavailable)
            {
                // Before the database is touched: a server that cannot start must not create or migrate one.
                await parse.InvocationConfiguration.Error.WriteLineAsync($"docket: cannot listen on {unavailable.Url}: {unavailable.Why}");
                return DocketCli.Failed;
            }

            var (database, usingLine) = await CliOptions.OpenOrCreateAsync(parse.GetValue(db)!, ct);
            var options = new DocketWebOptions
            {
                Database = parse.GetValue(db)!,
                Urls = parse.GetValue(urls)!,
                Clock = clock,
                Checkpoints = parse.GetValue(key) is { Length: > 0 } keyPath ? new Docket.Web.Audit.CheckpointSettings { KeyPath = Path.GetFullPath(keyPath) } : null,
            };
            await using var app = await DocketWebApp.CreateAsync(options, ct);
            string? token = null;
            (string Password, string Secret)? demoSignIn = null;
            (string ANumber, string DateOfBirth, string AccessCode)? example = null;
            if (parse.GetValue(demo))
            {
                if (await new EventReader(database).CountAsync(ct) == 0)
                {
                    await output.WriteLineAsync("Adding 200 synthetic cases (invented people)...");
                    await DemoCommand.SeedAsync(database, 200, seed: 20261129, ct);
                }

                token = (await new UserStore(database, clock).ReissueAsync(DemoUser, UserRoles.Supervisor, DemoOffice, ct)).Token;
                // A fresh password and authenticator secret on every demo start, as the token is fresh.
                var password = "demo " + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
                var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(StaffCredentials.SecretBytes);
                await new StaffCredentials(database, clock).SetDirectlyAsync(DemoUser, StaffSignIn.HashPassword(DemoUser, password), secret, ct);
                demoSignIn = (password, TotpCodes.Base32(secret));
                var firstPage = await new CaseDirectory(database).SearchAsync(new Caseload(DemoOffice, null), aNumber: null, familyName: null, dateOfBirth: null, page: 1, pageSize: 50, ct);
                // A case still running shows the person more (a hearing, deadlines) than a closed one.
                if (firstPage.OrderBy(c => c.Stage is "decided-appealable" or "in-proceedings" or "voluntary-departure-period" ? 0 : 1).FirstOrDefault() is { } exampleCase)
                {
                    // A fresh self-service code for one demo case, so the person's view can be tried too.
                    var accessCode = AccessCodes.Generate();
                    await new CaseDirectory(database).SetAccessCodeHashAsync(exampleCase.ANumber, AccessCodes.Hash(accessCode), ct);
                    example = (exampleCase.ANumber, exampleCase.DateOfBirth, accessCode);
                }
            }

            await app.StartAsync(ct);
            var listening = app.Urls.First();
            await parse.InvocationConfiguration.Error.WriteLineAsync(usingLine);
            await output.WriteLineAsync($"Docket is listening on {listening} (database {options.Database})");
            await output.WriteLineAsync($"Staff pages: {listening}/   API reference: {listening}/scalar   OpenAPI: {listening}/openapi/v1.json");
            if (demoSignIn is var (demoPassword, demoSecret))
            {
                await output.WriteLineAsync($"Demo sign-in: user name {DemoUser}, password \"{demoPassword}\", TOTP secret {demoSecret} (add it to an authenticator app, or: oathtool --totp -b {demoSecret})");
            }

            if (token is not null)
            {
                await output.WriteLineAsync($"Demo token ({UserRoles.Supervisor}, office {DemoOffice}): {token}");
                if (example is var (aNumber, birth, code))
                {
                    await output.WriteLineAsync($"Try: curl -H \"Authorization: Bearer {token}\" {listening}/api/cases/{aNumber}");
                    await output.WriteLineAsync($"The person's own pages (English and Spanish): {listening}/my-case/sign-in with A-number {aNumber}, access code {code}, date of birth {birth}");
                    await output.WriteLineAsync($"Self-service for that case: POST {listening}/api/self-service/session {{\"aNumber\":\"{aNumber}\",\"accessCode\":\"{code}\",\"dateOfBirth\":\"{birth}\"}}");
                }
            }

            await output.WriteLineAsync("Press Ctrl+C to stop.");
            await output.FlushAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return DocketCli.Ok;
        });
        return command;
    }
}
