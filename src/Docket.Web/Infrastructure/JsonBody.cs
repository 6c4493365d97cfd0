using System.Text.Json;

namespace Docket.Web.Infrastructure;

/// <summary>
/// Reads a request body as raw JSON, so that the Domain's strict parser (not the model
/// binder, which drops unknown fields) decides what is well formed.
/// </summary>
public static class JsonBody
{
    private const long MaxBytes = 256 * 1024;

    public static async Task<(JsonElement? Body, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, $"the body is larger than {MaxBytes / 1024} KiB");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (null, $"the body is not well-formed JSON ({ex.Message.Split(" Path:", 2)[0].TrimEnd('.')})");
        }
    }
}
