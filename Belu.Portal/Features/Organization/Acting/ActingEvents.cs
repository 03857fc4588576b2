using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Features.Organization.Acting;

/// <summary>An acting official was appointed: told to him and to the official he replaces.</summary>
public sealed record ActingAppointedEvent(string Capacity, string ActingName, DateOnly From, DateOnly To) : PortalEvent
{
    public override string Summary => $"{ActingName} ditunjuk sebagai {Capacity} pada {From:dd/MM/yyyy} s.d. {To:dd/MM/yyyy}";

    public override bool ShowOnBoard => false;

    public override bool ReachesActingOfficial => false;

    public override string? Link => "/";
}

/// <summary>An appointment was cancelled before or during its range.</summary>
public sealed record ActingCancelledEvent(string Capacity, string ActingName, DateOnly From, DateOnly To) : PortalEvent
{
    public override string Summary => $"Penunjukan {ActingName} sebagai {Capacity} ({From:dd/MM/yyyy} s.d. {To:dd/MM/yyyy}) dibatalkan";

    public override bool ShowOnBoard => false;

    public override bool ReachesActingOfficial => false;

    public override string? Link => "/";
}

/// <summary>The range ended: what is still open in the post comes back to its official.</summary>
public sealed record ActingEndedEvent(string Capacity, string ActingName, int OpenItems) : PortalEvent
{
    public override string Summary => OpenItems == 0
        ? $"Masa {Capacity} oleh {ActingName} berakhir; semua yang dilakukan atas nama jabatan Anda tercatat di lacak surat dan permohonan"
        : $"Masa {Capacity} oleh {ActingName} berakhir; {OpenItems} urusan yang masih terbuka kembali kepada Anda";

    public override bool ShowOnBoard => false;

    public override bool ReachesActingOfficial => false;

    public override string? Link => "/";
}
