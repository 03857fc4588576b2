using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Belu.Portal.Common;

/// <summary>
/// The one road from an exception to an endpoint's answer: a refusal the services throw (<see cref="ValidationException"/>,
/// <see cref="ForbiddenException"/>, <see cref="NotFoundException"/>, <see cref="ConcurrencyException"/>) becomes
/// ProblemDetails with its status, an Indonesian <c>title</c>, the service's message as <c>detail</c> and, for a refused
/// form, the field errors in <c>errors</c>. A person who opened the address in a browser gets the portal's status page
/// for 403 and 404 instead. Pages are not answered here: a page that fails shows the portal's error page (500), and so
/// does anything unknown outside the API, whose clients get a 500 ProblemDetails.
/// </summary>
public sealed class PortalExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page: the failed request is in the feature.
        var failed = context.Features.Get<IExceptionHandlerFeature>();
        var refusal = Describe(exception);
        var isApi = Features.Accounts.AccountsExtensions.IsApiRequest(failed?.Path ?? context.Request.Path, context.Request.Headers.Accept);
        if (IsPage(failed?.Endpoint) || (refusal is null && !isApi))
        {
            return false;
        }
        var (status, title) = refusal ?? (StatusCodes.Status500InternalServerError, "Terjadi gangguan");
        context.Response.StatusCode = status;
        if (status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound && AcceptsHtml(context.Request))
        {
            // The status page (re-executed by the status-code middleware) explains it in the portal's layout.
            return true;
        }
        var problem = refusal is null
            ? new ProblemDetails { Status = status, Title = title, Detail = "Data Anda tidak hilang; coba lagi sebentar lagi." }
            : ToProblem(exception, refusal.Value);
        await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
        return true;
    }

    /// <summary>The status and title of a refusal a service throws; null for anything else (a defect).</summary>
    public static (int Status, string Title)? Describe(Exception exception) => exception switch
    {
        ValidationException => (StatusCodes.Status400BadRequest, "Permintaan tidak valid"),
        ForbiddenException => (StatusCodes.Status403Forbidden, "Akses ditolak"),
        NotFoundException => (StatusCodes.Status404NotFound, "Tidak ditemukan"),
        ConcurrencyException => (StatusCodes.Status409Conflict, "Data sudah diubah orang lain"),
        _ => null,
    };

    /// <summary>A refusal as ProblemDetails: the service's message as detail, a refused form's field errors in <c>errors</c>.</summary>
    public static ProblemDetails ToProblem(Exception exception, (int Status, string Title) refusal)
    {
        var problem = new ProblemDetails { Status = refusal.Status, Title = refusal.Title, Detail = exception.Message };
        if (exception is ValidationException { FieldErrors.Count: > 0 } invalid)
        {
            problem.Extensions["errors"] = invalid.FieldErrors.ToDictionary(e => e.Key, e => new[] { e.Value });
        }
        return problem;
    }

    private static bool IsPage(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
