using System.Text;
using System.Text.Json.Nodes;
using Docket.Domain.Events;
using FsCheck;
using FsCheck.Fluent;

namespace Docket.Reliability.Tests.Fuzzing;

/// <summary>
/// The ways a request goes wrong, as FsCheck generators of <see cref="Mutator"/>s: fields
/// dropped, added, of the wrong type, dates out of range, huge numbers, strings that are not
/// text or hold NUL, keys given twice, nesting too deep, bytes that are not UTF-8, truncated and
/// flipped bodies, wrong content types, junk headers and tokens, broken chunked framing.
/// A key is chosen when the mutator runs (by a number drawn now), so one mutator fits any body.
/// </summary>
public static class Mutations
{
    private static readonly string[] JunkValues = ["12345", "-1", "1.5", "true", "false", "null", "[]", "{}", "\"\"", "\"text\"", "[1,2,3]", "{\"type\":\"AppealFiled\"}", "0", "-0", "1e3"];

    private static readonly string[] JunkDates =
    [
        "0001-01-01", "9999-12-31", "2025-02-30", "2025-13-01", "2025-6-2", "2025-06-02T00:00:00Z", "1900-01-01", "1899-12-31",
        "20250602", "+2025-06-02", "-0001-01-01", "2030-01-01", "2025-06-03", "1989-12-31", "2024-02-29", "2025-02-29", "", "yesterday",
        "2025-06-02 ", " 2025-06-02", "２０２５-０６-０２",
    ];

    private static readonly string[] JunkStrings =
    [
        Placeholders.LoneSurrogate, Placeholders.BadUtf8, "Quill\0feather", "bell\u0007", "line\nbreak", "tab\there", "\u202eright-to-left", "\ufeffbom",
        "", " ", "💡", "é", "\u0085", "\u2028", "A208-417-350", "<script>alert(1)</script>", "'; DROP TABLE events; --", "%00", "\\u0000",
    ];

