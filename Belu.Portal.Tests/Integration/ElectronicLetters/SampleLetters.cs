using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>Letters as the drafting side would hand them to the renderer.</summary>
internal static class SampleLetters
{
    public static readonly Letterhead Kop = new(
        "Pemerintah Kabupaten Belu",
        "Dinas Komunikasi dan Informatika",
        "Jalan Jenderal Sudirman No. 1, Atambua 85711",
        "Telepon (0389) 21001, Pos-el diskominfo@belukab.go.id",
        EmblemPng: null);

    public static readonly SignatureBlock Signer = new(
        "Kepala Dinas Komunikasi dan Informatika, Persandian dan Statistik", "Yohanes Bria, S.Kom., M.Si.",
        "Pembina Tingkat I (IV/b)", "197805122005011003");

    public static LetterDocument SuratDinas(int paragraphs = 2, string? verificationUrl = null) => new(
        ElectronicLetterKind.SuratDinas,
        PaperSize.A4,
        Kop,
        "Atambua",
        new DateOnly(2026, 12, 2),
        "000.1.2/123/KOMINFO/2026",
        SecurityClass.Biasa,
        Urgency.Segera,
        "1 (satu) berkas",
        "Undangan Rapat Koordinasi Jaringan Intra Pemerintah",
        ["Kepala Badan Perencanaan Pembangunan Daerah Kabupaten Belu"],
        [
            .. Enumerable.Range(1, paragraphs).Select(i => new Paragraph(
                $"Paragraf {i}. Dalam rangka penyelenggaraan sistem pemerintahan berbasis elektronik di lingkungan Pemerintah " +
                "Kabupaten Belu, dengan ini kami sampaikan bahwa jaringan intra pemerintah akan diperluas ke seluruh perangkat " +
                "daerah dan kecamatan, sehingga setiap unit kerja dapat bertukar naskah dinas secara elektronik tanpa mencetak.")),
            new NumberedList(["Hari dan tanggal: Senin, 7 Desember 2026, pukul 09.00 WITA sampai dengan selesai;", "Tempat: Aula Kantor Bupati Belu."]),
            new SimpleTable(["No", "Nama", "Jabatan"], [["1", "Maria Goreti Seran", "Pranata Komputer Ahli Muda pada Bidang Aplikasi Informatika"], ["2", "Agustinus Mali", "Analis Jaringan"]]),
            new Paragraph("Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih."),
        ],
        Signer,
        ["Bupati Belu (sebagai laporan)", "Sekretaris Daerah Kabupaten Belu"],
        verificationUrl);
}
