using System.Text.Json;
using Docket.Domain.Events;

namespace Docket.Web.Infrastructure;

/// <summary>
/// Reads a request body as raw JSON, so that the Domain's strict parser (not the model
/// binder, which drops unknown fields) decides what is well formed. Every body, not only
/// events, is refused with a 400 when a key is given twice (readers that take different
/// copies would read different requests) or when a string is not text (not UTF-8, a lone
/// surrogate): what this returns can be read with GetString and GetRawText without throwing.
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 256 * 1024;

    /// <summary>The detail of every 413 (found up front here, or by Kestrel while reading: see <see cref="FailureAnswers"/>).</summary>
    public static readonly string TooLarge = $"The body is larger than {MaxBytes / 1024} KiB, the most a JSON body of the Docket API may be.";

    private const int MaxDepth = 16;

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

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = MaxDepth }, cancellationToken);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return (null, $"the body is not well-formed JSON ({ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ')})");
        }

        // Keys given twice are found by the walk, not the parser: the library's own check
        // shortens a long key in its message, and the answer must name the field.
        return StrictJson.Problems(body, MaxDepth) is { Count: > 0 } problems
            ? (null, string.Join("; ", problems))
            : (body, null);
    }
}