    private static readonly string[] JunkKeys = ["extra", "", "__proto__", "type", "on", "aNumber", "Type", "ON", "x.y", "$ref", "\u0000", "payload", "hash", "version", "recordedBy"];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/json; charset=latin1", "application/problem+json", "APPLICATION/JSON", "application/json;;;", "application/xml",
        "*/*", "", "application/jsonx", "application/json; charset=\"utf-8\"", "application/vnd.api+json",
    ];

    private static readonly string[] IfMatches = ["*", "\"abc\"", "W/\"1\"", "\"99999999999999999999\"", "\"-1\"", "\"0\"", "1", "\"1\", \"2\"", "\"\"", "\"1.5\"", "\"٣\""];

    private static readonly string[] Tokens =
    [
        "", "Bearer", "Bearer ", "Bearer dkt_AAAAnotArealTokenAAAAAAAAAAAAAAAAAAAAAAAA", "Bearer dks_notasession", "Basic b2ZmaWNlcjpwYXNz",
        "bearer {token}", "Bearer {token}x", "Bearer  {token}", "Bearer {token}, Bearer {token}", "Token {token}", "Bearer dkt_", "Bearer dks_",
    ];

    private static readonly string[] ChunkedGarbage = ["ZZZ\r\n", "-5\r\n", "fffffffffffffffff\r\n", "5;\r\n", "3\r\nabcdef", "1\r\n", " \r\n", "0x10\r\n", "10\n"];

    private static readonly string[] Methods = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "get", "POST", "GET", "CONNECT"];

    private static readonly string[] PathJunk = ["%", "%zz", "%00", "%C0%AF", "%ED%A0%80", "..%2f..%2fetc", "A208-417-350", "２０８４１７３５０", "123", "12345678901234567890", "%E2%80%AE", "~", "%20", "a%2Fb"];

    private static readonly string[] QueryJunk = ["", "%", "%zz", "%C0%AF", "%00", "-1", "0", "2147483648", "99999999999999999999", "1e5", "true", "maybe", "2025-02-30", "0001-01-01", "9999-12-31", "MEX", "zzz", "%F0%9F%92%A1"];

    private static readonly byte[][] BadUtf8 = [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE0, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x00], [0xFE, 0xFF]];

    private static readonly string[] EventTypeNames = [.. EventTypes.ByName.Keys.Order(StringComparer.Ordinal), "", "caseopened", "CaseOpened ", "Appeal Filed", "AppealFiled\u0000", "Object"];

    /// <summary>Zero to three mutators: none now and then (the well-formed request must work too), mostly one or two.</summary>
    public static Gen<Mutator[]> Some(bool hasBody) =>
        Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
            .SelectMany(n => Gen.ArrayOf(One(hasBody), n));

    public static Gen<Mutator> One(bool hasBody) => hasBody
        ? Gen.Frequency((10, JsonMutator()), (4, TextMutator()), (4, ByteMutator()), (8, RequestMutator(hasBody)))
        : Gen.Frequency((6, RequestMutator(hasBody)), (1, BodyOnAGet()));

    /// <summary>Mutators of the JSON body (fields and values).</summary>
    public static Gen<Mutator> JsonMutator() => Gen.OneOf(
        Gen.Choose(0, 99).Select(k => Json($"drop field #{k}", (json, key) => json.Remove(key), k)),
        Gen.Zip(Gen.Elements(JunkKeys), Gen.Elements(JunkValues)).Select(p => new Mutator($"extra field '{p.Item1}'={p.Item2}", Stage.Json, d => d.Json?.TryAdd(p.Item1, JsonNode.Parse(p.Item2)))),
        Gen.Zip(Gen.Choose(0, 99), Gen.Elements(JunkValues)).Select(p => Json($"field #{p.Item1} as {p.Item2}", (json, key) => json[key] = JsonNode.Parse(p.Item2), p.Item1)),
        Gen.Zip(Gen.Choose(0, 99), Gen.Elements(JunkDates)).Select(p => Json($"date #{p.Item1} = '{p.Item2}'", (json, key) => json[DateKey(json, key)] = p.Item2, p.Item1)),
        Gen.Zip(Gen.Choose(0, 99), Gen.Elements(JunkStrings)).Select(p => Json($"text #{p.Item1} = {Printable(p.Item2)}", (json, key) => json[TextKey(json, key)] = p.Item2, p.Item1)),
        Gen.Zip(Gen.Choose(0, 99), Gen.Elements(10_000, 300_000)).Select(p => Json($"text #{p.Item1} of {p.Item2} characters", (json, key) => json[TextKey(json, key)] = new string('x', p.Item2), p.Item1)),
        Gen.Zip(Gen.Choose(0, 99), Gen.Elements(Placeholders.Huge, Placeholders.Deep, Placeholders.DeepObject)).Select(p => Json($"field #{p.Item1} = {p.Item2}", (json, key) => json[key] = p.Item2, p.Item1)),
        Gen.Elements(EventTypeNames).Select(t => new Mutator($"type = {Printable(t)}", Stage.Json, d => d.Json?["type"] = t)),
        EventBodies.Any.Select(body => new Mutator($"body of {body["type"]}", Stage.Json, d => { if (d.Json is not null) { body["aNumber"] = d.Json["aNumber"]?.DeepClone(); d.Json = body; } })),
        Gen.Choose(-5000, 5000).Select(n => Json($"number #{n} = {n}", (json, key) => json[key] = n, n & 0x7fff_ffff)));

    /// <summary>Mutators of the body's text: keys given twice, what is not JSON, what is not an object.</summary>
    public static Gen<Mutator> TextMutator() => Gen.OneOf(
        Gen.Zip(Gen.Elements("type", "on", "aNumber", "familyName", "address", "accessCode", "destinationCountry", "dateOfBirth"), Gen.Elements("\"AppealFiled\"", "\"2025-01-01\"", "\"208417351\"", "null", "1")).Select(p =>
            new Mutator($"'{p.Item1}' twice", Stage.Text, d => d.Text = AddKey(d.Text, p.Item1, p.Item2, atEnd: true))),
        Gen.Zip(Gen.Elements("type", "on", "aNumber", "familyName"), Gen.Elements("\"CustodyStarted\"", "\"1999-01-01\"")).Select(p =>
            new Mutator($"'{p.Item1}' twice, first", Stage.Text, d => d.Text = AddKey(d.Text, p.Item1, p.Item2, atEnd: false))),
        Gen.Elements("null", "[]", "\"x\"", "123", "[{}]", "{}", "", " ", "{", "}", "[", "{\"a\":}", "{'type':'AppealFiled'}", "{\"type\":\"AppealFiled\",}", "/* c */{}", "\u0000", "true").Select(t =>
            new Mutator($"body = {Printable(t)}", Stage.Text, d => d.Text = t)),
        Gen.Elements("}", "x", " {}", "\u0000", "\n\n", ",").Select(t => new Mutator($"trailing {Printable(t)}", Stage.Text, d => d.Text += t)),
        Gen.Choose(1, 200).Select(n => new Mutator($"comment at {n}", Stage.Text, d => d.Text = Insert(d.Text, n, "/* c */"))));

    /// <summary>Mutators of the body's bytes.</summary>
    public static Gen<Mutator> ByteMutator() => Gen.OneOf(
        Gen.Zip(Gen.Choose(0, 10_000), Gen.Elements(BadUtf8)).Select(p => new Mutator($"bytes {Convert.ToHexString(p.Item2)} at {p.Item1}", Stage.Bytes, d =>
        {
            if (d.Bytes is { } b)
            {
                var at = p.Item1 % (b.Length + 1);
                d.Bytes = [.. b[..at], .. p.Item2, .. b[at..]];
            }
        })),
        Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(1, 255)).Select(p => new Mutator($"byte {p.Item1} ^ {p.Item2}", Stage.Bytes, d =>
        {
            if (d.Bytes is { Length: > 0 } b)
            {
                b[p.Item1 % b.Length] ^= (byte)p.Item2;
            }
        })),
        Gen.Choose(0, 10_000).Select(n => new Mutator($"truncated at {n}", Stage.Bytes, d => d.Bytes = d.Bytes is { } b ? b[..(n % (b.Length + 1))] : null)),
        Gen.Constant(new Mutator("UTF-8 BOM", Stage.Bytes, d => d.Bytes = d.Bytes is { } b ? [0xEF, 0xBB, 0xBF, .. b] : null)),
        Gen.Constant(new Mutator("UTF-16", Stage.Bytes, d => d.Bytes = d.Bytes is { } b ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b))] : null)),
        Gen.Constant(new Mutator("empty body", Stage.Bytes, d => d.Bytes = [])),
        Gen.Constant(new Mutator("no body", Stage.Bytes, d => d.Bytes = null)));

    /// <summary>Mutators of the request around the body: headers, tokens, method, target, framing.</summary>
    public static Gen<Mutator> RequestMutator(bool hasBody) => Gen.OneOf(
        Gen.Elements(ContentTypes).Select(t => new Mutator($"Content-Type: {t}", Stage.Request, d => d.SetHeader("Content-Type", t))),
        Gen.Constant(new Mutator("no Content-Type", Stage.Request, d => { d.RemoveHeader("Content-Type"); d.SetHeader("X-No-Content-Type", "1"); })),
        Gen.Elements(IfMatches).Select(v => new Mutator($"If-Match: {v}", Stage.Request, d => d.SetHeader("If-Match", v))),
        Gen.Constant(new Mutator("no If-Match", Stage.Request, d => d.RemoveHeader("If-Match"))),
        Gen.Elements(Tokens).Select(t => new Mutator($"Authorization: {t}", Stage.Request, d => Authorization(d, t))),
        Gen.Constant(new Mutator("no Authorization", Stage.Request, d => d.RemoveHeader("Authorization"))),
        Gen.Elements("x", "reason\u00e9", new string('r', 5000), "", "court order 2025-0042").Select(v => new Mutator($"X-Access-Reason: {Printable(v)}", Stage.Request, d => Header(d, "X-Access-Reason", Encoding.UTF8.GetBytes(v)))),
        Gen.Zip(Gen.Elements("X-Junk", "Accept", "Accept-Charset", "Content-Encoding", "Expect", "Range", "If-None-Match", "Cookie", "X-Forwarded-For", "Origin"), Gen.Elements("gzip", "*/*", "\u00ff\u00fe", "bytes=0-1", "100-continue", "a=b; c", "1.2.3.4", "null", ""))
            .Select(p => new Mutator($"{p.Item1}: {Printable(p.Item2)}", Stage.Request, d => Header(d, p.Item1, Encoding.Latin1.GetBytes(p.Item2)))),
        Gen.Elements(Methods).Select(m => new Mutator($"method {m}", Stage.Request, d => d.Method = m)),
        Gen.Elements(PathJunk).Select(j => new Mutator($"path with {j}", Stage.Request, d =>
        {
            d.Path = ReplaceNumber(d.Path, j);

            // Kestrel refuses a path whose decoding holds NUL itself (a bare 400).
            d.BrokenBeforeTheApp |= j.Contains("%00", StringComparison.Ordinal);
        })),
        Gen.Zip(Gen.Elements("aNumber", "on", "to", "from", "page", "pageSize", "limit", "afterId", "version", "treeSize", "familyName", "dateOfBirth", "user", "outcome", "breakGlass", "after"), Gen.Elements(QueryJunk))
            .Select(p => new Mutator($"?{p.Item1}={p.Item2}", Stage.Request, d => d.Path = SetQuery(d.Path, p.Item1, p.Item2))),
        Gen.Constant(new Mutator("query twice", Stage.Request, d => d.Path = d.Path.Contains('?', StringComparison.Ordinal) ? d.Path + "&" + d.Path.Split('?', 2)[1] : d.Path + "?page=1&page=2")),
        Framings(hasBody),
        Gen.Elements("header too large", "header with NUL", "header without colon", "request line junk", "too many headers").Select(Broken));

    private static Gen<Mutator> Framings(bool hasBody) => Gen.OneOf(
        Gen.Constant(new Mutator("chunked", Stage.Request, d => d.Framing = Framing.Chunked)),
        Gen.Elements(ChunkedGarbage).Select(g => new Mutator($"chunked garbage {Printable(g)}", Stage.Request, d =>
        {
            d.Framing = Framing.ChunkedGarbage;
            d.ChunkedGarbage = g;
            d.Bytes ??= hasBody ? [] : "{}"u8.ToArray();
        })),
        Gen.Constant(new Mutator("truncated body", Stage.Request, d =>
        {
            d.Framing = Framing.Truncated;
            d.Bytes ??= "{\"a\":1}"u8.ToArray();
        })),
        Gen.Constant(new Mutator("Content-Length and chunked", Stage.Request, d => { d.Framing = Framing.LengthAndChunked; d.Bytes ??= []; d.BrokenBeforeTheApp = true; })));

    /// <summary>A body on a request that takes none (a GET with JSON, or with garbage).</summary>
    private static Gen<Mutator> BodyOnAGet() =>
        Gen.Elements("{}", "{\"type\":\"AppealFiled\"}", "garbage", "").Select(t => new Mutator($"GET with body {Printable(t)}", Stage.Bytes, d => d.Bytes = Encoding.UTF8.GetBytes(t)));

    /// <summary>Requests broken at the protocol level, which Kestrel refuses before any endpoint runs.</summary>
    private static Mutator Broken(string how) => new(how, Stage.Request, d =>
    {
        d.BrokenBeforeTheApp = true;
        switch (how)
        {
            case "header too large":
                d.SetHeader("X-Large", new string('a', 40 * 1024));
                break;
            case "header with NUL":
                d.SetHeader("X-Nul", [(byte)'a', 0, (byte)'b']);
                break;
            case "header without colon":
                // Written as "X-Broken\r\nNoColonLine: ": a header line with no colon.
                d.Headers.Add(new("X-Broken\r\nNoColonLine", []));
                break;
            case "request line junk":
                d.Method = "G E T";
                break;
            default:
                for (var i = 0; i < 150; i++)
                {
                    d.SetHeader($"X-Many-{i}", "1");
                }

                break;
        }
    });

    /// <summary>Sets a header; a value with bytes outside ASCII is one Kestrel refuses itself (a bare 400), before Docket.</summary>
    private static void Header(Draft draft, string name, byte[] value)
    {
        draft.SetHeader(name, value);
        draft.BrokenBeforeTheApp |= value.Any(b => b > 0x7e);
    }

    private static void Authorization(Draft draft, string template)
    {
        var current = draft.Headers.FirstOrDefault(h => h.Key == "Authorization").Value is { } value ? Encoding.Latin1.GetString(value) : "Bearer none";
        var token = current.StartsWith("Bearer ", StringComparison.Ordinal) ? current["Bearer ".Length..] : current;
        draft.SetHeader("Authorization", template.Replace("{token}", token, StringComparison.Ordinal));
    }

    private static Mutator Json(string name, Action<JsonObject, string> change, int pick) => new(name, Stage.Json, d =>
    {
        if (d.Json is { Count: > 0 } json)
        {
            change(json, json.ElementAt(pick % json.Count).Key);
        }
    });

    private static string DateKey(JsonObject json, string fallback) =>
        json.Select(p => p.Key).FirstOrDefault(k => k is "on" or "dateOfBirth" or "date" or "hearingDate" or "until" or "departureDate") ?? fallback;

    private static string TextKey(JsonObject json, string fallback) =>
        json.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _)).Select(p => p.Key).Where(k => k != "type").DefaultIfEmpty(fallback).First();

    private static string? AddKey(string? text, string key, string value, bool atEnd)
    {
        if (text is null || !text.TrimStart().StartsWith('{') || !text.TrimEnd().EndsWith('}'))
        {
            return text;
        }

        var body = text.Trim();
        var empty = body[1..^1].Trim().Length == 0;
        return atEnd
            ? body[..^1] + (empty ? "" : ",") + $"\"{key}\":{value}}}"
            : $"{{\"{key}\":{value}" + (empty ? "" : ",") + body[1..];
    }

    private static string? Insert(string? text, int at, string what) => text is null ? null : text.Insert(at % (text.Length + 1), what);

    private static string ReplaceNumber(string path, string junk)
    {
        var (route, query) = path.Split('?', 2) is [var r, var q] ? (r, "?" + q) : (path, "");
        var segments = route.Split('/');
        var index = Array.FindLastIndex(segments, s => s.Length == 9 && s.All(char.IsAsciiDigit));
        if (index < 0)
        {
            index = segments.Length - 1;
        }

        segments[index] = junk;
        return string.Join('/', segments) + query;
    }

    private static string SetQuery(string path, string name, string value)
    {
        var (route, query) = path.Split('?', 2) is [var r, var q] ? (r, q) : (path, "");
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal)).Append($"{name}={value}");
        return route + "?" + string.Join('&', pairs);
    }

    /// <summary>A short form of a value for a mutator's name: control and non-ASCII characters escaped.</summary>
    public static string Printable(string text) => $"'{Escape(text.Length > 40 ? text[..40] + "…" : text)}'";

    /// <summary>The text with control and non-ASCII characters written as \uXXXX (CR and LF kept, for requests).</summary>
    public static string Escape(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text)
        {
            shown.Append(c is (< ' ' and not '\r' and not '\n') or > '~' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return shown.ToString();
    }
}
