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
