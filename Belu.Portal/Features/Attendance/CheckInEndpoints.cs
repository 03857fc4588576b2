using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Web check-in over plain HTTP, for the intranet's own scripts and apps: the same service and rules as the page
/// <c>/absensi</c> (signed-in staff, office networks, active employee). Cross-site use is refused by requiring a JSON
/// body: a form on another site cannot send <c>application/json</c> without a CORS preflight, which the portal never
/// grants (and the SameSite sign-in cookie is not sent with a cross-site POST anyway).
/// </summary>
public static class CheckInEndpoints
{
    public const string JsonRequiredMessage = "Kirim permintaan absen dengan Content-Type: application/json (misalnya isi {}).";

    public static void MapCheckInEndpoints(this WebApplication app)
    {
        app.MapPost("/api/absensi/hadir", CheckInAsync).RequireAuthorization(Policies.Staff);
        app.MapPost("/api/absensi/qr", ScanAsync).RequireAuthorization(Policies.Staff);
    }

    /// <summary>The body of <c>POST /api/absensi/qr</c>: the scanned code, and true once the employee agreed to leave early.</summary>
    public sealed record KioskScanRequest(string? Code, bool ConfirmEarlyLeave = false);

    /// <summary>
    /// A kiosk scan over HTTP, the same use case as the page <c>/absensi/qr/{code}</c>. An early check-out is answered
    /// with <c>needsConfirmation</c> and the question, and stored only when sent again with <c>confirmEarlyLeave</c>.
    /// </summary>
    private static async Task<IResult> ScanAsync(HttpContext http, ScanKioskCode scan)
    {
        if (!http.Request.HasJsonContentType())
        {
            return Results.Json(new { error = JsonRequiredMessage }, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        KioskScanRequest? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<KioskScanRequest>(http.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }
        if (body?.Code is not { Length: > 0 } code)
        {
            return Results.Json(new { error = "Isi permintaan harus memuat kode QR, misalnya {\"code\": \"...\"}." }, statusCode: StatusCodes.Status400BadRequest);
        }
        try
        {
            var outcome = await scan.ScanAsync(code, body.ConfirmEarlyLeave, http.RequestAborted);
            return outcome.Today is { } today
                ? Results.Json(Answer(today, recorded: true))
                : Results.Json(new { recorded = false, needsConfirmation = true, message = outcome.EarlyLeaveQuestion });
        }
        catch (ForbiddenException ex)
        {
            return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (ValidationException ex)
        {
            return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> CheckInAsync(HttpContext http, CheckInService checkIn)
    {
        if (!http.Request.HasJsonContentType())
        {
            return Results.Json(new { error = JsonRequiredMessage }, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            var (today, recorded) = await checkIn.CheckInWithOutcomeAsync(http.RequestAborted);
            return Results.Json(Answer(today, recorded));
        }
        catch (ForbiddenException ex)
        {
            return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (ValidationException ex)
        {
            // Outside the punch window (or a day off): the same refusal as the page's button, nothing stored.
            return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static object Answer(MyToday today, bool recorded)
    {
        var status = today.Status;
        var last = today.Punches.Count > 0 ? today.Punches[^1] : (TimeOnly?)null;
        return new
        {
            recorded,
            message = recorded
                ? $"Absen tercatat pukul {last:HH\\:mm\\:ss} WITA."
                : "Absen Anda sudah tercatat beberapa saat yang lalu (duplikat); tidak dicatat lagi.",
            date = today.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            punches = today.Punches.Select(p => p.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
            status = status.Code.Short(),
            statusLabel = status.Code.Label(),
            checkIn = status.CheckIn?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            checkOut = status.CheckOut?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            lateMinutes = status.LateMinutes,
            earlyMinutes = status.EarlyMinutes,
            holiday = today.HolidayName,
        };
    }
}
