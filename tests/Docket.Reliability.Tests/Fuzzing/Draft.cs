using System.Text;
using System.Text.Json.Nodes;

namespace Docket.Reliability.Tests.Fuzzing;

/// <summary>The stage of a request a mutator works on, in the order they are applied.</summary>
public enum Stage { Json, Text, Bytes, Request }

/// <summary>One change to a request: a name for the report, the stage, and what it does.</summary>
public sealed record Mutator(string Name, Stage Stage, Action<Draft> Apply)
{
    public override string ToString() => Name;
}

/// <summary>
/// A request while it is being made: a family writes a well-formed one (JSON body, headers, a
/// target), mutators change it stage by stage, and <see cref="Build"/> writes the wire form.
/// Placeholders in the body text stand for what JSON cannot hold as a value of a JsonNode: a
/// lone surrogate escape, a number too large for a double, nesting a thousand deep, bytes that
/// are not UTF-8. They are put in last, after every mutator.
/// </summary>
public sealed class Draft
{
    public required string Method { get; set; }

    public required string Path { get; set; }

    public JsonObject? Json { get; set; }

    /// <summary>The body as text, once <see cref="Json"/> is written (or set directly).</summary>
    public string? Text { get; set; }

    public byte[]? Bytes { get; set; }

    public List<KeyValuePair<string, byte[]>> Headers { get; } = [];

    public Framing Framing { get; set; } = Framing.Length;

    public string ChunkedGarbage { get; set; } = "";

    public bool BrokenBeforeTheApp { get; set; }

    /// <summary>The case the request means to touch (its writes are counted against it), if any.</summary>
    public string? Case { get; set; }

    public void SetHeader(string name, string value) => SetHeader(name, Encoding.Latin1.GetBytes(value));

    public void SetHeader(string name, byte[] value)
    {
        RemoveHeader(name);
        Headers.Add(new(name, value));
    }

    public void RemoveHeader(string name) => Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    public bool HasHeader(string name) => Headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Applies the mutators stage by stage and writes the request.</summary>
    public RawRequest Build(IReadOnlyList<Mutator> mutators)
    {
        foreach (var stage in Enum.GetValues<Stage>())
        {
            if (stage == Stage.Text && Json is not null && Text is null)
            {
                Text = Json.ToJsonString();
            }

            if (stage == Stage.Bytes && Text is not null && Bytes is null)
            {
                Bytes = Placeholders.Expand(Text);
            }

            foreach (var mutator in mutators.Where(m => m.Stage == stage))
            {
                mutator.Apply(this);
            }
        }

        if (Bytes is not null && !HasHeader("Content-Type") && !Headers.Any(h => h.Key == "X-No-Content-Type"))
        {
            SetHeader("Content-Type", "application/json");
        }

        Headers.RemoveAll(h => h.Key == "X-No-Content-Type");
        return new RawRequest(Method, Path, Headers, Bytes, Framing, ChunkedGarbage) { BrokenBeforeTheApp = BrokenBeforeTheApp };
    }
}

/// <summary>The placeholders of a body's text and what they become on the wire.</summary>
public static class Placeholders
{
    public const string LoneSurrogate = "@@SURROGATE@@";
    public const string BadUtf8 = "@@BADUTF8@@";
    public const string Huge = "@@HUGE@@";
    public const string Deep = "@@DEEP@@";
    public const string DeepObject = "@@DEEPOBJECT@@";

    private static readonly (string From, string To)[] Text =
    [
        ($"\"{LoneSurrogate}\"", "\"Qu\\udfffill\""),
        ($"\"{Huge}\"", "123456789012345678901234567890123456789e999999"),
        ($"\"{Deep}\"", new string('[', 2000) + new string(']', 2000)),
        ($"\"{DeepObject}\"", string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40)),
    ];

    /// <summary>The body's UTF-8 bytes with every placeholder put in.</summary>
    public static byte[] Expand(string text)
    {
        foreach (var (from, to) in Text)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var marker = Encoding.UTF8.GetBytes(BadUtf8);
        var at = bytes.AsSpan().IndexOf(marker);
        while (at >= 0)
        {
            // "Qu\xc0\xafill": an overlong encoding of '/', which a lenient decoder would let through.
            bytes = [.. bytes[..at], (byte)'Q', (byte)'u', 0xC0, 0xAF, (byte)'i', (byte)'l', (byte)'l', .. bytes[(at + marker.Length)..]];
            at = bytes.AsSpan().IndexOf(marker);
        }

        return bytes;
    }
}
