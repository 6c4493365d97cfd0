using System.Globalization;
using System.Text.Json;

namespace Docket.Domain.Audit;

/// <summary>
/// A checkpoint as a JSON object <c>{treeSize, rootHash, issuedAt, signature}</c>: what
/// <c>docket checkpoint export</c> writes and <c>docket verify --checkpoint</c> reads back, so a
/// witness can keep it anywhere. Other fields (the API adds <c>id</c>) are ignored on reading.
/// </summary>
public static class CheckpointJson
{
    public static string Write(SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var buffer = new MemoryStream();
        // Base64 '+' and '/' written as they are, so the file reads like the API's answer.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("treeSize", checkpoint.TreeSize);
            json.WriteString("rootHash", checkpoint.RootHex);
            json.WriteString("issuedAt", checkpoint.IssuedAt);
            json.WriteString("signature", checkpoint.Signature);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a checkpoint, or throws <see cref="FormatException"/> saying what is wrong with it.</summary>
    public static SignedCheckpoint Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("a checkpoint is a JSON object {treeSize, rootHash, issuedAt, signature}");
            }

            var treeSize = Property(root, "treeSize", JsonValueKind.Number).TryGetInt64(out var size) && size >= 0
                ? size
                : throw new FormatException("treeSize must be a whole number, 0 or more");
            var rootHex = Property(root, "rootHash", JsonValueKind.String).GetString()!;
            if (rootHex.Length != MerkleHash.Length * 2 || !rootHex.All(char.IsAsciiHexDigit))
            {
                throw new FormatException("rootHash must be 64 hexadecimal digits");
            }

            var issuedAt = Property(root, "issuedAt", JsonValueKind.String).GetString()!;
            var signature = Property(root, "signature", JsonValueKind.String).GetString()!;
            return new SignedCheckpoint(treeSize, Convert.FromHexString(rootHex), issuedAt, signature);
        }
    }

    private static JsonElement Property(JsonElement root, string name, JsonValueKind kind) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} is missing or not a {kind.ToString().ToLowerInvariant()}"));
}
