namespace Belu.Portal.Features.ElectronicLetters.Domain;

/// <summary>The words the pages use for a draft's kind, state and history.</summary>
public static class DraftLabels
{
    public static string Label(this ElectronicLetterKind kind) => kind switch
    {
        ElectronicLetterKind.SuratDinas => "Surat Dinas",
        ElectronicLetterKind.NotaDinas => "Nota Dinas",
        ElectronicLetterKind.SuratUndangan => "Surat Undangan",
        ElectronicLetterKind.SuratTugas => "Surat Tugas",
        ElectronicLetterKind.SuratEdaran => "Surat Edaran",
        _ => kind.ToString(),
    };

    public static string Describe(this ElectronicLetterKind kind) => kind switch
    {
        ElectronicLetterKind.SuratDinas => "Surat resmi kepada instansi atau pihak di luar unit.",
        ElectronicLetterKind.NotaDinas => "Naskah antarunit di lingkungan Pemerintah Kabupaten.",
        ElectronicLetterKind.SuratUndangan => "Undangan rapat atau acara: hari, waktu, tempat dan acara.",
        ElectronicLetterKind.SuratTugas => "Penugasan pegawai: nama dan NIP, tanggal, tempat dan keperluan.",
        ElectronicLetterKind.SuratEdaran => "Pemberitahuan atau petunjuk kepada banyak pihak.",
        _ => "",
    };

    public static string Label(this DraftStatus status) => status switch
    {
        DraftStatus.Konsep => "Konsep",
        DraftStatus.Verifikasi => "Verifikasi",
        DraftStatus.Dikembalikan => "Dikembalikan",
        DraftStatus.MenungguTandaTangan => "Menunggu tanda tangan",
        DraftStatus.Dibatalkan => "Dibatalkan",
        DraftStatus.Ditandatangani => "Ditandatangani",
        _ => status.ToString(),
    };

    public static string Label(this DraftStepState state) => state switch
    {
        DraftStepState.Menunggu => "Menunggu",
        DraftStepState.Diparaf => "Diparaf",
        DraftStepState.Dikembalikan => "Dikembalikan",
        _ => state.ToString(),
    };

    public static string Label(this DraftStepRole role) => role == DraftStepRole.Penandatangan ? "Penandatangan" : "Verifikator";

    public static string Label(this DraftAction action) => action switch
    {
        DraftAction.Dibuat => "Konsep dibuat",
        DraftAction.RantaiDiubah => "Rantai verifikasi diubah",
        DraftAction.Dikirim => "Dikirim untuk verifikasi",
        DraftAction.Diparaf => "Diparaf",
        DraftAction.DiubahVerifikator => "Diubah oleh verifikator",
        DraftAction.Dikembalikan => "Dikembalikan dengan catatan",
        DraftAction.Dibatalkan => "Dibatalkan",
        DraftAction.Ditandatangani => "Ditandatangani dan diberi nomor",
        _ => action.ToString(),
    };

    public static string Label(this SignedLetterStatus status) => status switch
    {
        SignedLetterStatus.Sah => "Sah",
        SignedLetterStatus.Dicabut => "Dicabut",
        SignedLetterStatus.Diganti => "Diganti",
        _ => status.ToString(),
    };

    public static string Label(this PaperSize paper) => paper == PaperSize.F4 ? "F4 / folio (215 × 330 mm)" : "A4 (210 × 297 mm)";
}
