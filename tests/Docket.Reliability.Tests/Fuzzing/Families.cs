using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Docket.Reliability.Tests.Fuzzing;

/// <summary>
/// One endpoint family: how a well-formed request of it is written (from a generated body and a
/// number that picks the endpoint, the caller and the case), and whether it writes events.
/// </summary>
public sealed record Family(string Name, Gen<JsonObject?> Body, Func<FuzzContext, JsonObject?, int, Draft> Make)
{
    public bool HasBody { get; init; } = true;

    public override string ToString() => Name;
}

/// <summary>
/// Every endpoint family of the API (the rows of the authorisation matrix, grouped): sign-in,
/// tokens, open case, append event, read case (case, deadlines, removal check), search and
/// caseload, self-service, departures, access codes, the access log, the audit endpoints
/// (checkpoints, proofs, verify, key), and routing (health, the index, OpenAPI, unknown paths).
/// </summary>
public static class Families
{
    private static readonly Gen<JsonObject?> NoBody = Gen.Constant<JsonObject?>(null);

    public static IReadOnlyList<Family> All { get; } =
    [
        new("sign-in", Gen.Elements(true, true, false).Select(right => (JsonObject?)new JsonObject
        {
            ["aNumber"] = "@@ANUMBER@@",
            ["accessCode"] = right ? "@@ACCESSCODE@@" : "WRONG-CODE-0000",
            ["dateOfBirth"] = "@@DOB@@",
        }), (c, body, pick) => Post(c, null, "/api/self-service/session", body, pick)),

        new("tokens", NoBody, (c, _, pick) =>
        {
            var seed = c.Cases[pick % c.Cases.Count];
            string[] paths = [$"/api/cases/{seed.ANumber}", "/api/self-service/case", "/api/audit/access?limit=5", "/api/caseload/hearings", $"/api/cases?aNumber={seed.ANumber}"];
            string[] tokens = ["officer", "officerLax", "supervisor", "attorney", "auditor", "revoked", "self"];
            var who = tokens[(pick / 7) % tokens.Length];
            var draft = new Draft { Method = "GET", Path = paths[(pick / 3) % paths.Length] };
            draft.SetHeader("Authorization", "Bearer " + (who == "self" ? seed.SelfServiceToken : c.Token(who)));
            return Finish(draft);
        }) { HasBody = false },

        new("open-case", Gen.Zip(Gen.Elements("Quillfeather", "Thistlewood", "Ó Briain", "Nguyễn"), Gen.Elements("GTM", "MEX", "HND", "XXX"), (name, country) => (JsonObject?)new JsonObject
        {
            ["aNumber"] = "@@FRESH@@",
            ["familyName"] = name,
            ["givenNames"] = "Anselm Orrin",
            ["dateOfBirth"] = "1990-01-02",
            ["citizenship"] = country,
            ["office"] = "NYC",
        }), (c, body, pick) => Post(c, pick % 5 == 0 ? "supervisor" : "officer", "/api/cases", body, pick)),

        new("append-event", EventBodies.Any.Select(b => (JsonObject?)b), (c, body, pick) =>
        {
            string[] callers = ["officer", "officer", "supervisor", "attorney", "officerLax"];
            var seed = c.Cases[pick % c.Cases.Count];
            var draft = Post(c, callers[(pick / 5) % callers.Length], $"/api/cases/{seed.ANumber}/events", body, pick);
            draft.SetHeader("If-Match", $"\"{c.Versions[seed.ANumber]}\"");
            draft.Case = seed.ANumber;
            return draft;
        }),

        new("read-case", NoBody, (c, _, pick) =>
        {
            var seed = c.Cases[pick % c.Cases.Count];
            string[] paths = [$"/api/cases/{seed.ANumber}", $"/api/cases/{seed.ANumber}/deadlines", $"/api/cases/{seed.ANumber}/deadlines?on=2025-09-01", $"/api/cases/{seed.ANumber}/removal-check?to=MEX", $"/api/cases/{seed.ANumber}/removal-check?to=GTM&on=2025-08-01"];
            string[] callers = ["officer", "supervisor", "attorney", "supervisorLax"];
            var draft = Get(c, callers[(pick / 5) % callers.Length], paths[(pick / 3) % paths.Length]);
            if (pick % 11 == 0)
            {
                draft.SetHeader("X-Access-Reason", "court order 2025-0042");
            }

            return draft;
        }) { HasBody = false },

        new("search", NoBody, (c, _, pick) =>
        {
            var seed = c.Cases[pick % c.Cases.Count];
            string[] paths = [$"/api/cases?aNumber={seed.ANumber}", "/api/cases?familyName=Quillfeather&dateOfBirth=1990-01-02", "/api/cases?familyName=Thistlewood&page=1&pageSize=10", "/api/caseload/hearings", "/api/caseload/hearings?from=2025-06-01&to=2025-07-31&page=1"];
            return Get(c, (pick / 5) % 3 == 0 ? "attorney" : "officer", paths[(pick / 3) % paths.Length]);
        }) { HasBody = false },

        new("self-service", Gen.OneOf(
            Gen.Zip(Gen.Elements("CAN", "MEX", "GTM"), EventBodies.Date()).Select(p => (JsonObject?)new JsonObject { ["destinationCountry"] = p.Item1, ["on"] = p.Item2, ["port"] = "JFK" }),
            Gen.Elements("31 Thistlewood Lane, Queens NY", "7 Matrix Row, Brooklyn NY").Select(a => (JsonObject?)new JsonObject { ["address"] = a })), (c, body, pick) =>
        {
            var seed = c.Cases[pick % c.Cases.Count];
            Draft draft = ((pick / 5) % 4) switch
            {
                0 => new Draft { Method = "GET", Path = "/api/self-service/case" },
                1 => new Draft { Method = "GET", Path = "/api/self-service/access" },
                _ => new Draft { Method = "POST", Path = body?.ContainsKey("address") == true ? "/api/self-service/address" : "/api/self-service/departure", Json = body },
            };
            draft.SetHeader("Authorization", "Bearer " + seed.SelfServiceToken);
            draft.Case = seed.ANumber;
            return Finish(draft);
        }),

        new("departures", Gen.Zip(EventBodies.Date(), Gen.Elements(true, false)).Select(p => (JsonObject?)new JsonObject { ["on"] = p.Item1, ["closeCase"] = p.Item2 }), (c, body, pick) =>
        {
            var seed = c.Cases[pick % c.Cases.Count];
            if (pick % 3 == 0)
            {
                return Get(c, "officer", "/api/departures/pending?page=1");
            }

            var draft = Post(c, pick % 2 == 0 ? "officer" : "supervisor", $"/api/departures/{seed.ANumber}/verification", body, pick);
            draft.SetHeader("If-Match", $"\"{c.Versions[seed.ANumber]}\"");
            draft.Case = seed.ANumber;
            return draft;
        }),

        new("access-codes", NoBody, (c, _, pick) =>
        {
            var seed = c.Cases[pick % c.Cases.Count];
            var draft = new Draft { Method = "POST", Path = $"/api/cases/{seed.ANumber}/access-code", Case = seed.ANumber };
            draft.SetHeader("Authorization", "Bearer " + c.Token(pick % 2 == 0 ? "officer" : "supervisor"));
            return Finish(draft);
        }) { HasBody = false },

        new("access-log", NoBody, (c, _, pick) =>
        {
            var seed = c.Cases[pick % c.Cases.Count];
            string[] paths = [$"/api/audit/access?aNumber={seed.ANumber}", "/api/audit/access?user=officer-nyc&limit=10", "/api/audit/access?breakGlass=true", "/api/audit/access?outcome=refused&afterId=1", "/api/audit/access?limit=1000"];
            return Get(c, "auditor", paths[(pick / 3) % paths.Length]);
        }) { HasBody = false },

        new("audit", NoBody, (c, _, pick) =>
        {
            var seed = c.Cases[pick % c.Cases.Count];
            string[] paths =
            [
                "/api/audit/key", "/api/audit/checkpoints", "/api/audit/checkpoints?after=0&limit=10", "/api/audit/checkpoints/latest", $"/api/audit/checkpoints/{c.CheckpointId}",
                $"/api/audit/proof/inclusion?aNumber={seed.ANumber}&version=1", $"/api/audit/proof/inclusion?aNumber={seed.ANumber}&version=2&treeSize=10", "/api/audit/proof/consistency?from=1", "/api/audit/proof/consistency?from=2&to=5", "/api/audit/verify",
            ];
            var path = paths[(pick / 3) % paths.Length];
            return pick % 17 == 0 ? Post(c, "auditor", "/api/audit/checkpoints", null, pick) : Get(c, pick % 2 == 0 ? "auditor" : "supervisor", path);
        }) { HasBody = false },

        new("routing", NoBody, (c, _, pick) =>
        {
            string[] paths = ["/", "/healthz", "/openapi/v1.json", "/scalar/v1", "/nothing-here", "/api/nothing-here", "/api/cases/208417350/nothing", "/api//cases", "/API/CASES", "/api/cases/", "/healthz?x=1"];
            return Get(c, pick % 2 == 0 ? null : "officer", paths[(pick / 3) % paths.Length]);
        }) { HasBody = false },
    ];

