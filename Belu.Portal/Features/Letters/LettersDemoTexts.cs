namespace Belu.Portal.Features.Letters;

/// <summary>The words of the demo register: senders, subjects, summaries, classification codes and follow-up reports.</summary>
internal static class LettersDemoTexts
{
    public static readonly string[] Senders =
    [
        "Sekretariat Daerah Kabupaten Belu", "Dinas Komunikasi dan Informatika Provinsi NTT", "Kementerian Komunikasi dan Digital",
        "Badan Siber dan Sandi Negara", "BPS Kabupaten Belu", "Badan Kepegawaian Negara Kantor Regional X", "Camat Kota Atambua",
        "Bappeda Kabupaten Belu", "Kepolisian Resor Belu", "Komando Distrik Militer 1605/Belu", "RSUD Mgr. Gabriel Manek, SVD Atambua",
        "KPU Kabupaten Belu", "Bawaslu Kabupaten Belu", "PT Telkom Indonesia Witel NTT", "Universitas Timor", "Inspektorat Daerah Kabupaten Belu",
        "BPKAD Kabupaten Belu", "Dinas Pendidikan dan Kebudayaan Kabupaten Belu", "Dinas Kesehatan Kabupaten Belu", "Pos Lintas Batas Negara Motaain",
        "Ombudsman RI Perwakilan NTT", "Komisi Informasi Provinsi NTT", "Gereja Katedral Nossa Senhora de Fatima Atambua", "Bank NTT Cabang Atambua",
    ];

    public static readonly string[] Subjects =
    [
        "Undangan Rapat Koordinasi Sistem Pemerintahan Berbasis Elektronik (SPBE)", "Permohonan Data Statistik Sektoral Tahun Berjalan",
        "Penyampaian Jadwal Pemeliharaan Jaringan Fiber Optik", "Permintaan Narasumber Literasi Digital bagi Pelajar",
        "Undangan Bimbingan Teknis Keamanan Informasi", "Permohonan Peliputan dan Publikasi Kegiatan Pelayanan Publik",
        "Penyampaian Laporan Evaluasi Indeks SPBE", "Pemberitahuan Pelaksanaan Survei Kepuasan Masyarakat",
        "Permohonan Pembuatan Subdomain belukab.go.id", "Undangan Sosialisasi Satu Data Indonesia", "Permohonan Sertifikat Elektronik bagi Pejabat",
        "Penyampaian Hasil Uji Kerentanan Aplikasi", "Permohonan Dukungan Jaringan Internet Kegiatan Perbatasan", "Undangan Focus Group Discussion Smart City",
        "Permohonan Penayangan Informasi pada Videotron Kota", "Pemberitahuan Perubahan Tarif Layanan Internet", "Permintaan Data Menara Telekomunikasi",
        "Undangan Rapat Persiapan Hari Ulang Tahun Kabupaten", "Penyampaian Daftar Informasi Publik", "Permohonan Integrasi Aplikasi Kepegawaian",
        "Laporan Insiden Siber pada Laman Perangkat Daerah", "Permohonan Pendampingan Penyusunan Arsitektur SPBE", "Undangan Pelatihan Pengelola PPID",
        "Pemberitahuan Kunjungan Kerja Tim Provinsi", "Permohonan Dokumentasi Kegiatan Festival Budaya Perbatasan",
    ];

    public static readonly string[] Summaries =
    [
        "Mohon kehadiran pejabat terkait dan membawa data pendukung.", "Mohon ditindaklanjuti sesuai ketentuan dan dilaporkan hasilnya.",
        "Sebagai bahan penyusunan laporan tahunan pemerintah daerah.", "Kegiatan dilaksanakan di Aula Setda Kabupaten Belu.",
        "Mohon menunjuk petugas penghubung dan menyampaikan namanya.", "Data disampaikan dalam format elektronik paling lambat akhir bulan.",
    ];

    public static readonly string[] Classifications = ["000.1.2.3", "000.5.2", "005", "045.2", "100.3.1", "400.14.1", "500.12.1", "800.1.2.2", "027", "041.1"];

    public static readonly string[] Reports =
    [
        "Sudah dihadiri dan hasil rapat dilaporkan secara tertulis.", "Data yang diminta sudah dikirim melalui surel dinas.",
        "Sudah dikoordinasikan dengan bidang terkait; jadwal disepakati.", "Petugas sudah ditunjuk dan namanya disampaikan kepada pengirim.",
        "Jawaban surat sudah disiapkan dan ditandatangani pimpinan.", "Kegiatan sudah diliput dan dipublikasikan di laman resmi.",
    ];
}
