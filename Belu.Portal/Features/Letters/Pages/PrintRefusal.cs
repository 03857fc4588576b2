using Belu.Portal.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Belu.Portal.Features.Letters.Pages;

/// <summary>How the static print pages answer a refused letter: the status code, and their own message as the body.</summary>
internal static class PrintRefusal
{
    public static int StatusOf(Exception refusal) => refusal is ForbiddenException ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;

    public static void Apply(HttpContext? http, int status)
    {
        if (http is null)
        {
            return;
        }
        // The page renders its own refusal; the status-code re-execution would render a second page into the same request.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        http.Response.StatusCode = status;
    }
}