    public static Family Named(string name) => All.Single(f => f.Name == name);

    private static Draft Get(FuzzContext context, string? who, string path)
    {
        var draft = new Draft { Method = "GET", Path = path };
        if (who is not null)
        {
            draft.SetHeader("Authorization", "Bearer " + context.Token(who));
        }

        return Finish(draft);
    }

    private static Draft Post(FuzzContext context, string? who, string path, JsonObject? body, int pick)
    {
        var draft = new Draft { Method = "POST", Path = path, Json = body?.DeepClone().AsObject() };
        if (who is not null)
        {
            draft.SetHeader("Authorization", "Bearer " + context.Token(who));
        }

        if (path == "/api/self-service/session")
        {
            var seed = context.Cases[pick % context.Cases.Count];
            draft.Case = seed.ANumber;
        }

        return Finish(draft);
    }

    private static Draft Finish(Draft draft)
    {
        draft.SetHeader("Host", "127.0.0.1");
        draft.SetHeader("Connection", "close");
        return draft;
    }

    /// <summary>Puts the context's values in place of the body's placeholders (before the mutators' own placeholders).</summary>
    public static Mutator Resolve(FuzzContext context) => new("resolve", Stage.Text, d =>
    {
        if (d.Text is null)
        {
            return;
        }

        var seed = context.Cases.FirstOrDefault(s => s.ANumber == d.Case) ?? context.Cases[0];
        d.Text = d.Text
            .Replace("@@ANUMBER@@", seed.ANumber, StringComparison.Ordinal)
            .Replace("@@ACCESSCODE@@", seed.AccessCode, StringComparison.Ordinal)
            .Replace("@@DOB@@", seed.DateOfBirth, StringComparison.Ordinal)
            .Replace("@@FRESH@@", context.FreshANumber(), StringComparison.Ordinal);
    });
}
