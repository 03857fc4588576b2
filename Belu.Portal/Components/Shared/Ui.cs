using Belu.Portal.Common;
using MudBlazor;

namespace Belu.Portal.Components.Shared;

public static class Ui
{
    /// <summary>
    /// Runs a service call from a page: rule violations, refusals and lost races become a message for the user;
    /// anything else is a defect and goes to the error boundary.
    /// </summary>
    public static async Task<bool> TryAsync(this ISnackbar snackbar, Func<Task> action, string? success = null)
    {
        var ok = await TryAsync(action, refusal =>
            snackbar.Add(refusal.Message, refusal is ConcurrencyException ? Severity.Warning : Severity.Error));
        if (ok && success is not null)
        {
            snackbar.Add(success, Severity.Success);
        }
        return ok;
    }

    /// <summary>
    /// The same road for a refusal the page shows in place instead of in a snackbar: a page that cannot load shows
    /// it instead of its content, a form keeps it (and its <see cref="FieldErrorsOf"/>) beside its fields.
    /// </summary>
    public static async Task<bool> TryAsync(Func<Task> action, Action<Exception> showRefusal)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            showRefusal(ex);
            return false;
        }
    }

    /// <summary>A refusal a service throws on purpose; anything else is a defect.</summary>
    public static bool IsRefusal(Exception ex) =>
        ex is ValidationException or ForbiddenException or ConcurrencyException or NotFoundException;

    /// <summary>The field errors of a refused form; none when the refusal names no field.</summary>
    public static IReadOnlyDictionary<string, string> FieldErrorsOf(Exception refusal) =>
        refusal is ValidationException invalid ? invalid.FieldErrors : new Dictionary<string, string>();

    public static string FormatDateTime(this OfficeClock clock, DateTime utc) =>
        $"{clock.ToLocal(utc):dd MMM yyyy} {clock.ToLocal(utc).ToString(TimeText.Minutes)} {clock.ZoneAbbreviation}";
}
