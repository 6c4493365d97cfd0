using Microsoft.OpenApi;

namespace Docket.Web.OpenApi;

/// <summary>The feature groups of the API, as the document's top-level tags, each with what it is for.</summary>
internal static class TagDescriptions
{
    public static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Cases"] = "Open a case, read it, record events on it (If-Match), its deadlines and the removal check. Only cases in your caseload; reading outside it needs a role that may break glass and an X-Access-Reason, and is logged.",
        ["Caseload"] = "Your own work: hearings coming up in the cases of your office or where you are attorney of record.",
        ["Audit"] = "For auditors and supervisors: the access log, signed Merkle checkpoints (RFC 9162), inclusion and consistency proofs, and verification of the whole log. No case content. The checkpoint public key is public.",
        ["Self-service"] = "The person whose case it is: sign in with the A-number, access code and date of birth, then see the case's status, deadlines and next hearing, who read the file, and report a departure.",
        ["Statistics"] = "Public, no sign-in: departures and judge's decisions as aggregates from numbered, immutable releases, small cells withheld (primary and secondary suppression), whole months only. 120 requests a minute per address.",
    };

    public static void AddTo(OpenApiDocument document)
    {
        var used = (document.Paths ?? [])
            .SelectMany(p => p.Value.Operations ?? [])
            .SelectMany(o => o.Value.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in used.Order(StringComparer.Ordinal))
        {
            var tag = document.Tags.FirstOrDefault(t => t.Name == name);
            if (tag is null)
            {
                tag = new OpenApiTag { Name = name };
                document.Tags.Add(tag);
            }

            // A tag without a description here is left without one, and the tests say which.
            tag.Description = ByName.GetValueOrDefault(name);
        }
    }
}
