using System.CommandLine;
using Docket.Domain.Audit;
using Docket.Store.Audit;
using NodaTime;

namespace Docket.Cli.Commands;

/// <summary>
/// <c>docket checkpoint export</c>: the latest signed checkpoint as JSON, for a witness to keep
/// outside the database (issuing a fresh one first when there is none or the log has grown);
/// <c>docket checkpoint key</c>: the public key (PEM) that checks its signature.
/// </summary>
internal static class CheckpointCommand
{
    public static Command Create()
    {
        var command = new Command("checkpoint", "Signed checkpoints of the whole log, for keeping outside the database.")
        {
            Export(),
            Key(),
        };
        return command;
    }

    private static Command Export()
    {
        var db = CliOptions.Database();
        var key = CheckpointKeyOption.Create("the signing key file (created on first use when the database has no checkpoints yet)");
        var command = new Command("export", "Write the latest signed checkpoint {treeSize, rootHash, issuedAt, signature} as JSON to standard output; one is issued first if there is none or the log has grown since.") { db, key };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(db)!;
            var database = await CliOptions.OpenExistingAsync(target, "checkpoint export reads an existing database", ct);
            using var issuer = await CheckpointIssuer.OpenAsync(database, CheckpointKeyOption.PathFor(parse, key, target), SystemClock.Instance, ct);
            var (checkpoint, _) = await issuer.IssueAsync(onlyIfGrown: true, ct);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(CheckpointJson.Write(checkpoint.ToSigned()));
            await output.FlushAsync(ct);
            return DocketCli.Ok;
        });
        return command;
    }

    private static Command Key()
    {
        var db = CliOptions.Database();
        var key = CheckpointKeyOption.Create("the signing key file");
        var command = new Command("key", "Write the checkpoint public key (PEM) to standard output, to keep with exported checkpoints.") { db, key };
        command.SetAction(async (parse, ct) =>
        {
            using var publicKey = CheckpointKeyFile.LoadPublic(CheckpointKeyOption.PathFor(parse, key, parse.GetValue(db)!));
            await parse.InvocationConfiguration.Output.WriteAsync(CheckpointKeyFile.PublicPem(publicKey));
            return DocketCli.Ok;
        });
        return command;
    }
}
