namespace Belu.Portal.Features.Letters.Domain;

/// <summary>Sifat naskah: how widely a letter may be read.</summary>
public enum SecurityClass
{
    Biasa = 0,
    Terbatas = 1,
    Rahasia = 2,
    SangatRahasia = 3,
}

/// <summary>Tingkat urgensi.</summary>
public enum Urgency
{
    Biasa = 0,
    Segera = 1,
    SangatSegera = 2,
}

/// <summary>A disposition moves Baru → Dibaca → Diproses → Selesai; Dibatalkan only while still Baru.</summary>
public enum DispositionStatus
{
    Baru = 0,
    Dibaca = 1,
    Diproses = 2,
    Selesai = 3,
    Dibatalkan = 4,
}

/// <summary>
/// A letter's state (status surat), derived from its disposition tree, never set by hand. The letter stores the
/// time-independent part (<c>IncomingLetter.Progress</c>, never <see cref="Terlambat"/>) so lists filter and sort by
/// it; Terlambat is worked out against today from the earliest open deadline.
/// </summary>
public enum LetterState
{
    BelumDidisposisi = 0,
    DalamProses = 1,
    Selesai = 2,
    Terlambat = 3,
}

/// <summary>What a line of the letter's track (lacak surat) records.</summary>
public enum TrackKind
{
    Registered = 0,
    Disposed = 1,
    Forwarded = 2,
    Read = 3,
    Processing = 4,
    Finished = 5,
    Cancelled = 6,
    CopyRead = 7,
    DeadlinePassed = 8,
    Opened = 9,
    Srikandi = 10,
}

public static class LetterLabels
{
    public static string Label(this SecurityClass value) => value switch
    {
        SecurityClass.Biasa => "Biasa",
        SecurityClass.Terbatas => "Terbatas",
        SecurityClass.Rahasia => "Rahasia",
        SecurityClass.SangatRahasia => "Sangat Rahasia",
        _ => value.ToString(),
    };

    /// <summary>Rahasia and Sangat Rahasia: only the addressees and the people it was disposed to may read it.</summary>
    public static bool IsSecret(this SecurityClass value) => value >= SecurityClass.Rahasia;

    public static string Label(this Urgency value) => value switch
    {
        Urgency.Biasa => "Biasa",
        Urgency.Segera => "Segera",
        Urgency.SangatSegera => "Sangat Segera",
        _ => value.ToString(),
    };

    public static string Label(this DispositionStatus value) => value switch
    {
        DispositionStatus.Baru => "Baru",
        DispositionStatus.Dibaca => "Dibaca",
        DispositionStatus.Diproses => "Diproses",
        DispositionStatus.Selesai => "Selesai",
        DispositionStatus.Dibatalkan => "Dibatalkan",
        _ => value.ToString(),
    };

    public static string Label(this LetterState value) => value switch
    {
        LetterState.BelumDidisposisi => "Belum didisposisi",
        LetterState.DalamProses => "Dalam proses",
        LetterState.Selesai => "Selesai",
        LetterState.Terlambat => "Terlambat",
        _ => value.ToString(),
    };
}
