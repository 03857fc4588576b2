using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Platform;

/// <summary>
/// A refusal a service throws reaches an endpoint's client in one shape: ProblemDetails with the status, an Indonesian
/// title, the service's message and the field errors; a person's browser gets the status page instead.
/// </summary>
public sealed class ErrorShapeTests : IClassFixture<ErrorShapeTests.RefusingPortal>
{
    private readonly RefusingPortal _portal;

    public ErrorShapeTests(RefusingPortal portal) => _portal = portal;

    [Theory]
    [InlineData("validasi", HttpStatusCode.BadRequest, "Permintaan tidak valid", "NIP harus 18 digit.")]
    [InlineData("terlarang", HttpStatusCode.Forbidden, "Akses ditolak", "Anda tidak berwenang melakukan tindakan ini.")]
    [InlineData("hilang", HttpStatusCode.NotFound, "Tidak ditemukan", "Data tidak ditemukan.")]
    [InlineData("bentrok", HttpStatusCode.Conflict, "Data sudah diubah orang lain", "Data ini baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.")]
    public async Task ARefusalReachesAnEndpointsClientAsProblemDetails(string kind, HttpStatusCode status, string title, string detail)
    {
        var response = await _portal.CreateClient().GetAsync($"{RefusingPortal.Path}/{kind}");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal((int)status, problem!.Status);
        Assert.Equal(title, problem.Title);
        Assert.Equal(detail, problem.Detail);
        if (status == HttpStatusCode.BadRequest)
        {
            Assert.Equal(["Nomor harus 18 digit angka."], problem.Errors["Nip"]);
        }
        else
        {
            Assert.Empty(problem.Errors);
        }
    }

    [Fact]
    public async Task APersonsBrowserGetsTheStatusPageForARefusal()
    {
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.GetAsync($"{RefusingPortal.Path}/terlarang");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Anda tidak memiliki hak untuk membuka halaman atau data ini.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownFailureOfAnApiCallIsA500ProblemWithoutItsMessage()
    {
        var response = await _portal.CreateClient().GetAsync("/api/uji/galat");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Terjadi gangguan", problem!.Title);
        Assert.DoesNotContain("rahasia", problem.Detail);
    }

    /// <summary>The portal with test-only addresses, after its own pipeline, that throw what a service throws.</summary>
    public sealed class RefusingPortal : EmptyPortalFactory
    {
        public const string Path = "/uji/tolak";

        public RefusingPortal()
        {
            WithServices(services => services.AddTransient<IStartupFilter, RefusingEndpoints>());
        }

        private sealed class RefusingEndpoints : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((context, nextMiddleware) => context.Request.Path.Value switch
                {
                    Path + "/validasi" => throw new ValidationException("NIP harus 18 digit.", new Dictionary<string, string> { ["Nip"] = "Nomor harus 18 digit angka." }),
                    Path + "/terlarang" => throw new ForbiddenException(),
                    Path + "/hilang" => throw new NotFoundException(),
                    Path + "/bentrok" => throw new ConcurrencyException(),
                    "/api/uji/galat" => throw new InvalidOperationException("rincian rahasia dari dalam server"),
                    _ => nextMiddleware(context),
                });
            };
        }
    }
}
