using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Docket.Domain.Countries;
using Docket.Store.Cases;
using Docket.Web.Auth;
using Docket.Web.Language;
using Docket.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Docket.Web.SelfService.Pages;

/// <summary>
/// The person's own pages under /my-case, in their language: sign-in, my case, who read my file,
/// report my departure, change my address, and why (the rules in plain words). They call the
/// same <see cref="SelfServiceDesk"/> and <see cref="SelfServiceSignIn"/> as /api/self-service.
/// </summary>
public static partial class PersonPages
{
    public const string Policy = "page-person";

    public static IServiceCollection AddPersonPages(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(PersonCookie.Scheme, PersonCookie.Configure);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(PersonCookie.Scheme)
            .RequireRole(Caller.SelfServiceRole)
            .RequireClaim(Caller.CaseClaim));
        return services;
    }

    public static IEndpointRouteBuilder MapPersonPages(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/my-case").ExcludeFromDescription().AddEndpointFilter<PersonFormCheck>().AllowAnonymous();
        open.MapGet("/sign-in", SignInForm);
        open.MapPost("/sign-in", SignInAsync).RequireRateLimiting(SelfServiceApi.SignInPageLimiter);
        open.MapPost("/sign-out", (Func<HttpContext, Task<IResult>>)SignOutAsync);
        open.MapGet("/language", ChooseLanguage);
        open.MapGet("/why", Why);

        var mine = app.MapGroup("/my-case").ExcludeFromDescription().AddEndpointFilter<PersonFormCheck>().RequireAuthorization(Policy);
        mine.MapGet("", CaseAsync);
        mine.MapGet("/reads", ReadsAsync);
        mine.MapGet("/departure", () => Page<PersonDeparturePage>(new { }));
        mine.MapPost("/departure", ReportDepartureAsync);
        mine.MapGet("/address", () => Page<PersonAddressPage>(new { }));
        mine.MapPost("/address", ChangeAddressAsync);
        return app;
    }

    private static RazorComponentResult Page<TPage>(object parameters, int status = StatusCodes.Status200OK)
        where TPage : Microsoft.AspNetCore.Components.IComponent => PageResults.Page<TPage>(parameters, status);

    private static bool IsSignedIn(HttpContext http) => http.User.Identity is { IsAuthenticated: true, AuthenticationType: PersonCookie.Scheme };

    private static async Task<IResult> SignInForm(HttpContext http, IStringLocalizer<PlainText> text, bool? timedOut, bool? signedOut)
    {
        if ((await http.AuthenticateAsync(PersonCookie.Scheme)).Succeeded)
        {
            return Results.Redirect("/my-case");
        }

        var notice = timedOut == true ? text["SignIn.TimedOut"].Value : signedOut == true ? text["SignIn.SignedOut"].Value : null;
        return Page<PersonSignInPage>(new { Notice = notice });
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SelfServiceSignIn signIn, IStringLocalizer<PlainText> text, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var aNumber = form["aNumber"].ToString().Trim();
        var code = form["accessCode"].ToString().Trim();
        var typed = form["dateOfBirth"].ToString().Trim();
        var picked = form["dateOfBirthPicked"].ToString().Trim();
        var errors = new List<string>();
        Require(aNumber, "SignIn.ANumber");
        Require(code, "SignIn.AccessCode");
        var birthText = typed.Length > 0 ? typed : picked;
        var birth = default(NodaTime.LocalDate);
        var writing = default(DateWriting);
        if (birthText.Length == 0)
        {
            Require(birthText, "SignIn.DateOfBirth");
        }
        else if (!TypedDate.TryParse(birthText, out birth, out writing))
        {
            errors.Add(text["SignIn.BadDate"]);
        }

        if (errors.Count > 0)
        {
            return Page<PersonSignInPage>(new { Errors = errors, ANumber = aNumber, DateOfBirth = typed }, StatusCodes.Status400BadRequest);
        }

        switch (await signIn.AttemptAsync(aNumber, code, TypedDate.ToWire(birth), cancellationToken))
        {
            case SignInOutcome.SignedIn signedIn:
                await PersonCookie.SignInAsync(http, signedIn.ANumber);
                return Results.Redirect("/my-case");
            case SignInOutcome.Paused paused:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(paused.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Page<PersonSignInPage>(new { Errors = new[] { text["SignIn.TooMany"].Value } }, StatusCodes.Status429TooManyRequests);
            default:
                // The same words whichever of the three was wrong, and whether or not the case exists.
                return Page<PersonSignInPage>(
                    new { Errors = new[] { text["SignIn.Failed"].Value, text[$"SignIn.ReadAs.{writing}"].Value }, ANumber = aNumber, DateOfBirth = typed },
                    StatusCodes.Status401Unauthorized);
        }

        void Require(string value, string label)
        {
            if (value.Length == 0)
            {
                errors.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, text["SignIn.Missing"], text[label].Value.ToLowerInvariant()));
            }
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(PersonCookie.Scheme);
        return Results.Redirect($"{PersonCookie.SignInPath}?signedOut=true");
    }

    /// <summary>The language switch: remembers the choice (a cookie) and goes back to the page.</summary>
    private static IResult ChooseLanguage(HttpContext http, IOptions<RequestLocalizationOptions> languages, string? to, string? returnUrl)
    {
        if (to is not null && languages.Value.SupportedUICultures!.Any(c => c.Name == to))
        {
            http.Response.Cookies.Append(
                DocketLanguages.CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(to)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        }

        return Results.Redirect(LocalPage(returnUrl) ?? PersonCookie.SignInPath);
    }

    private static RazorComponentResult Why(HttpContext http) =>
        Page<PersonWhyPage>(new { RuleIds = DocumentedRuleIds.Value, SignedIn = IsSignedIn(http) });

    private static async Task<IResult> CaseAsync(HttpContext http, SelfServiceDesk desk, IStringLocalizer<PlainText> text, CancellationToken cancellationToken)
    {
        var (view, problem) = await desk.ReadCaseAsync(http, cancellationToken);
        return view is null ? Failure(problem!, text) : Page<PersonCasePage>(new { Case = view });
    }

    private static async Task<IResult> ReadsAsync(HttpContext http, SelfServiceDesk desk, CancellationToken cancellationToken) =>
        Page<PersonReadsPage>(new { Reads = await desk.ReadsAsync(Caller.From(http.User).SelfServiceANumber!, cancellationToken) });

    private static async Task<IResult> ReportDepartureAsync(HttpContext http, SelfServiceDesk desk, IStringLocalizer<PlainText> text, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var typed = new DepartureForm(Field(form, "destinationCountry"), Field(form, "on"), Field(form, "port"), Field(form, "mode"), Field(form, "evidence"));
        var errors = new List<string>();
        if (!CountryCode.TryParse(typed.Country, out _))
        {
            errors.Add(text["Form.BadCountry"]);
        }

        var date = default(NodaTime.LocalDate);
        if (typed.On is null || !TypedDate.TryParse(typed.On, out date, out _))
        {
            errors.Add(text["Form.BadDate"]);
        }

        if (typed.Port is { Length: > 200 })
        {
            errors.Add($"{text["Departure.Port"]}: {text["Form.TooLong"]}");
        }

        if (errors.Count > 0)
        {
            return Page<PersonDeparturePage>(new { Errors = errors, Form = typed }, StatusCodes.Status400BadRequest);
        }

        var fields = new JsonObject { ["destinationCountry"] = typed.Country, ["on"] = TypedDate.ToWire(date) };
        AddIfChosen(fields, "port", typed.Port, null);
        AddIfChosen(fields, "mode", typed.Mode, PersonDeparturePage.Modes);
        AddIfChosen(fields, "evidence", typed.Evidence, PersonDeparturePage.Evidence);
        return await desk.ReportDepartureAsync(http, fields, cancellationToken) switch
        {
            SelfServiceWrite.Recorded r => Page<PersonReceiptPage>(new
            {
                Heading = text["Departure.Done"].Value,
                Reference = r.Reference,
                NextHeading = text["Receipt.Next"].Value,
                Next = text["Departure.NextSteps"].Value,
            }, StatusCodes.Status201Created),
            var refused => Page<PersonDeparturePage>(new { Errors = Refusal(refused, text), Form = typed }, StatusOf(refused)),
        };
    }

    private static async Task<IResult> ChangeAddressAsync(HttpContext http, SelfServiceDesk desk, IStringLocalizer<PlainText> text, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var address = Field(form, "address");
        if (address is null)
        {
            return Page<PersonAddressPage>(new { Errors = new[] { string.Format(System.Globalization.CultureInfo.InvariantCulture, text["Form.Required"], text["Address.Field"]) } }, StatusCodes.Status400BadRequest);
        }

        return await desk.ChangeAddressAsync(http, new JsonObject { ["address"] = address }, cancellationToken) switch
        {
            SelfServiceWrite.Recorded r => Page<PersonReceiptPage>(new
            {
                Heading = text["Address.Done"].Value,
                Reference = r.Reference,
                NextHeading = text["Receipt.AddressNext"].Value,
                Next = text["Address.Reminder"].Value,
            }, StatusCodes.Status201Created),
            var refused => Page<PersonAddressPage>(new { Errors = Refusal(refused, text), Address = address }, StatusOf(refused)),
        };
    }

    /// <summary>Why a write was not recorded, in the person's words: each rule in plain language.</summary>
    private static IReadOnlyList<string> Refusal(SelfServiceWrite written, IStringLocalizer<PlainText> text) => written switch
    {
        SelfServiceWrite.Declined { Result: CaseCommandResult.Refused r } => [text["Form.Refused"], .. r.Violations.Select(v => text[$"Rule.{v.Rule}"].Value)],
        SelfServiceWrite.Declined { Result: CaseCommandResult.Conflict } => [text["Form.Changed"]],
        SelfServiceWrite.Declined { Result: CaseCommandResult.Invalid i } => [text["Form.NotAccepted"], .. i.Problems],
        SelfServiceWrite.NotParsed n => [text["Form.NotAccepted"], .. n.Errors],
        _ => [text["Site.Unavailable"]],
    };

    private static int StatusOf(SelfServiceWrite written) => written switch
    {
        SelfServiceWrite.Declined { Result: CaseCommandResult.Refused } => StatusCodes.Status422UnprocessableEntity,
        SelfServiceWrite.Declined { Result: CaseCommandResult.Conflict } => StatusCodes.Status409Conflict,
        SelfServiceWrite.NotLoaded l => l.Problem.StatusCode,
        _ => StatusCodes.Status400BadRequest,
    };

    private static RazorComponentResult Failure(ProblemHttpResult problem, IStringLocalizer<PlainText> text) =>
        Page<PersonErrorPage>(new { Heading = text["Site.Error"].Value, Detail = text["Site.Unavailable"].Value, SignedIn = true }, problem.StatusCode);

    // Browsers send a textarea's line ends as CR LF; Docket's text holds line feeds only.
    private static string? Field(IFormCollection form, string name) =>
        form[name].ToString().ReplaceLineEndings("\n").Trim() is { Length: > 0 } value ? value : null;

    private static void AddIfChosen(JsonObject fields, string name, string? value, string[]? allowed)
    {
        if (value is not null && (allowed is null || allowed.Contains(value)))
        {
            fields[name] = value;
        }
    }

    /// <summary>A path on this site only ("/my-case/reads"), never another site's address.</summary>
    private static string? LocalPage(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : null;

    /// <summary>The rule ids of docs/rules.md (embedded), in the document's order.</summary>
    private static readonly Lazy<IReadOnlyList<string>> DocumentedRuleIds = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("docs/rules.md")!;
        using var reader = new StreamReader(stream);
        return [.. RuleHeading().Matches(reader.ReadToEnd()).Select(m => m.Groups[1].Value)];
    });

    [GeneratedRegex(@"^### (\S+)", RegexOptions.Multiline)]
    private static partial Regex RuleHeading();
}

/// <summary>What the person typed on the departure form, kept to show it again.</summary>
public sealed record DepartureForm(string? Country, string? On, string? Port, string? Mode, string? Evidence);

/// <summary>The person's forms carry an antiforgery token; a POST without it gets a page in their language.</summary>
public sealed class PersonFormCheck(IAntiforgery antiforgery, IStringLocalizer<PlainText> text) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            return PageResults.Page<PersonErrorPage>(new { Heading = text["Site.Error"].Value, Detail = text["Form.NotAccepted"].Value }, StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
