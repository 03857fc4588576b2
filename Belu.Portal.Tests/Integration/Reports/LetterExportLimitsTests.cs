using System.Net;
using System.Net.Http.Json;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Reports.Letters;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.AspNetCore.Mvc;

namespace Belu.Portal.Tests.Integration.Reports;

/// <summary>What the letter exports refuse (another unit, a period too long or in the future) and give for an empty period.</summary>
public class LetterExportLimitsTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly Today = FakeClock.StartDay;

    [Fact]
    public async Task AForeignUnitIsRefusedAndATenYearPeriodIsTooLong()
    {
        var dinkes = await factory.UnitIdAsync("DINKES");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        var foreign = await client.GetAsync(IncomingRegisterReport.Link(new LetterQuery(From: From, To: Today, UnitId: dinkes)));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.NotEqual(ReportExporter.ContentType, foreign.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(DispositionRecapReport.Link(From, Today, dinkes))).StatusCode);
        var agendaris = factory.CreateBrowserLikeClient();
        await agendaris.SignInAsync("agendaris");
        Assert.Equal(HttpStatusCode.Forbidden, (await agendaris.GetAsync(IncomingRegisterReport.Link(new LetterQuery(From: From, To: Today, UnitId: dinkes)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agendaris.GetAsync(DispositionRecapReport.Link(From, Today, null))).StatusCode);

        foreach (var url in new[]
        {
            IncomingRegisterReport.Link(new LetterQuery(From: new DateOnly(2016, 1, 1), To: Today)),
            OutgoingRegisterReport.Link(new OutgoingQuery(From: new DateOnly(2016, 1, 1), To: Today)),
            DispositionRecapReport.Link(new DateOnly(2016, 1, 1), Today, null),
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Contains("terlalu panjang", problem!.Detail);
        }
    }

    [Fact]
    public async Task AFuturePeriodIsRefusedWith400()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        var tomorrow = Today.AddDays(1);
        foreach (var url in new[]
        {
            IncomingRegisterReport.Link(new LetterQuery(From: From, To: tomorrow)),
            OutgoingRegisterReport.Link(new OutgoingQuery(From: tomorrow, To: tomorrow.AddDays(5))),
            DispositionRecapReport.Link(From, tomorrow, null),
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Contains("tidak boleh melewati hari ini", problem!.Detail);
        }
    }

    [Fact]
    public async Task AnEmptyPeriodGivesAWorkbookThatSaysSo()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("agendaris");
        var empty = new LetterQuery(From: new DateOnly(2020, 1, 1), To: new DateOnly(2020, 1, 31));
        using var incoming = await LetterWorkbooks.ReadAsync(await client.GetAsync(IncomingRegisterReport.Link(empty)), "incoming");
        Assert.Equal(SheetPlan.EmptyMessage, incoming.Worksheet(1).Cell(SheetPlan.FirstDataRow, 1).GetString());
        using var outgoing = await LetterWorkbooks.ReadAsync(await client.GetAsync(OutgoingRegisterReport.Link(new OutgoingQuery(From: empty.From, To: empty.To))), "outgoing");
        Assert.Equal(SheetPlan.EmptyMessage, outgoing.Worksheet(1).Cell(SheetPlan.FirstDataRow, 1).GetString());
    }
}
