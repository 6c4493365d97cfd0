using Docket.Web.Pages.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Pages;

/// <summary>How a page endpoint answers: a component rendered on the server, with its status code.</summary>
public static class PageResults
{
    public static RazorComponentResult Page<TComponent>(object? parameters = null, int status = StatusCodes.Status200OK)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TComponent>(parameters ?? new { }) { StatusCode = status };

    public static RazorComponentResult Error(int status, string title, string detail) =>
        Page<ErrorPage>(new { Status = status, Heading = title, Detail = detail }, status);

    public static RazorComponentResult NotFound(string detail) =>
        Error(StatusCodes.Status404NotFound, "Page not found", detail);
}
