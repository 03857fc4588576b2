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
        try
        {
            await action();
            if (success is not null)
            {
                snackbar.Add(success, Severity.Success);
            }
            return true;
        }
        catch (Exception ex) when (ex is ValidationException or ForbiddenException or ConcurrencyException or NotFoundException)
        {
            snackbar.Add(ex.Message, ex is ConcurrencyException ? Severity.Warning : Severity.Error);
            return false;
        }
    }

    public static string FormatDateTime(this OfficeClock clock, DateTime utc) =>
        $"{clock.ToLocal(utc):dd MMM yyyy} {clock.ToLocal(utc).ToString(TimeText.Minutes)} {clock.ZoneAbbreviation}";
}
