using System.Reflection;
using Docket.Domain.Events;
using Docket.Store;
using Docket.Web.Cases.Reading;
using Microsoft.EntityFrameworkCore;

namespace Docket.Web.Tests.Privacy;

/// <summary>
/// No surveillance fields, enforced: no event, no table and no API body has a field whose name
/// says it holds where a person is, what they look like, who they talk to, or how they rank
/// for enforcement.
/// </summary>
public sealed class NoSurveillanceFieldsTests
{
    /// <summary>
    /// Why this list exists: Docket does not locate, track, profile or rank people (README.md,
    /// "What Docket deliberately is not"). It holds no location history, no licence-plate or
    /// telecom data, no biometrics, no physical descriptions, no social-media data, and computes
    /// no risk or priority score for choosing whom to apprehend. Those are product properties, not
    /// gaps to fill in later: a field named like one of these, anywhere a case's data is kept or
    /// served, is the first step towards exactly that, so it fails the build and needs a decision
    /// by people, not a quiet merge. Names are compared lower-case with '_' and '-' removed, as
    /// substrings. (The mailing address for notices, the hearing place and a port of departure are
    /// legal facts of the case, given by the person or the court, and are not on this list.)
    /// </summary>
    private static readonly string[] Banned =
    [
        // where a person is or has been
        "location", "latitude", "longitude", "coordinate", "geo", "gps", "whereabouts", "lastseen", "sighting", "checkin",
        // vehicles and telecom
        "plate", "vehicle", "phone", "imei", "imsi", "cellid", "celltower", "callrecord", "ipaddress", "deviceid",
        // the body
        "biometric", "fingerprint", "face", "photo", "iris", "retina", "dna", "tattoo", "scar", "hair", "eye", "height", "weight", "complexion", "skin", "build",
        // social media and associates
        "social", "facebook", "twitter", "instagram", "tiktok", "handle", "associate", "employer",
        // ranking people for enforcement
        "risk", "priority", "score", "rank", "threat", "target", "flightrisk",
    ];

    [Fact]
    public void No_event_record_has_a_banned_field()
    {
        var events = typeof(CaseEvent).Assembly.GetTypes()
            .Where(t => typeof(CaseEvent).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        Assert.Equal(EventTypes.ByName.Values.Order(TypeOrder.Instance), events.Order(TypeOrder.Instance));
        Assert.Contains(typeof(DepartureReported), events);

        Assert.Empty(Findings(events));
    }

    [Theory]
    [InlineData("sqlite:/tmp/never-opened.db")]
    [InlineData("postgres:Host=127.0.0.1;Database=never_opened")]
    public void No_table_or_column_has_a_banned_name(string target)
    {
        using var context = new DocketDatabase(DatabaseTarget.Parse(target)).CreateContext();
        var entities = context.Model.GetEntityTypes().ToList();
        Assert.True(entities.Count >= 6, "the EF model has fewer tables than Docket has");

        var findings = new List<string>();
        foreach (var entity in entities)
        {
            findings.AddRange(Check($"table {entity.GetTableName()}", entity.GetTableName() ?? ""));
            foreach (var property in entity.GetProperties())
            {
                findings.AddRange(Check($"{entity.ClrType.Name}.{property.Name}", property.Name));
                findings.AddRange(Check($"column {entity.GetTableName()}.{property.GetColumnName()}", property.GetColumnName()));
            }
        }

        findings.AddRange(Findings(entities.Select(e => e.ClrType)));
        Assert.Empty(findings);
    }

    [Fact]
    public void No_API_body_has_a_banned_field()
    {
        var bodies = typeof(CaseView).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.Name is var n && (n.EndsWith("View", StringComparison.Ordinal) || n.EndsWith("Request", StringComparison.Ordinal) || n.EndsWith("Response", StringComparison.Ordinal) || n == "CasePage"))
            .ToList();
        Assert.Contains(typeof(CaseView), bodies);
        Assert.True(bodies.Count >= 15, $"only {bodies.Count} API bodies were found");

        Assert.Empty(Findings(bodies));
    }

    [Fact]
    public void The_check_catches_a_surveillance_field_when_there_is_one()
    {
        var findings = Findings([typeof(DecoyPersonView)]);

        Assert.Equal(
            [
                "DecoyPersonView.Address.GpsTrail matches 'gps'",
                "DecoyPersonView.EyeColour matches 'eye'",
                "DecoyPersonView.LastKnownLocation matches 'location'",
                "DecoyPersonView.Phone_Number matches 'phone'",
                "DecoyPersonView.PriorityScore matches 'priority'",
                "DecoyPersonView.PriorityScore matches 'score'",
            ],
            findings.Order(StringComparer.Ordinal));
    }

    private sealed class TypeOrder : IComparer<Type>
    {
        public static readonly TypeOrder Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }

    /// <summary>A body nobody may add: it is here so that the check is seen to fail.</summary>
    private sealed record DecoyPersonView(string ANumber, string LastKnownLocation, string EyeColour, int PriorityScore, string Phone_Number, DecoyAddress Address);

    private sealed record DecoyAddress(string Street, IReadOnlyList<string> GpsTrail);

    /// <summary>Every public property of the types, and of Docket types they contain (lists included), checked by name.</summary>
    private static List<string> Findings(IEnumerable<Type> types)
    {
        var findings = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var type in types)
        {
            Walk(type, type.Name, findings, seen);
        }

        return findings;
    }

    private static void Walk(Type type, string path, List<string> findings, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var where = $"{path}.{property.Name}";
            findings.AddRange(Check(where, property.Name));
            foreach (var inner in Contained(property.PropertyType))
            {
                Walk(inner, where, findings, seen);
            }
        }
    }

    /// <summary>The Docket types a property's type is or holds (T, T?, IReadOnlyList&lt;T&gt;...).</summary>
    private static IEnumerable<Type> Contained(Type type)
    {
        if (type.IsGenericType)
        {
            return type.GetGenericArguments().SelectMany(Contained);
        }

        if (type.IsArray)
        {
            return Contained(type.GetElementType()!);
        }

        return type.Namespace?.StartsWith("Docket", StringComparison.Ordinal) == true && !type.IsEnum ? [type] : [];
    }

    private static IEnumerable<string> Check(string where, string name)
    {
        var normalised = name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return Banned.Where(b => normalised.Contains(b, StringComparison.Ordinal)).Select(b => $"{where} matches '{b}'");
    }
}
