using System.Net;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Security;

/// <summary>
/// Guessing identifiers gets nothing: dispositions, request documents and unit attendance of someone else answer
/// 403/404 and carry no data. Letters and their files have their own sweep in <c>LetterScopeTests</c>, notifications in
/// <c>NotificationDeliveryTests</c>, exports in <c>EmployeeListExportTests</c>.
/// </summary>
public class IdorSweepTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public void NoRouteTakesASequentialNumberAsAnIdentifier()
    {
        var parameters = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.RoutePattern.Parameters.Select(p => (Pattern: e.RoutePattern.RawText, Parameter: p)))
            .ToList();
        Assert.NotEmpty(parameters);
        foreach (var (pattern, parameter) in parameters.Where(p => p.Parameter.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase)))
        {
            // Object identifiers in addresses are GUIDs (version 7, 74 random bits): they neither count nor can be guessed.
            Assert.True(parameter.ParameterPolicies.Any(p => p.Content == "guid"), $"{pattern}: {{{parameter.Name}}} is not a GUID");
        }
        Assert.DoesNotContain(parameters, p => p.Parameter.ParameterPolicies.Any(pp => pp.Content is "int" or "long")
            && p.Pattern != "/status/{Code:int}");
    }

    [Fact]
    public async Task AnotherUnitCannotReadMoveFinishOrCancelSomeoneElsesDisposition()
    {
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        var letterId = await factory.RegisterAsync(await factory.FormAsync("Disposisi yang ditebak orang lain"));
        var id = Assert.Single(await factory.DisposeAsync("pimpinan", letterId, null, [pegawai]));
        Guid version;
        await using (var db = factory.CreateDbContext())
        {
            version = (await db.Dispositions.SingleAsync(d => d.Id == id)).Version;
        }

        foreach (var stranger in new[] { "kabid.ikp", "kabid.sandi", "agendaris", "display" })
        {
            await using var scope = await factory.ScopeForAsync(stranger);
            foreach (var (name, call) in new (string, Func<Task>)[]
            {
                ("processing", () => scope.ServiceProvider.GetRequiredService<ProcessDisposition>().HandleAsync(id, version)),
                ("finish", () => scope.ServiceProvider.GetRequiredService<ReportFollowUp>().HandleAsync(id, version, "Selesai oleh orang lain.", null)),
                ("cancel", () => scope.ServiceProvider.GetRequiredService<CancelDisposition>().HandleAsync(id)),
                ("forward", () => scope.ServiceProvider.GetRequiredService<DispositionQueries>().GetFormAsync(letterId, id)),
            })
            {
                var refused = await Record.ExceptionAsync(call);
                Assert.True(refused is ForbiddenException or NotFoundException, $"{stranger} {name}: {refused?.GetType().Name ?? "allowed"}");
            }
            if (stranger != "display")
            {
                Assert.DoesNotContain((await scope.ServiceProvider.GetRequiredService<DispositionQueries>().SearchMineAsync(new MyDispositionQuery())).Items, d => d.Id == id);
            }
        }
        await using var check = factory.CreateDbContext();
        var after = await check.Dispositions.SingleAsync(d => d.Id == id);
        Assert.Equal(DispositionStatus.Baru, after.Status);
        Assert.Equal(version, after.Version);
    }

    [Fact]
    public async Task ARequestDocumentIsStreamedToItsPeopleOnlyAndGuessesGetNoBytes()
    {
        var day = factory.Services.GetRequiredService<OfficeClock>().Today.AddDays(120);
        Guid id;
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            id = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
                new RequestInput { Kind = RequestKind.S, From = day, To = day, Reason = "Sakit, surat dokter terlampir." },
                new RequestDocument(new MemoryStream(LetterTestKit.Pdf("surat-dokter-rahasia")), "surat-dokter.pdf"));
        }
        string approver;
        await using (var db = factory.CreateDbContext())
        {
            var approverId = (await db.AttendanceRequests.SingleAsync(r => r.Id == id)).ApproverEmployeeId;
            approver = (await db.Users.SingleAsync(u => u.EmployeeId == approverId)).UserName!;
        }

        foreach (var user in new[] { "pegawai", approver, "admin" })
        {
            var client = factory.CreateBrowserLikeClient();
            await client.SignInAsync(user);
            var allowed = await client.GetAsync($"/absensi/permohonan/{id}/dokumen");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("surat-dokter-rahasia", await allowed.Content.ReadAsStringAsync());
        }
        foreach (var stranger in new[] { "kabid.ikp", "kabid.sandi", "agendaris", "display" }.Where(u => u != approver))
        {
            var client = factory.CreateBrowserLikeClient();
            await client.SignInAsync(stranger);
            foreach (var guess in new[] { id, Guid.CreateVersion7() })
            {
                var refused = await client.GetAsync($"/absensi/permohonan/{guess}/dokumen");
                Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{stranger}: {(int)refused.StatusCode}");
                Assert.DoesNotContain("%PDF", await refused.Content.ReadAsStringAsync());
            }
            await using var scope = await factory.ScopeForAsync(stranger);
            Assert.True(await Record.ExceptionAsync(() => scope.ServiceProvider.GetRequiredService<CancelRequest>().CancelAsync(id)) is NotFoundException or ForbiddenException);
            if (stranger != "display")
            {
                Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListToDecideAsync(), r => r.Id == id);
            }
        }
        await using var check = factory.CreateDbContext();
        Assert.Equal(RequestStatus.Diajukan, (await check.AttendanceRequests.SingleAsync(r => r.Id == id)).Status);
    }

    [Fact]
    public async Task ALeaderCannotOpenTheAttendanceOfAnotherUnit()
    {
        int dinkes, aptika;
        await using (var db = factory.CreateDbContext())
        {
            dinkes = await db.Units.Where(u => u.Code == "DINKES").Select(u => u.Id).SingleAsync();
            aptika = await db.Units.Where(u => u.Code == "DISKOMINFO-03").Select(u => u.Id).SingleAsync();
        }
        var today = factory.Services.GetRequiredService<OfficeClock>().Today;
        foreach (var (leader, unit) in new[] { ("pimpinan", dinkes), ("kabid.ikp", aptika), ("kabid.sandi", dinkes) })
        {
            await using var scope = await factory.ScopeForAsync(leader);
            var reports = scope.ServiceProvider.GetRequiredService<AttendanceReportService>();
            await Assert.ThrowsAsync<ForbiddenException>(() => reports.TodayAsync(unit));
            await Assert.ThrowsAsync<ForbiddenException>(() => reports.RecapAsync(unit, today.Year, today.Month));
            // The discipline list narrows to the leader's own scope: another unit's people are simply not in it.
            var subtree = await factory.CreateDbContext().Units.Where(x => x.Id == unit || x.ParentId == unit).Select(x => x.Id).ToListAsync();
            Assert.DoesNotContain(await reports.DisciplineAsync(today.Year, unit, includeClean: true), r => subtree.Contains(r.Employee.UnitId));
        }
        await using (var own = await factory.ScopeForAsync("kabid.aptika"))
        {
            Assert.NotNull(await own.ServiceProvider.GetRequiredService<AttendanceReportService>().TodayAsync(aptika));
        }
    }
}
