using Belu.Portal.Features.Organization;

namespace Belu.Portal.Data.Seed;

/// <summary>The organisation of Pemerintah Kabupaten Belu as the demo knows it: OPD, kecamatan, and their bidang/bagian.</summary>
internal static class BeluOrganization
{
    public sealed record OpdSeed(string Code, string Name, UnitKind Kind, string HeadTitle, string[] Subunits, int StaffPerSubunit);

    public const string RootCode = "PEMKAB";
    public const string RootName = "Pemerintah Kabupaten Belu";

    public static readonly OpdSeed[] Opds =
    [
        new("SETDA", "Sekretariat Daerah", UnitKind.Opd, "Sekretaris Daerah",
            ["Bagian Pemerintahan", "Bagian Hukum", "Bagian Organisasi", "Bagian Umum", "Bagian Perekonomian dan Sumber Daya Alam", "Bagian Protokol dan Komunikasi Pimpinan"], 3),
        new("SETWAN", "Sekretariat DPRD", UnitKind.Opd, "Sekretaris DPRD", ["Bagian Umum dan Keuangan", "Bagian Persidangan dan Perundang-undangan"], 3),
        new("INSPEKTORAT", "Inspektorat Daerah", UnitKind.Opd, "Inspektur", ["Sekretariat", "Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II"], 3),
        new("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", UnitKind.Opd, "Kepala Badan", ["Sekretariat", "Bidang Perencanaan Pemerintahan dan Pembangunan Manusia", "Bidang Perekonomian, Infrastruktur dan Kewilayahan"], 3),
        new("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", UnitKind.Opd, "Kepala Badan", ["Sekretariat", "Bidang Mutasi dan Promosi", "Bidang Pengembangan Kompetensi Aparatur", "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian"], 3),
        new("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", UnitKind.Opd, "Kepala Badan", ["Sekretariat", "Bidang Anggaran", "Bidang Perbendaharaan", "Bidang Akuntansi dan Aset"], 3),
        new("BAPENDA", "Badan Pendapatan Daerah", UnitKind.Opd, "Kepala Badan", ["Sekretariat", "Bidang Pendataan dan Penetapan", "Bidang Penagihan"], 2),
        new("BPBD", "Badan Penanggulangan Bencana Daerah", UnitKind.Opd, "Kepala Pelaksana", ["Sekretariat", "Bidang Kedaruratan dan Logistik"], 2),
        new("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", UnitKind.Opd, "Kepala Badan", ["Sekretariat", "Bidang Politik Dalam Negeri"], 2),
        new("DISKOMINFO", "Dinas Komunikasi dan Informatika", UnitKind.Opd, "Kepala Dinas", ["Sekretariat", "Bidang Informasi dan Komunikasi Publik", "Bidang Aplikasi Informatika", "Bidang Persandian dan Statistik"], 4),
        new("DIKBUD", "Dinas Pendidikan dan Kebudayaan", UnitKind.Opd, "Kepala Dinas", ["Sekretariat", "Bidang Pembinaan Sekolah Dasar", "Bidang Pembinaan Sekolah Menengah Pertama", "Bidang Kebudayaan"], 3),
        new("DINKES", "Dinas Kesehatan", UnitKind.Opd, "Kepala Dinas", ["Sekretariat", "Bidang Kesehatan Masyarakat", "Bidang Pencegahan dan Pengendalian Penyakit", "Bidang Pelayanan dan Sumber Daya Kesehatan"], 3),
        new("PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", UnitKind.Opd, "Kepala Dinas", ["Sekretariat", "Bidang Bina Marga", "Bidang Sumber Daya Air"], 3),
        new("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", UnitKind.Opd, "Kepala Dinas", ["Sekretariat", "Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pelayanan Pencatatan Sipil"], 3),
        new("DINSOS", "Dinas Sosial", UnitKind.Opd, "Kepala Dinas", ["Sekretariat", "Bidang Perlindungan dan Jaminan Sosial"], 2),
        new("DISTANKP", "Dinas Pertanian dan Ketahanan Pangan", UnitKind.Opd, "Kepala Dinas", ["Sekretariat", "Bidang Tanaman Pangan dan Hortikultura", "Bidang Ketahanan Pangan"], 2),
        new("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", UnitKind.Opd, "Kepala Dinas", ["Sekretariat", "Bidang Pelayanan Perizinan"], 2),
        new("DISHUB", "Dinas Perhubungan", UnitKind.Opd, "Kepala Dinas", ["Sekretariat", "Bidang Lalu Lintas dan Angkutan"], 2),
        new("SATPOLPP", "Satuan Polisi Pamong Praja", UnitKind.Opd, "Kepala Satuan", ["Sekretariat", "Bidang Penegakan Peraturan Daerah"], 2),
        new("KEC-KOTA", "Kecamatan Kota Atambua", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan", "Seksi Pemerintahan"], 2),
        new("KEC-ATBAR", "Kecamatan Atambua Barat", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
        new("KEC-ATSEL", "Kecamatan Atambua Selatan", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
        new("KEC-TASBAR", "Kecamatan Tasifeto Barat", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
        new("KEC-TASTIM", "Kecamatan Tasifeto Timur", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
        new("KEC-KAKMES", "Kecamatan Kakuluk Mesak", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
        new("KEC-RAIHAT", "Kecamatan Raihat", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
        new("KEC-LASIOLAT", "Kecamatan Lasiolat", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
        new("KEC-LAMAKNEN", "Kecamatan Lamaknen", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
        new("KEC-LAMSEL", "Kecamatan Lamaknen Selatan", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
        new("KEC-NANAET", "Kecamatan Nanaet Duabesi", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
        new("KEC-RAIMANUK", "Kecamatan Raimanuk", UnitKind.Kecamatan, "Camat", ["Sekretariat Kecamatan"], 2),
    ];

    /// <summary>Staff positions (jabatan fungsional and pelaksana) used across units.</summary>
    public static readonly string[] StaffPositions =
    [
        "Analis Kebijakan Ahli Muda", "Analis Kebijakan Ahli Pertama", "Pranata Komputer Ahli Pertama", "Pranata Komputer Terampil",
        "Arsiparis Ahli Pertama", "Arsiparis Terampil", "Pengadministrasi Perkantoran", "Penata Layanan Operasional",
        "Pengelola Layanan Operasional", "Analis Keuangan Pusat dan Daerah", "Pranata Keuangan APBN/APBD", "Perencana Ahli Pertama",
        "Analis Sumber Daya Manusia Aparatur", "Pengolah Data dan Informasi", "Operator Layanan Operasional", "Penelaah Teknis Kebijakan",
    ];

    /// <summary>Positions specific to Dinas Kominfo's bidang, so the demo accounts read naturally.</summary>
    public static readonly string[] KominfoPositions =
    [
        "Pranata Komputer Ahli Muda", "Pranata Hubungan Masyarakat Ahli Pertama", "Sandiman Ahli Pertama", "Statistisi Ahli Pertama",
        "Penata Kelola Sistem dan Teknologi Informasi", "Pranata Komputer Ahli Pertama",
    ];

    /// <summary>"Bidang Aplikasi Informatika" → "BID-APLIKASI-INFORMATIKA"-like code, unique within the OPD.</summary>
    public static string SubunitCode(string opdCode, int index) => $"{opdCode}-{index + 1:00}";

    public static string SubunitHeadTitle(string subunit) => subunit switch
    {
        "Sekretariat" => "Sekretaris",
        "Sekretariat Kecamatan" => "Sekretaris Camat",
        _ when subunit.StartsWith("Bagian ", StringComparison.Ordinal) => "Kepala " + subunit,
        _ when subunit.StartsWith("Bidang ", StringComparison.Ordinal) => "Kepala " + subunit,
        _ when subunit.StartsWith("Seksi ", StringComparison.Ordinal) => "Kepala " + subunit,
        _ => subunit,
    };

    public static UnitKind SubunitKind(string subunit) =>
        subunit.StartsWith("Bidang ", StringComparison.Ordinal) ? UnitKind.Bidang : UnitKind.Bagian;
}
