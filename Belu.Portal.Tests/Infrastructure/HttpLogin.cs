using System.Net;
using System.Text.RegularExpressions;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>Signs in through the real login form, antiforgery token and all.</summary>
public static partial class HttpLogin
{
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string login, string password, string? returnUrl = null)
    {
        var page = returnUrl is null ? "/akun/masuk" : $"/akun/masuk?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await client.GetStringAsync(page);
        var token = TokenPattern().Match(form).Groups[1].Value;
        var response = await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        }));
        return response;
    }

    /// <summary>Signs in and asserts it worked (the portal redirects to the home page).</summary>
    public static async Task SignInAsync(this HttpClient client, string login, string password = PortalFactory.Password)
    {
        var response = await client.PostLoginAsync(login, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {login} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
