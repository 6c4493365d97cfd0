using System.Text.Json;

namespace Docket.Web.Infrastructure;

/// <summary>
/// Reads a request body as raw JSON, so that the Domain's strict parser (not the model
/// binder, which drops unknown fields) decides what is well formed.
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 256 * 1024;

    private static readonly string TooLarge = $"The body is larger than {MaxBytes / 1024} KiB, the most a JSON body of the Docket API may be.";

    public static async Task<(JsonElement? Body, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Too large is 413, not a malformed body: declared up front, or found while reading a
        // chunked body (the server stops reading at the limit). JsonConventions maps it to a problem.
        if (request.ContentLength > MaxBytes)
        {
            throw new BadHttpRequestException(TooLarge, StatusCodes.Status413PayloadTooLarge);
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
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
