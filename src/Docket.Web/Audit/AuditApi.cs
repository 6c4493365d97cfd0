using Docket.Store.Audit;
using Docket.Store.Users;
using Docket.Web.Audit;
using Docket.Web.OpenApi;

namespace Docket.Web;

/// <summary>
/// Signed checkpoints, proofs and verification: registration and routes. (In the root namespace
/// so that <see cref="DocketWebApp"/> needs one line for each, no using.)
/// </summary>
public static class AuditApi
{
    /// <summary>Auditors and supervisors: checkpoints, proofs, verification (no case content).</summary>
    public const string Policy = "audit-log-integrity";

    public static IServiceCollection AddDocketAudit(this IServiceCollection services, IConfiguration configuration, DocketWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(CheckpointSettings.Resolve(options.Checkpoints, configuration, options.Database));
        services.AddSingleton<CheckpointKeeper>();
        services.AddSingleton<CheckpointStore>();
        services.AddSingleton<MerkleTreeStore>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditProofs>();
        services.AddSingleton<VerificationRuns>();
        services.AddHostedService<CheckpointService>();
        services.AddHealthChecks().AddCheck<CheckpointKeyHealthCheck>("checkpoint-key", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(UserRoles.Auditor, UserRoles.Supervisor));
        return services;
    }

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policy);
        audit.MapGet("/key", CheckpointEndpoints.Key)
            .AllowAnonymous()
            .WithName("getCheckpointKey")
            .WithSummary("The checkpoint public key (PEM)")
            .WithDescription("ECDSA P-256 public key, SubjectPublicKeyInfo PEM. Public, so anyone can check a checkpoint's signature; keep a copy with the checkpoints you keep.");
        audit.MapGet("/checkpoints", CheckpointEndpoints.List)
            .WithName("listCheckpoints")
            .ProducesProblems(400)
            .WithSummary("Signed checkpoints")
            .WithDescription("[{id, treeSize, rootHash, issuedAt, signature}] in the order issued; ?after=ID&limit=N (default 100, at most 1000). The signature is ECDSA P-256/SHA-256, IEEE P1363, base64, over \"docket-checkpoint\\n\" treeSize \"\\n\" rootHash \"\\n\" issuedAt \"\\n\".");
        audit.MapGet("/checkpoints/latest", CheckpointEndpoints.Latest)
            .WithName("getLatestCheckpoint")
            .ProducesProblems(404)
            .WithSummary("The latest signed checkpoint");
        audit.MapGet("/checkpoints/{id:long}", CheckpointEndpoints.One)
            .WithName("getCheckpoint")
            .ProducesProblems(404)
            .WithSummary("One signed checkpoint");
        audit.MapPost("/checkpoints", CheckpointEndpoints.Issue)
            .WithName("issueCheckpoint")
            .ProducesProblems(409, 503)
            .WithSummary("Issue a checkpoint now")
            .WithDescription("Signs the tree over every event now in the log; 201 with the checkpoint. 409 if the log was changed outside Docket (nothing is signed then); 503 with Retry-After while the signing key file is missing or changed (nothing is signed, events are still recorded).");
        audit.MapGet("/proof/inclusion", ProofEndpoints.Inclusion)
            .WithName("proveInclusion")
            .ProducesProblems(400, 404)
            .WithSummary("Inclusion proof for one event")
            .WithDescription("?aNumber=&version=&treeSize= (default: the latest checkpoint's). RFC 9162 audit path, leaf to root; leaf = SHA-256(0x00 || event hash). Check it against a checkpoint you verified yourself: no root is sent with it.");
        audit.MapGet("/proof/consistency", ProofEndpoints.Consistency)
            .WithName("proveConsistency")
            .ProducesProblems(400)
            .WithSummary("Consistency proof between two tree sizes")
            .WithDescription("?from=&to= (to defaults to the latest checkpoint's size). RFC 9162 consistency proof that the tree of `from` events is a prefix of the tree of `to`.");
        audit.MapGet("/verify", VerifyEndpoint.Handle)
            .WithName("verifyLog")
            .WithSummary("Verify the whole log")
            .WithDescription("Recomputes every case chain, every checkpoint root and signature, and each checkpoint against the one before; {intact, firstBad, findings, ...}.");
        return app;
    }
}
