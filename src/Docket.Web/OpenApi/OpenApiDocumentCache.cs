using Microsoft.AspNetCore.OutputCaching;

namespace Docket.Web.OpenApi;

/// <summary>
/// Serves the OpenAPI document from memory. It was generated afresh for every request (about
/// 70 a second where <c>/healthz</c> does 1,200), yet it cannot change while the process runs:
/// the endpoints are fixed at start. The document names the server it was asked through
/// (scheme, host, path base), and the output cache keys on exactly those, so a request with a
/// forged <c>Host</c> gets and caches only its own copy and never poisons anyone else's; the
/// cache's size limit bounds how many such copies are kept.
/// </summary>
public static class OpenApiDocumentCache
{
    private const string PolicyName = "openapi-document";

    public static IServiceCollection AddOpenApiDocumentCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 16 * 1024 * 1024;
            // A policy of its own instead of the default one, which skips any request carrying a token.
            options.AddPolicy(PolicyName, new Policy());
        });

    public static IEndpointConventionBuilder CacheDocument(this IEndpointConventionBuilder endpoint) => endpoint.CacheOutput(PolicyName);

    private sealed class Policy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var method = context.HttpContext.Request.Method;
            var cacheable = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            // Only a complete document is kept; never an error, never anything setting a cookie.
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
