using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Attendance.Admin.Pages;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Devices.Commands;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Components;

/// <summary>The machine page's pieces: the command history and what the machine said of itself.</summary>
public class MachineCommandComponentsTests
{
    private static readonly DateTime At = new(2026, 11, 26, 23, 45, 0, DateTimeKind.Utc);

    private static MudContext Context()
    {
        var ctx = new MudContext();
        ctx.Services.AddSingleton(new OfficeClock(new FakeTimeProvider(At), Options.Create(new OfficeOptions())));
        return ctx;
    }

    [Fact]
    public async Task TheHistoryShowsEachCommandsStateAndTheMachinesReturnCode()
    {
        await using var ctx = Context();
        var device = Guid.CreateVersion7();
        var cut = ctx.Render<MachineCommandHistory>(p => p.Add(x => x.Commands,
        [
            new MachineCommandRow(3, MachineCommandKind.PutUser, "PIN 1234 — Budi", MachineCommandState.Gagal, -1002, At, "admin", At, At, device, "Mesin"),
            new MachineCommandRow(2, MachineCommandKind.SetClock, "Jam server (WITA)", MachineCommandState.Terkirim, null, At, "admin", At, null, device, "Mesin"),
            new MachineCommandRow(1, MachineCommandKind.Reboot, "Nyalakan ulang", MachineCommandState.Antre, null, At, "admin", null, null, device, "Mesin"),
        ]));
        var rows = cut.FindAll("[data-testid=machine-commands] tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("Tambah pegawai ke mesin", rows[0].TextContent);
        Assert.Contains("kode -1002", rows[0].TextContent);
        Assert.Equal(["Gagal", "Terkirim", "Antre"], cut.FindAll("[data-testid=command-state]").Select(c => c.TextContent.Trim()));
        Assert.Contains("27 Nov 2026 07:45", rows[0].TextContent);
    }

    [Fact]
    public async Task ACommandNeverAnsweredSaysSoAndAFailedOneMayBeQueuedAgain()
    {
        await using var ctx = Context();
        var device = Guid.CreateVersion7();
        MachineCommandRow? queued = null;
        var cut = ctx.Render<MachineCommandHistory>(p => p
            .Add(x => x.Commands,
            [
                new MachineCommandRow(5, MachineCommandKind.Reboot, "Nyalakan ulang", MachineCommandState.Gagal, null, At, "admin", At, null, device, "Mesin"),
                new MachineCommandRow(4, MachineCommandKind.Info, "Info mesin", MachineCommandState.Selesai, 0, At, "admin", At, At, device, "Mesin"),
            ])
            .Add(x => x.QueueAgain, (MachineCommandRow row) => queued = row));
        Assert.Equal("tidak dijawab mesin", cut.Find("[data-testid=command-unanswered]").TextContent.Trim());
        var again = Assert.Single(cut.FindAll("[data-testid=command-queue-again]"));
        again.Click();
        Assert.Equal(5, queued?.Id);

        // Without a handler (the employee's page, a read-only view) there is no button.
        cut = ctx.Render<MachineCommandHistory>(p => p.Add(x => x.Commands,
            [new MachineCommandRow(5, MachineCommandKind.Reboot, "Nyalakan ulang", MachineCommandState.Gagal, null, At, "admin", At, null, device, "Mesin")]));
        Assert.Empty(cut.FindAll("[data-testid=command-queue-again]"));
    }

    [Fact]
    public async Task AnEmptyHistorySaysSo()
    {
        await using var ctx = Context();
        var cut = ctx.Render<MachineCommandHistory>(p => p.Add(x => x.Commands, []));
        Assert.Contains("Belum ada perintah untuk mesin ini.", cut.Markup);
    }

    [Fact]
    public async Task AMachineThatTakesNoCommandsOffersNoButtonsAndADriftingClockIsShown()
    {
        await using var ctx = Context();
        // Never called here: the panel only needs it to render.
        ctx.Services.AddSingleton(new QueueMachineCommand(null!, null!, null!, null!, null!));
        var revoked = new MachineView(Guid.CreateVersion7(), "Mesin Aula", "ZK1", MachineApproval.Disetujui, false, At, "10.0.0.5",
            "Ver 6.60", 57, 112, 20412, At, -185, At, true);
        var cut = ctx.Render<MachineCommandPanel>(p => p.Add(x => x.Machine, revoked));
        Assert.Empty(cut.FindAll("[data-testid=machine-set-clock]"));
        Assert.Contains("tidak ada perintah yang dikirim", cut.Markup);
        Assert.Contains("lebih lambat 3 menit 5 detik", cut.Find("[data-testid=machine-clock]").TextContent);
        Assert.Contains("57 / 112 / 20.412", cut.Find("[data-testid=machine-counts]").TextContent);

        var approved = revoked with { IsActive = true };
        cut = ctx.Render<MachineCommandPanel>(p => p.Add(x => x.Machine, approved));
        Assert.NotNull(cut.Find("[data-testid=machine-set-clock]"));
        Assert.NotNull(cut.Find("[data-testid=machine-fetch]"));
    }
}
