using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>
/// What a page said while a journey ran (console errors, uncaught script errors), so that a step that times out on
/// a loaded machine says why: a refusal in a snackbar, a lost circuit, a script error, or nothing at all.
/// </summary>
public static class PageDiagnostics
{
    private static readonly ConditionalWeakTable<IPage, List<string>> Logs = [];

    public static void Watch(IPage page)
    {
        var log = Logs.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (log)
                {
                    log.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (log)
            {
                log.Add($"page error: {error}");
            }
        };
    }

    /// <summary>
    /// Runs a step that should move the page to <paramref name="url"/>; when it does not, fails with what the page
    /// shows instead (its address, snackbars, the reconnect dialog) and what it logged.
    /// </summary>
    public static async Task NavigatesAsync(this IPage page, Func<Task> step, Func<string, bool> url, float timeout = 45_000)
    {
        await step();
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            // Waits a second at a time and looks at the address again in between: a same-document navigation (the
            // interactive router's pushState) that lands between Playwright's own look at the address and its
            // subscription to the next one would otherwise be missed, and the wait would run to its end.
            if (url(page.Url))
            {
                return;
            }
            var left = timeout - (float)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            try
            {
                await page.WaitForURLAsync(url, new() { Timeout = Math.Clamp(left, 1, 1_000), WaitUntil = WaitUntilState.Commit });
                return;
            }
            catch (TimeoutException timedOut) when (left <= 1_000)
            {
                throw new TimeoutException(await DescribeAsync(page), timedOut);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    private static async Task<string> DescribeAsync(IPage page)
    {
        var text = new StringBuilder($"The page stayed at {page.Url}.");
        foreach (var snackbar in await page.Locator(".mud-snackbar").AllInnerTextsAsync())
        {
            text.Append($" Snackbar: {snackbar.Trim()}.");
        }
        var circuit = await page.Locator("[data-circuit]").First.GetAttributeAsync("data-circuit", new() { Timeout = 1_000 });
        text.Append($" Circuit: {circuit ?? "(no layout)"}.");
        if (await page.Locator("#components-reconnect-modal").IsVisibleAsync())
        {
            text.Append(" The reconnect dialog is showing.");
        }
        var log = Logs.GetOrCreateValue(page);
        lock (log)
        {
            text.Append(log.Count == 0 ? " The page logged nothing." : " The page logged: " + string.Join(" | ", log.TakeLast(10)));
        }
        return text.ToString();
    }
}
