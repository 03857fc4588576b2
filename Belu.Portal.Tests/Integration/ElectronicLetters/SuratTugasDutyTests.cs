using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.Reports.Attendance;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Belu.Portal.Tests.Integration.Letters;
using Belu.Portal.Tests.Integration.Organization;
using Belu.Portal.Tests.Integration.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>
/// A signed Surat Tugas orders DL days: its staff are on duty over its dates (weekends stay days off), linked to the
/// letter, written with the signature through the road an approved DL request takes, once however often it runs.
/// </summary>
public class SuratTugasDutyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(SignedDraft Signed, DateOnly From, DateOnly To)> SignedSuratTugasAsync(params int[] staff)
    {
        // Ten days back (closed days, rewritten) to four ahead (open days, computed): a weekend always lies inside.
        var today = factory.Today();
        var (from, to) = (today.AddDays(-10), today.AddDays(4));
        var content = await factory.CompleteAsync("Tugas Pendampingan Implementasi SPBE");
        (content.Addressees, content.TaskFrom, content.TaskTo, content.TaskPlace, content.TaskPurpose) =
            ([], from, to, "Kecamatan Tasifeto Timur", "Pendampingan implementasi SPBE");
        content.AssignedStaff = [.. staff.Select(id => new DraftParty { EmployeeId = id })];
        var id = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<StartDraft>().HandleAsync(ElectronicLetterKind.SuratTugas));
        var start = await factory.DetailsAsync("pegawai", id);
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SaveDraft>().HandleAsync(id, content, start.Version));
        var saved = await factory.DetailsAsync("pegawai", id);
        var signer = await factory.EmployeeOfAsync("pimpinan");
        var chained = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<EditChain>().HandleAsync(id, new ChainInput([], signer, saved.Version)));
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SendForReview>().HandleAsync(id, chained));
        await factory.EnrolAsync("pimpinan");
        var signed = await factory.SignAsync("pimpinan", await factory.DetailsAsync("pimpinan", id));
        return (signed, from, to);
    }

    [Fact]
    public async Task TheAssignedStaffAreOnDutyOverTheLettersDatesWithWeekendsOffAndTheRecapLinksTheLetter()
    {
        var (first, _) = await factory.StaffWithCleanRecordAsync("DISKOMINFO");
        var (second, _) = await factory.StaffWithCleanRecordAsync("DISKOMINFO", skip: 1);

        var (signed, from, to) = await SignedSuratTugasAsync(first, second);

        await using var db = factory.CreateDbContext();
        var requests = await db.AttendanceRequests.Where(r => r.SignedLetterId == signed.SignedLetterId).ToListAsync();
        Assert.Equal([first, second], requests.Select(r => r.EmployeeId).Order());
        Assert.All(requests, r => Assert.Equal((RequestKind.DL, RequestStatus.Disetujui, from, to), (r.Kind, r.Status, r.From, r.To)));
        Assert.All(requests, r => Assert.StartsWith($"Surat Tugas {signed.Number}", r.Reason));

        var engine = factory.Services.GetRequiredService<AttendanceEngine>();
        var staff = await AttendanceEngine.Staff(db).Where(s => s.Id == first || s.Id == second).ToListAsync();
        var grid = await engine.ReadAsync(db, staff, from, to);
        var book = await engine.LoadBookAsync(db, from, to);
        var unit = staff.Single(s => s.Id == first).UnitId;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var expected = book.IsWorkingDay(unit, d) ? AttendanceCode.DL : AttendanceCode.Libur;
            Assert.Equal(expected, grid[first, d]?.Code);
            Assert.Equal(expected, grid[second, d]?.Code);
        }
        // The closed days in the range were rewritten and stored as DL, as an approval rewrites them.
        var lastClosed = await AttendanceEngine.LastClosedDayAsync(db);
        var closedWorkday = Enumerable.Range(0, 11).Select(from.AddDays).Where(d => d <= lastClosed).Last(d => book.IsWorkingDay(unit, d));
        Assert.Equal(AttendanceCode.DL, (await AttendanceTestData.DayAsync(db, first, closedWorkday))?.Code);

        var today = factory.Today();
        var recap = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<AttendanceReportService>().RecapAsync(unit, today.Year, today.Month));
        var linkedDay = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
            .First(d => d.Month == today.Month && book.IsWorkingDay(unit, d));
        Assert.Equal(signed.Number, recap.LetterOf(first, linkedDay)?.Number);
        Assert.Equal($"/verifikasi/{signed.VerificationCode}", recap.LetterOf(first, linkedDay)?.Link);
    }

    [Fact]
    public async Task TheMonthlyRecapWorkbookNamesTheSuratTugasBesideItsStaffsDutyDays()
    {
        var (staffId, _) = await factory.StaffWithCleanRecordAsync("DISKOMINFO", skip: 3);
        var (signed, from, _) = await SignedSuratTugasAsync(staffId);
        await using var db = factory.CreateDbContext();
        var person = await db.Employees.SingleAsync(e => e.Id == staffId);
        var today = factory.Today();
        var month = from.Month == today.Month ? today : from;
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        using var book = await RecapTestUnit.DownloadAsync(client, AttendanceRecapReport.Link([person.UnitId], month.Year, month.Month));

        var ws = Assert.Single(book.Worksheets);
        var header = ws.Row(SheetPlan.HeaderRow).CellsUsed().Single(c => c.GetString() == AttendanceRecapReport.DutyLettersHeader);
        var row = ws.Column(3).CellsUsed().Single(c => c.GetString() == person.Name).Address.RowNumber;
        Assert.Equal(signed.Number, ws.Cell(row, header.Address.ColumnNumber).GetString());
        var dutyDay = ws.Row(row).Cells(AttendanceRecapReport.FirstDayColumn, header.Address.ColumnNumber - 1).Count(c => c.GetString() == "DL");
        Assert.True(dutyDay > 0);
        // A letter is named only beside a row that has DL days; the totals row names none.
        var named = ws.Column(header.Address.ColumnNumber).CellsUsed().Where(c => c.Address.RowNumber > SheetPlan.HeaderRow).ToList();
        Assert.All(named, c => Assert.Contains(ws.Row(c.Address.RowNumber).Cells(AttendanceRecapReport.FirstDayColumn, header.Address.ColumnNumber - 1),
            day => day.GetString() == "DL"));
    }

    [Fact]
    public async Task RecordingTheSameLetterAgainAddsNothing()
    {
        var (staffId, _) = await factory.StaffWithCleanRecordAsync("DISKOMINFO", skip: 2);
        var (signed, from, to) = await SignedSuratTugasAsync(staffId);
        await using var db = factory.CreateDbContext();
        var letter = await db.Set<SignedLetter>().SingleAsync(l => l.Id == signed.SignedLetterId);
        var duty = new DutyAssignment(letter.Id, letter.Number, [staffId, staffId], from, to, "Atambua", "Pendampingan",
            letter.SignerEmployeeId, letter.SignerEmployeeId, null, letter.SignedAtUtc);

        var added = await LetterDutyDays.RecordAsync(db, factory.Services.GetRequiredService<AttendanceEngine>(), duty);

        Assert.Equal(0, added);
        Assert.Equal(1, await db.AttendanceRequests.CountAsync(r => r.SignedLetterId == letter.Id && r.EmployeeId == staffId));
    }
}
