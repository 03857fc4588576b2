using System.Text.RegularExpressions;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>Signs a screen in as its browser does: opens the display address, then submits the page's form.</summary>
public static partial class DisplayLogin
{
    public static async Task<HttpResponseMessage> PostDisplaySignInAsync(this HttpClient client, string secret, bool confirm = false)
    {
        var page = await client.GetStringAsync($"/monitor/masuk/{Uri.EscapeDataString(secret)}");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
            ["token"] = secret,
        };
        if (confirm)
        {
            fields["ganti"] = "ya";
        }
        return await client.PostAsync("/monitor/masuk", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
