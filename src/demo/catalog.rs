//! Names for the synthetic city: offices of Kota Bekasi, their sectors, programs, Renstra goals
//! and indicator templates. Program names follow the nomenclature of Permendagri 90/2019 where
//! there is one; the figures are invented (see `super`).

/// What kind of office, which decides its head, its units, its size and its budget scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Dinas,
    Badan,
    /// Inspektorat, Satpol PP, secretariats, RSUD: a head with its own title.
    Other(&'static str),
    Kecamatan,
    Kelurahan,
    Uptd,
}

impl Kind {
    pub fn head(self) -> &'static str {
        match self {
            Kind::Dinas => "Kepala Dinas",
            Kind::Badan => "Kepala Badan",
            Kind::Other(title) => title,
            Kind::Kecamatan => "Camat",
            Kind::Kelurahan => "Lurah",
            Kind::Uptd => "Kepala UPTD",
        }
    }
}

/// An indicator template: values in hundredths; `bound` is the ceiling of a higher-is-better
/// indicator and the floor of a lower-is-better one.
#[derive(Clone, Copy, Debug)]
pub struct IkuTemplate {
    pub name: &'static str,
    pub satuan: &'static str,
    pub lower: bool,
    pub start: (i64, i64),
    pub step: i64,
    pub bound: i64,
}

const fn h(name: &'static str, satuan: &'static str, start: (i64, i64), step: i64, max: i64) -> IkuTemplate {
    IkuTemplate { name, satuan, lower: false, start, step, bound: max }
}
const fn l(name: &'static str, satuan: &'static str, start: (i64, i64), step: i64, min: i64) -> IkuTemplate {
    IkuTemplate { name, satuan, lower: true, start, step, bound: min }
}

/// A field of government work: its programs (name, object of its kegiatan), goals and indicators.
#[derive(Debug)]
pub struct Sector {
    /// The field in a phrase, for strategies (`layanan pendidikan`).
    pub noun: &'static str,
    pub programs: &'static [(&'static str, &'static str)],
    /// Tujuan with their sasaran.
    pub tujuan: &'static [(&'static str, &'static [&'static str])],
    /// At least one lower-is-better template each.
    pub ikus: &'static [IkuTemplate],
    pub divisions: &'static [&'static str],
}

pub const PENUNJANG: &str = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota";

/// The kegiatan and sub-kegiatan every office has under the support program.
pub const PENUNJANG_KEGIATAN: &[(&str, &[&str])] = &[
    (
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        &[
            "Penyusunan Dokumen Perencanaan Perangkat Daerah",
            "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
            "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD",
            "Koordinasi dan Penyusunan DPA-SKPD",
            "Evaluasi Kinerja Perangkat Daerah",
            "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
        ],
    ),
    (
        "Administrasi Keuangan Perangkat Daerah",
        &[
            GAJI,
            "Penyediaan Administrasi Pelaksanaan Tugas ASN",
            "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
            "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
            "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD",
        ],
    ),
    (
        "Administrasi Barang Milik Daerah pada Perangkat Daerah",
        &[
            "Penatausahaan Barang Milik Daerah pada SKPD",
            "Pembinaan, Pengawasan, dan Pengendalian Barang Milik Daerah pada SKPD",
        ],
    ),
    (
        "Administrasi Kepegawaian Perangkat Daerah",
        &[
            "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya",
            "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
            "Sosialisasi Peraturan Perundang-Undangan",
            "Bimbingan Teknis Implementasi Peraturan Perundang-Undangan",
        ],
    ),
    (
        "Administrasi Umum Perangkat Daerah",
        &[
            "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
            "Penyediaan Peralatan Rumah Tangga",
            "Penyediaan Bahan Logistik Kantor",
            "Penyediaan Barang Cetakan dan Penggandaan",
            "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan",
            "Fasilitasi Kunjungan Tamu",
            "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
            "Penatausahaan Arsip Dinamis pada SKPD",
        ],
    ),
    (
        "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
        &[
            "Pengadaan Kendaraan Dinas Operasional atau Lapangan",
            "Pengadaan Mebel",
            "Pengadaan Peralatan dan Mesin Lainnya",
            "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya",
        ],
    ),
    (
        "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
        &[
            "Penyediaan Jasa Surat Menyurat",
            "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
            "Penyediaan Jasa Pelayanan Umum Kantor",
        ],
    ),
    (
        "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
        &[
            "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan",
            "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas Operasional atau Lapangan",
            "Pemeliharaan Peralatan dan Mesin Lainnya",
            "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
        ],
    ),
];

/// The salary line: the largest sub-kegiatan of most offices.
pub const GAJI: &str = "Penyediaan Gaji dan Tunjangan ASN";

/// Programs any office may run besides those of its field, to reach the program count.
pub const COMMON_PROGRAMS: &[(&str, &str)] = &[
    ("Program Pengelolaan Data dan Sistem Informasi Sektoral", "Data dan Sistem Informasi Sektoral"),
    ("Program Peningkatan Kualitas Pelayanan Publik", "Pelayanan Publik"),
    ("Program Pengembangan Kapasitas Sumber Daya Aparatur", "Kapasitas Sumber Daya Aparatur"),
    ("Program Koordinasi dan Kemitraan Pembangunan", "Kemitraan Pembangunan"),
    ("Program Pengawasan dan Pengendalian Internal", "Pengendalian Internal"),
    ("Program Pengelolaan Pengaduan Masyarakat", "Pengaduan Masyarakat"),
    ("Program Inovasi Pelayanan Daerah", "Inovasi Pelayanan"),
    ("Program Penguatan Reformasi Birokrasi", "Reformasi Birokrasi"),
    ("Program Publikasi dan Komunikasi Publik", "Komunikasi Publik"),
    ("Program Pengelolaan Kearsipan Dinamis", "Kearsipan Dinamis"),
    ("Program Peningkatan Sarana dan Prasarana Aparatur", "Sarana dan Prasarana Aparatur"),
    ("Program Pengembangan Sistem Pelaporan Capaian Kinerja", "Pelaporan Capaian Kinerja"),
    ("Program Fasilitasi Partisipasi Masyarakat", "Partisipasi Masyarakat"),
    ("Program Penataan Kelembagaan dan Ketatalaksanaan", "Kelembagaan dan Ketatalaksanaan"),
];

/// Indicators any office may measure besides those of its field.
pub const COMMON_IKUS: &[IkuTemplate] = &[
    h("Indeks Kepuasan Masyarakat", "Nilai", (7600, 8400), 50, 10000),
    h("Persentase Rekomendasi Hasil Pemeriksaan yang Ditindaklanjuti", "%", (7000, 9000), 200, 10000),
    l("Persentase Pengaduan Masyarakat yang Belum Terselesaikan", "%", (800, 1500), 100, 100),
    h("Nilai Maturitas SPIP", "Level", (250, 320), 10, 500),
    h("Indeks Profesionalitas ASN", "Nilai", (6000, 7200), 150, 10000),
];

/// Kegiatan name patterns for generated kegiatan: the program's object follows.
pub const KEGIATAN_PATTERNS: &[&str] = &[
    "Pengelolaan",
    "Penyediaan Sarana dan Prasarana",
    "Peningkatan Mutu Layanan",
    "Pembinaan dan Pengawasan",
    "Penyusunan Kebijakan dan Perencanaan",
    "Pengembangan Kapasitas Kelembagaan",
    "Penyelenggaraan Layanan",
    "Koordinasi dan Sinkronisasi",
    "Pendataan dan Sistem Informasi",
    "Pemantauan dan Evaluasi",
    "Pemberdayaan Masyarakat Bidang",
    "Fasilitasi dan Kemitraan",
];

/// Sub-kegiatan name patterns: the program's object follows.
pub const SUB_PATTERNS: &[&str] = &[
    "Penyusunan Dokumen Perencanaan",
    "Pengadaan Peralatan Pendukung",
    "Pemeliharaan Sarana dan Prasarana",
    "Pembangunan dan Rehabilitasi Prasarana",
    "Sosialisasi dan Penyuluhan",
    "Pelatihan dan Bimbingan Teknis",
    "Pendampingan dan Fasilitasi",
    "Pendataan dan Verifikasi",
    "Monitoring dan Evaluasi",
    "Koordinasi Lintas Sektor",
    "Penyediaan Jasa Pendukung",
    "Penyelenggaraan Forum Partisipasi Masyarakat",
];

pub const STREETS: &[&str] = &[
    "Jl. Jend. Ahmad Yani",
    "Jl. Pramuka",
    "Jl. Ir. H. Juanda",
    "Jl. Chairil Anwar",
    "Jl. KH. Noer Ali",
    "Jl. Cut Meutia",
    "Jl. Sersan Aswan",
    "Jl. Pekayon Raya",
    "Jl. Raya Narogong",
    "Jl. Jatiwaringin Raya",
    "Jl. Kranggan Raya",
    "Jl. Sultan Agung",
    "Jl. Pahlawan",
    "Jl. Mayor Madmuin Hasibuan",
];

/// The kecamatan of Kota Bekasi with their kelurahan.
pub const KECAMATAN: &[(&str, &[&str])] = &[
    ("Bantargebang", &["Bantargebang", "Cikiwul", "Ciketing Udik", "Sumur Batu"]),
    ("Bekasi Barat", &["Bintara", "Bintara Jaya", "Jakasampurna", "Kota Baru", "Kranji"]),
    ("Bekasi Selatan", &["Jaka Mulya", "Jaka Setia", "Kayuringin Jaya", "Marga Jaya", "Pekayon Jaya"]),
    ("Bekasi Timur", &["Aren Jaya", "Bekasi Jaya", "Duren Jaya", "Margahayu"]),
    ("Bekasi Utara", &["Harapan Baru", "Harapan Jaya", "Kaliabang Tengah", "Marga Mulya", "Perwira", "Teluk Pucung"]),
    ("Jatiasih", &["Jatiasih", "Jatikramat", "Jatiluhur", "Jatimekar", "Jatirasa", "Jatisari"]),
    ("Jatisampurna", &["Jatikarya", "Jatiranggon", "Jatiraden", "Jatirangga", "Jatisampurna"]),
    ("Medan Satria", &["Harapan Mulya", "Kali Baru", "Medan Satria", "Pejuang"]),
    ("Mustikajaya", &["Cimuning", "Mustikajaya", "Mustikasari", "Padurenan"]),
    ("Pondokgede", &["Jatibening", "Jatibening Baru", "Jaticempaka", "Jatimakmur", "Jatiwaringin"]),
    ("Pondok Melati", &["Jatimelati", "Jatimurni", "Jatirahayu", "Jatiwarna"]),
    ("Rawalumbu", &["Bojong Menteng", "Bojong Rawalumbu", "Pengasinan", "Sepanjang Jaya"]),
];

pub fn kelurahan() -> impl Iterator<Item = &'static str> {
    KECAMATAN.iter().flat_map(|(_, kel)| kel.iter().copied())
}

macro_rules! sector {
    ($name:ident, $noun:expr, programs: [$($p:expr),* $(,)?], tujuan: [$($t:expr),* $(,)?], ikus: [$($i:expr),* $(,)?], divisions: [$($d:expr),* $(,)?]) => {
        pub const $name: Sector = Sector {
            noun: $noun,
            programs: &[$($p),*],
            tujuan: &[$($t),*],
            ikus: &[$($i),*],
            divisions: &[$($d),*],
        };
    };
}

sector!(PENDIDIKAN, "layanan pendidikan",
    programs: [
        ("Program Pengelolaan Pendidikan", "Pendidikan"),
        ("Program Pengembangan Kurikulum", "Kurikulum"),
        ("Program Pendidik dan Tenaga Kependidikan", "Pendidik dan Tenaga Kependidikan"),
        ("Program Pengendalian Perizinan Pendidikan", "Perizinan Pendidikan"),
        ("Program Pengembangan Bahasa dan Sastra", "Bahasa dan Sastra"),
        ("Program Pendidikan Anak Usia Dini", "Pendidikan Anak Usia Dini"),
        ("Program Pendidikan Nonformal dan Kesetaraan", "Pendidikan Nonformal dan Kesetaraan"),
    ],
    tujuan: [
        ("Meningkatnya Akses dan Mutu Pendidikan", &["Meningkatnya Partisipasi Pendidikan Dasar", "Meningkatnya Mutu Lulusan Pendidikan Dasar"]),
        ("Meningkatnya Kualitas Tata Kelola Pendidikan", &["Meningkatnya Kompetensi Pendidik dan Tenaga Kependidikan"]),
    ],
    ikus: [
        h("Angka Partisipasi Murni SD/MI", "%", (9400, 9700), 20, 10000),
        h("Angka Partisipasi Murni SMP/MTs", "%", (7800, 8600), 60, 10000),
        h("Rata-rata Lama Sekolah", "Tahun", (1050, 1120), 5, 1600),
        l("Angka Putus Sekolah SD", "%", (10, 30), 2, 1),
        h("Persentase Sekolah Terakreditasi Minimal B", "%", (7000, 8500), 150, 10000),
    ],
    divisions: ["Bidang Pembinaan Sekolah Dasar", "Bidang Pembinaan Sekolah Menengah Pertama", "Bidang Pembinaan PAUD dan Pendidikan Nonformal", "Bidang Pembinaan Ketenagaan"]
);

sector!(KESEHATAN, "layanan kesehatan",
    programs: [
        ("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", "Upaya Kesehatan Masyarakat"),
        ("Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", "Sumber Daya Manusia Kesehatan"),
        ("Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman", "Sediaan Farmasi dan Alat Kesehatan"),
        ("Program Pemberdayaan Masyarakat Bidang Kesehatan", "Promosi Kesehatan"),
        ("Program Pencegahan dan Pengendalian Penyakit", "Pengendalian Penyakit"),
        ("Program Kesehatan Keluarga dan Gizi Masyarakat", "Kesehatan Keluarga dan Gizi"),
        ("Program Pelayanan Kesehatan Rujukan", "Pelayanan Kesehatan Rujukan"),
    ],
    tujuan: [
        ("Meningkatnya Derajat Kesehatan Masyarakat", &["Menurunnya Angka Kesakitan dan Kematian", "Meningkatnya Status Gizi Masyarakat"]),
        ("Meningkatnya Mutu dan Akses Pelayanan Kesehatan", &["Meningkatnya Mutu Pelayanan Kesehatan Dasar dan Rujukan"]),
    ],
    ikus: [
        l("Angka Kematian Ibu", "per 100.000 KH", (6000, 9000), 300, 1000),
        l("Angka Kematian Bayi", "per 1.000 KH", (300, 600), 20, 50),
        l("Prevalensi Stunting pada Balita", "%", (1200, 2000), 100, 300),
        h("Persentase Fasilitas Kesehatan Terakreditasi", "%", (6000, 8000), 300, 10000),
        h("Cakupan Kepesertaan Jaminan Kesehatan", "%", (8500, 9500), 100, 10000),
    ],
    divisions: ["Bidang Kesehatan Masyarakat", "Bidang Pencegahan dan Pengendalian Penyakit", "Bidang Pelayanan Kesehatan", "Bidang Sumber Daya Kesehatan"]
);

sector!(PEKERJAAN_UMUM, "infrastruktur kota",
    programs: [
        ("Program Penyelenggaraan Jalan", "Jalan dan Jembatan"),
        ("Program Pengelolaan Sumber Daya Air", "Sumber Daya Air"),
        ("Program Pengelolaan dan Pengembangan Sistem Drainase", "Sistem Drainase"),
        ("Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum", "Sistem Penyediaan Air Minum"),
        ("Program Pengelolaan dan Pengembangan Sistem Air Limbah", "Sistem Air Limbah"),
        ("Program Pengembangan Jasa Konstruksi", "Jasa Konstruksi"),
    ],
    tujuan: [
        ("Meningkatnya Kualitas Infrastruktur Kota", &["Meningkatnya Kemantapan Jalan Kota", "Berkurangnya Kawasan Rawan Genangan"]),
        ("Meningkatnya Akses Layanan Air Minum dan Sanitasi", &["Meningkatnya Rumah Tangga dengan Akses Air Minum Layak"]),
    ],
    ikus: [
        h("Persentase Panjang Jalan dalam Kondisi Mantap", "%", (7000, 8500), 200, 10000),
        l("Persentase Luas Genangan Banjir", "%", (500, 1500), 50, 100),
        h("Persentase Rumah Tangga dengan Akses Air Minum Layak", "%", (8000, 9200), 100, 10000),
        h("Persentase Saluran Drainase dalam Kondisi Baik", "%", (6000, 7500), 200, 10000),
    ],
    divisions: ["Bidang Jalan dan Jembatan", "Bidang Sumber Daya Air", "Bidang Bina Konstruksi"]
);

sector!(PERMUKIMAN, "penataan ruang dan permukiman",
    programs: [
        ("Program Pengembangan Perumahan", "Perumahan"),
        ("Program Kawasan Permukiman", "Kawasan Permukiman"),
        ("Program Peningkatan Prasarana, Sarana dan Utilitas Umum", "Prasarana, Sarana dan Utilitas Umum"),
        ("Program Penyelenggaraan Penataan Ruang", "Penataan Ruang"),
        ("Program Penataan Bangunan Gedung", "Bangunan Gedung"),
        ("Program Penatausahaan Tanah", "Pertanahan"),
    ],
    tujuan: [
        ("Terwujudnya Permukiman yang Layak Huni", &["Berkurangnya Luas Kawasan Kumuh", "Meningkatnya Penyediaan Prasarana dan Utilitas Umum"]),
        ("Terwujudnya Pemanfaatan Ruang yang Tertib", &["Meningkatnya Kesesuaian Pemanfaatan Ruang"]),
    ],
    ikus: [
        l("Persentase Luas Kawasan Kumuh", "%", (200, 800), 40, 20),
        h("Persentase Prasarana, Sarana dan Utilitas Perumahan yang Diserahkan", "%", (3000, 5000), 300, 10000),
        h("Persentase Bangunan Gedung Ber-PBG", "%", (4000, 6000), 300, 10000),
        h("Persentase Kesesuaian Pemanfaatan Ruang", "%", (6500, 8000), 200, 10000),
    ],
    divisions: ["Bidang Perumahan", "Bidang Kawasan Permukiman", "Bidang Pertanahan", "Bidang Tata Ruang"]
);

sector!(PERHUBUNGAN, "layanan transportasi",
    programs: [
        ("Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan", "Lalu Lintas dan Angkutan Jalan"),
        ("Program Pengelolaan Perparkiran", "Perparkiran"),
        ("Program Pengujian Kendaraan Bermotor", "Pengujian Kendaraan Bermotor"),
        ("Program Pengelolaan Terminal Penumpang", "Terminal Penumpang"),
        ("Program Manajemen dan Rekayasa Lalu Lintas", "Rekayasa Lalu Lintas"),
        ("Program Keselamatan Transportasi", "Keselamatan Transportasi"),
    ],
    tujuan: [
        ("Meningkatnya Kinerja Layanan Transportasi", &["Meningkatnya Kelancaran Lalu Lintas", "Meningkatnya Pelayanan Angkutan Umum"]),
        ("Meningkatnya Keselamatan Lalu Lintas", &["Menurunnya Kecelakaan Lalu Lintas"]),
    ],
    ikus: [
        l("Rasio Volume per Kapasitas Ruas Jalan Utama", "Rasio", (80, 95), 1, 50),
        h("Persentase Fasilitas Perlengkapan Jalan Terpasang", "%", (6000, 7500), 250, 10000),
        l("Angka Kecelakaan Lalu Lintas", "Kejadian", (30000, 45000), 1000, 5000),
        h("Persentase Kendaraan Wajib Uji yang Lulus Uji", "%", (8000, 9000), 100, 10000),
    ],
    divisions: ["Bidang Lalu Lintas", "Bidang Angkutan", "Bidang Sarana dan Prasarana", "Bidang Perparkiran"]
);

sector!(SOSIAL, "layanan kesejahteraan sosial",
    programs: [
        ("Program Pemberdayaan Sosial", "Pemberdayaan Sosial"),
        ("Program Rehabilitasi Sosial", "Rehabilitasi Sosial"),
        ("Program Perlindungan dan Jaminan Sosial", "Perlindungan dan Jaminan Sosial"),
        ("Program Penanganan Bencana", "Penanganan Korban Bencana"),
        ("Program Pengelolaan Taman Makam Pahlawan", "Taman Makam Pahlawan"),
    ],
    tujuan: [
        ("Meningkatnya Kesejahteraan Sosial Masyarakat", &["Meningkatnya Penanganan Pemerlu Pelayanan Kesejahteraan Sosial", "Menurunnya Angka Kemiskinan"]),
        ("Meningkatnya Perlindungan Kelompok Rentan", &["Meningkatnya Cakupan Jaminan Sosial"]),
    ],
    ikus: [
        h("Persentase PPKS yang Tertangani", "%", (7000, 8500), 200, 10000),
        l("Persentase Penduduk Miskin", "%", (400, 550), 15, 100),
        h("Persentase Keluarga Miskin Penerima Jaminan Sosial", "%", (6000, 7500), 250, 10000),
    ],
    divisions: ["Bidang Pemberdayaan Sosial", "Bidang Rehabilitasi Sosial", "Bidang Perlindungan dan Jaminan Sosial"]
);

sector!(PEREMPUAN_KELUARGA, "pemberdayaan perempuan, perlindungan anak dan keluarga",
    programs: [
        ("Program Pengarusutamaan Gender dan Pemberdayaan Perempuan", "Pemberdayaan Perempuan"),
        ("Program Perlindungan Perempuan", "Perlindungan Perempuan"),
        ("Program Pemenuhan Hak Anak", "Pemenuhan Hak Anak"),
        ("Program Perlindungan Khusus Anak", "Perlindungan Khusus Anak"),
        ("Program Pengendalian Penduduk", "Pengendalian Penduduk"),
        ("Program Pembinaan Keluarga Berencana", "Keluarga Berencana"),
    ],
    tujuan: [
        ("Meningkatnya Kualitas Hidup Perempuan dan Anak", &["Meningkatnya Pemberdayaan Perempuan", "Meningkatnya Perlindungan Anak"]),
        ("Terwujudnya Keluarga Berkualitas", &["Terkendalinya Pertumbuhan Penduduk"]),
    ],
    ikus: [
        h("Indeks Pemberdayaan Gender", "Indeks", (7000, 7600), 40, 10000),
        h("Persentase Kasus Kekerasan terhadap Perempuan dan Anak yang Tertangani", "%", (8500, 9500), 100, 10000),
        l("Angka Kelahiran Total", "Anak per Wanita", (200, 230), 2, 150),
        h("Persentase Kelurahan Layak Anak", "%", (4000, 6000), 400, 10000),
    ],
    divisions: ["Bidang Pemberdayaan Perempuan", "Bidang Perlindungan Anak", "Bidang Pengendalian Penduduk dan Keluarga Berencana"]
);

sector!(LINGKUNGAN, "pengelolaan lingkungan hidup",
    programs: [
        ("Program Pengelolaan Persampahan", "Persampahan"),
        ("Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup", "Pengendalian Pencemaran Lingkungan"),
        ("Program Pengelolaan Keanekaragaman Hayati", "Keanekaragaman Hayati"),
        ("Program Pengendalian Bahan Berbahaya dan Beracun dan Limbah B3", "Limbah Bahan Berbahaya dan Beracun"),
        ("Program Pembinaan dan Pengawasan terhadap Izin Lingkungan", "Izin Lingkungan"),
        ("Program Pengelolaan Ruang Terbuka Hijau", "Ruang Terbuka Hijau"),
    ],
    tujuan: [
        ("Meningkatnya Kualitas Lingkungan Hidup", &["Meningkatnya Kualitas Air dan Udara", "Meningkatnya Luas Ruang Terbuka Hijau"]),
        ("Meningkatnya Pengelolaan Sampah", &["Meningkatnya Sampah yang Tertangani"]),
    ],
    ikus: [
        h("Indeks Kualitas Lingkungan Hidup", "Indeks", (4500, 5500), 100, 10000),
        h("Persentase Sampah yang Tertangani", "%", (6500, 8000), 200, 10000),
        l("Persentase Timbulan Sampah yang Tidak Terkelola", "%", (1500, 3000), 150, 200),
        h("Indeks Kualitas Air", "Indeks", (3500, 4500), 100, 10000),
    ],
    divisions: ["Bidang Pengelolaan Sampah", "Bidang Pengendalian Pencemaran", "Bidang Pertamanan dan Ruang Terbuka Hijau"]
);

sector!(KEPENDUDUKAN, "layanan administrasi kependudukan",
    programs: [
        ("Program Pendaftaran Penduduk", "Pendaftaran Penduduk"),
        ("Program Pencatatan Sipil", "Pencatatan Sipil"),
        ("Program Pengelolaan Informasi Administrasi Kependudukan", "Informasi Administrasi Kependudukan"),
        ("Program Pengelolaan Profil Kependudukan", "Profil Kependudukan"),
    ],
    tujuan: [
        ("Meningkatnya Kualitas Layanan Administrasi Kependudukan", &["Meningkatnya Kepemilikan Dokumen Kependudukan", "Meningkatnya Kecepatan Layanan Dokumen"]),
        ("Meningkatnya Pemanfaatan Data Kependudukan", &["Meningkatnya Kualitas Data Kependudukan"]),
    ],
    ikus: [
        h("Persentase Penduduk Wajib KTP yang Memiliki KTP-el", "%", (9500, 9850), 30, 10000),
        h("Persentase Anak yang Memiliki Akta Kelahiran", "%", (9000, 9600), 50, 10000),
        l("Rata-rata Waktu Penerbitan Dokumen Kependudukan", "Hari", (300, 700), 50, 100),
    ],
    divisions: ["Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pelayanan Pencatatan Sipil", "Bidang Pengelolaan Informasi Administrasi Kependudukan"]
);

sector!(TENAGA_KERJA, "layanan ketenagakerjaan",
    programs: [
        ("Program Perencanaan Tenaga Kerja", "Perencanaan Tenaga Kerja"),
        ("Program Pelatihan Kerja dan Produktivitas Tenaga Kerja", "Pelatihan Kerja"),
        ("Program Penempatan Tenaga Kerja", "Penempatan Tenaga Kerja"),
        ("Program Hubungan Industrial", "Hubungan Industrial"),
    ],
    tujuan: [
        ("Meningkatnya Kesempatan Kerja", &["Menurunnya Pengangguran Terbuka", "Meningkatnya Kompetensi Pencari Kerja"]),
        ("Meningkatnya Hubungan Industrial yang Harmonis", &["Menurunnya Perselisihan Hubungan Industrial"]),
    ],
    ikus: [
        l("Tingkat Pengangguran Terbuka", "%", (750, 1000), 40, 300),
        h("Persentase Lulusan Pelatihan yang Ditempatkan", "%", (4000, 6000), 200, 10000),
        h("Persentase Perselisihan Hubungan Industrial yang Diselesaikan", "%", (7000, 8500), 150, 10000),
    ],
    divisions: ["Bidang Pelatihan dan Penempatan Tenaga Kerja", "Bidang Hubungan Industrial", "Bidang Pengawasan Ketenagakerjaan"]
);

sector!(PEREKONOMIAN, "perdagangan, perindustrian dan ketahanan pangan",
    programs: [
        ("Program Peningkatan Sarana Distribusi Perdagangan", "Sarana Distribusi Perdagangan"),
        ("Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting", "Stabilisasi Harga Barang Pokok"),
        ("Program Standardisasi dan Perlindungan Konsumen", "Perlindungan Konsumen"),
        ("Program Perencanaan dan Pembangunan Industri", "Industri"),
        ("Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat", "Ketahanan Pangan"),
        ("Program Pengawasan Keamanan Pangan", "Keamanan Pangan"),
    ],
    tujuan: [
        ("Meningkatnya Pertumbuhan Sektor Perdagangan dan Industri", &["Meningkatnya Kinerja Pasar Rakyat", "Meningkatnya Nilai Tambah Industri"]),
        ("Meningkatnya Ketahanan Pangan", &["Terjaganya Stabilitas Harga dan Ketersediaan Pangan"]),
    ],
    ikus: [
        h("Persentase Pasar Rakyat dalam Kondisi Baik", "%", (5000, 7000), 300, 10000),
        l("Laju Inflasi Bahan Pokok", "%", (300, 450), 10, 150),
        h("Skor Pola Pangan Harapan", "Skor", (8500, 9000), 50, 10000),
        h("Pertumbuhan Industri Kecil dan Menengah", "%", (300, 600), 20, 2000),
    ],
    divisions: ["Bidang Perdagangan", "Bidang Perindustrian", "Bidang Ketahanan Pangan", "Bidang Pertanian dan Perikanan"]
);

sector!(INVESTASI, "layanan perizinan dan penanaman modal",
    programs: [
        ("Program Pengembangan Iklim Penanaman Modal", "Iklim Penanaman Modal"),
        ("Program Promosi Penanaman Modal", "Promosi Penanaman Modal"),
        ("Program Pelayanan Penanaman Modal", "Pelayanan Perizinan Berusaha"),
        ("Program Pengendalian Pelaksanaan Penanaman Modal", "Pengendalian Penanaman Modal"),
        ("Program Pengelolaan Data dan Sistem Informasi Penanaman Modal", "Sistem Informasi Penanaman Modal"),
    ],
    tujuan: [
        ("Meningkatnya Investasi Daerah", &["Meningkatnya Realisasi Investasi", "Meningkatnya Kemudahan Berusaha"]),
        ("Meningkatnya Kualitas Pelayanan Perizinan", &["Meningkatnya Kecepatan Layanan Perizinan"]),
    ],
    ikus: [
        h("Pertumbuhan Nilai Realisasi Investasi", "%", (500, 900), 30, 3000),
        l("Rata-rata Waktu Penerbitan Perizinan Berusaha", "Hari", (500, 900), 50, 100),
        h("Persentase Perizinan yang Terbit Tepat Waktu", "%", (8500, 9300), 100, 10000),
    ],
    divisions: ["Bidang Penanaman Modal", "Bidang Pelayanan Perizinan", "Bidang Pengendalian dan Pengaduan"]
);

sector!(KEBUDAYAAN, "kepemudaan, olahraga, kebudayaan dan pariwisata",
    programs: [
        ("Program Pengembangan Kapasitas Daya Saing Kepemudaan", "Kepemudaan"),
        ("Program Pengembangan Kapasitas Daya Saing Keolahragaan", "Keolahragaan"),
        ("Program Pengembangan Kebudayaan", "Kebudayaan"),
        ("Program Pelestarian dan Pengelolaan Cagar Budaya", "Cagar Budaya"),
        ("Program Peningkatan Daya Tarik Destinasi Pariwisata", "Destinasi Pariwisata"),
        ("Program Pemasaran Pariwisata", "Pemasaran Pariwisata"),
        ("Program Pengembangan Ekonomi Kreatif", "Ekonomi Kreatif"),
    ],
    tujuan: [
        ("Meningkatnya Daya Saing Pemuda dan Prestasi Olahraga", &["Meningkatnya Prestasi Olahraga", "Meningkatnya Partisipasi Pemuda"]),
        ("Meningkatnya Kunjungan Wisata dan Pelestarian Budaya", &["Meningkatnya Kunjungan Wisatawan"]),
    ],
    ikus: [
        h("Jumlah Medali pada Kejuaraan Tingkat Provinsi", "Medali", (8000, 12000), 500, 50000),
        h("Pertumbuhan Kunjungan Wisatawan", "%", (400, 800), 30, 3000),
        l("Persentase Cagar Budaya dalam Kondisi Rusak", "%", (2000, 3500), 200, 500),
    ],
    divisions: ["Bidang Kepemudaan", "Bidang Keolahragaan", "Bidang Kebudayaan", "Bidang Pariwisata"]
);

sector!(KOMINFO, "layanan informasi, statistik, persandian, perpustakaan dan kearsipan",
    programs: [
        ("Program Informasi dan Komunikasi Publik", "Informasi dan Komunikasi Publik"),
        ("Program Aplikasi Informatika", "Aplikasi Informatika"),
        ("Program Penyelenggaraan Statistik Sektoral", "Statistik Sektoral"),
        ("Program Penyelenggaraan Persandian untuk Pengamanan Informasi", "Persandian"),
        ("Program Pembinaan Perpustakaan", "Perpustakaan"),
        ("Program Pengelolaan Arsip", "Arsip"),
    ],
    tujuan: [
        ("Meningkatnya Penerapan Sistem Pemerintahan Berbasis Elektronik", &["Meningkatnya Kualitas Layanan Digital", "Meningkatnya Keamanan Informasi"]),
        ("Meningkatnya Budaya Literasi dan Tertib Arsip", &["Meningkatnya Minat Baca Masyarakat"]),
    ],
    ikus: [
        h("Indeks SPBE", "Indeks", (250, 320), 15, 500),
        h("Tingkat Kegemaran Membaca Masyarakat", "Nilai", (5500, 6500), 150, 10000),
        l("Jumlah Insiden Keamanan Informasi", "Kejadian", (2000, 3500), 200, 300),
        h("Persentase Perangkat Daerah yang Tertib Arsip", "%", (5000, 7000), 300, 10000),
    ],
    divisions: ["Bidang Informasi dan Komunikasi Publik", "Bidang Aplikasi Informatika", "Bidang Statistik dan Persandian"]
);

sector!(KETERTIBAN, "ketenteraman, ketertiban umum dan penanggulangan bencana",
    programs: [
        ("Program Peningkatan Ketenteraman dan Ketertiban Umum", "Ketenteraman dan Ketertiban Umum"),
        ("Program Penanggulangan Bencana", "Penanggulangan Bencana"),
        ("Program Pencegahan, Penanggulangan, Penyelamatan Kebakaran dan Penyelamatan Non Kebakaran", "Pemadam Kebakaran dan Penyelamatan"),
        ("Program Penegakan Peraturan Daerah", "Penegakan Peraturan Daerah"),
        ("Program Perlindungan Masyarakat", "Perlindungan Masyarakat"),
        ("Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan", "Wawasan Kebangsaan"),
    ],
    tujuan: [
        ("Terwujudnya Ketenteraman dan Ketertiban Umum", &["Meningkatnya Penegakan Peraturan Daerah", "Meningkatnya Ketertiban Umum"]),
        ("Meningkatnya Ketangguhan Kota terhadap Bencana dan Kebakaran", &["Meningkatnya Kecepatan Respons Kejadian"]),
    ],
    ikus: [
        h("Persentase Penegakan Peraturan Daerah", "%", (7000, 8500), 200, 10000),
        l("Waktu Tanggap Kejadian Kebakaran", "Menit", (1500, 2000), 50, 800),
        h("Indeks Ketahanan Daerah", "Indeks", (5000, 6000), 150, 10000),
        l("Jumlah Gangguan Ketenteraman dan Ketertiban", "Kejadian", (15000, 25000), 700, 3000),
    ],
    divisions: ["Bidang Penegakan Peraturan Daerah", "Bidang Ketertiban Umum", "Bidang Perlindungan Masyarakat", "Bidang Operasi dan Penyelamatan"]
);

sector!(KEUANGAN, "pengelolaan keuangan, pendapatan dan aset daerah",
    programs: [
        ("Program Pengelolaan Keuangan Daerah", "Keuangan Daerah"),
        ("Program Pengelolaan Barang Milik Daerah", "Barang Milik Daerah"),
        ("Program Pengelolaan Pendapatan Daerah", "Pendapatan Daerah"),
        ("Program Intensifikasi dan Ekstensifikasi Pajak Daerah", "Pajak Daerah"),
    ],
    tujuan: [
        ("Meningkatnya Kualitas Pengelolaan Keuangan Daerah", &["Meningkatnya Akuntabilitas Laporan Keuangan", "Meningkatnya Tertib Administrasi Aset"]),
        ("Meningkatnya Kemandirian Keuangan Daerah", &["Meningkatnya Pendapatan Asli Daerah"]),
    ],
    ikus: [
        h("Opini BPK atas Laporan Keuangan Pemerintah Daerah (WTP = 4)", "Skor", (300, 400), 25, 400),
        h("Rasio PAD terhadap Pendapatan Daerah", "%", (4000, 5000), 100, 10000),
        l("Persentase Piutang Pajak Daerah yang Tidak Tertagih", "%", (1200, 2000), 100, 300),
    ],
    divisions: ["Bidang Anggaran", "Bidang Perbendaharaan", "Bidang Akuntansi", "Bidang Aset"]
);

sector!(KEPEGAWAIAN, "manajemen aparatur sipil negara",
    programs: [
        ("Program Kepegawaian Daerah", "Kepegawaian Daerah"),
        ("Program Pengembangan Sumber Daya Manusia", "Pengembangan Kompetensi ASN"),
        ("Program Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN", "Informasi Kepegawaian ASN"),
        ("Program Mutasi dan Pengembangan Karier", "Mutasi dan Karier ASN"),
    ],
    tujuan: [
        ("Meningkatnya Profesionalitas Aparatur", &["Meningkatnya Kompetensi ASN", "Meningkatnya Penerapan Sistem Merit"]),
        ("Meningkatnya Kualitas Layanan Kepegawaian", &["Meningkatnya Ketepatan Layanan Administrasi Kepegawaian"]),
    ],
    ikus: [
        h("Indeks Sistem Merit", "Indeks", (6000, 7000), 300, 10000),
        h("Persentase ASN yang Memenuhi Standar Kompetensi Jabatan", "%", (5000, 6500), 300, 10000),
        l("Rata-rata Waktu Layanan Administrasi Kepegawaian", "Hari", (700, 1400), 100, 200),
    ],
    divisions: ["Bidang Pengadaan dan Informasi Kepegawaian", "Bidang Mutasi dan Promosi", "Bidang Pengembangan Kompetensi Aparatur"]
);

sector!(PERENCANAAN, "perencanaan pembangunan daerah",
    programs: [
        ("Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "Perencanaan Pembangunan Daerah"),
        ("Program Koordinasi dan Sinergi Perencanaan Pembangunan Daerah", "Sinergi Perencanaan"),
        ("Program Penelitian dan Pengembangan Daerah", "Penelitian dan Pengembangan"),
        ("Program Pengelolaan Inovasi Daerah", "Inovasi Daerah"),
    ],
    tujuan: [
        ("Meningkatnya Kualitas Perencanaan Pembangunan Daerah", &["Meningkatnya Konsistensi Perencanaan dan Penganggaran", "Meningkatnya Kualitas Pengendalian Pembangunan"]),
        ("Meningkatnya Pemanfaatan Hasil Riset dan Inovasi", &["Meningkatnya Inovasi Daerah yang Diterapkan"]),
    ],
    ikus: [
        h("Persentase Konsistensi Program RPJMD dengan RKPD", "%", (8500, 9300), 100, 10000),
        h("Indeks Inovasi Daerah", "Indeks", (4000, 5200), 200, 10000),
        l("Persentase Program Prioritas yang Tidak Mencapai Target", "%", (1500, 2500), 150, 300),
    ],
    divisions: ["Bidang Perencanaan, Pengendalian dan Evaluasi", "Bidang Perekonomian dan Sumber Daya Alam", "Bidang Pemerintahan dan Pembangunan Manusia", "Bidang Infrastruktur dan Kewilayahan"]
);

sector!(PENGAWASAN, "pengawasan internal",
    programs: [
        ("Program Penyelenggaraan Pengawasan", "Pengawasan Internal"),
        ("Program Perumusan Kebijakan, Pendampingan dan Asistensi", "Pendampingan dan Asistensi"),
        ("Program Pengawasan Dana Desa dan Kelurahan", "Pengawasan Dana Kelurahan"),
    ],
    tujuan: [
        ("Meningkatnya Kualitas Pengawasan Internal", &["Meningkatnya Kapabilitas APIP", "Meningkatnya Tindak Lanjut Hasil Pengawasan"]),
        ("Terwujudnya Pemerintahan yang Bersih", &["Menurunnya Penyimpangan Pengelolaan Keuangan"]),
    ],
    ikus: [
        h("Level Kapabilitas APIP", "Level", (250, 310), 10, 500),
        h("Persentase Tindak Lanjut Hasil Pemeriksaan", "%", (7000, 8500), 200, 10000),
        l("Persentase Temuan Berulang", "%", (1500, 2500), 150, 300),
    ],
    divisions: ["Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II", "Inspektur Pembantu Wilayah III", "Inspektur Pembantu Wilayah IV"]
);

sector!(SEKRETARIAT, "dukungan administrasi pemerintahan",
    programs: [
        ("Program Pemerintahan dan Kesejahteraan Rakyat", "Pemerintahan dan Kesejahteraan Rakyat"),
        ("Program Perekonomian dan Pembangunan", "Perekonomian dan Pembangunan"),
        ("Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD", "Tugas dan Fungsi DPRD"),
        ("Program Pengadaan Barang dan Jasa Pemerintah", "Pengadaan Barang dan Jasa"),
        ("Program Administrasi Hukum dan Organisasi", "Hukum dan Organisasi"),
    ],
    tujuan: [
        ("Meningkatnya Kualitas Tata Kelola Pemerintahan", &["Meningkatnya Kualitas Kebijakan Daerah", "Meningkatnya Kualitas Layanan Administrasi"]),
        ("Meningkatnya Efektivitas Pengadaan Barang dan Jasa", &["Meningkatnya Pengadaan Barang dan Jasa Tepat Waktu"]),
    ],
    ikus: [
        h("Indeks Reformasi Birokrasi", "Nilai", (6000, 7000), 150, 10000),
        h("Persentase Produk Hukum Daerah yang Ditetapkan Tepat Waktu", "%", (7500, 9000), 150, 10000),
        l("Persentase Paket Pengadaan yang Gagal Tender", "%", (800, 1500), 80, 100),
    ],
    divisions: ["Bagian Pemerintahan", "Bagian Hukum", "Bagian Perekonomian", "Bagian Pengadaan Barang dan Jasa"]
);

sector!(KEWILAYAHAN, "layanan pemerintahan kewilayahan",
    programs: [
        ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Pemerintahan dan Pelayanan Publik"),
        ("Program Pemberdayaan Masyarakat Desa dan Kelurahan", "Pemberdayaan Masyarakat Kelurahan"),
        ("Program Koordinasi Ketentraman dan Ketertiban Umum", "Ketentraman dan Ketertiban Umum"),
        ("Program Penyelenggaraan Urusan Pemerintahan Umum", "Urusan Pemerintahan Umum"),
        ("Program Pembinaan dan Pengawasan Pemerintahan Kelurahan", "Pemerintahan Kelurahan"),
    ],
    tujuan: [
        ("Meningkatnya Kualitas Pelayanan Publik di Kewilayahan", &["Meningkatnya Kepuasan Layanan Administrasi Kewilayahan", "Meningkatnya Partisipasi Masyarakat dalam Pembangunan"]),
        ("Terwujudnya Wilayah yang Tenteram dan Tertib", &["Menurunnya Gangguan Ketenteraman Wilayah"]),
    ],
    ikus: [
        h("Indeks Kepuasan Layanan Administrasi Terpadu", "Nilai", (7500, 8300), 60, 10000),
        h("Persentase Usulan Musrenbang yang Terealisasi", "%", (4000, 6000), 200, 10000),
        l("Jumlah Gangguan Ketenteraman Wilayah", "Kejadian", (1500, 3000), 100, 200),
    ],
    divisions: ["Seksi Pemerintahan", "Seksi Ketenteraman dan Ketertiban Umum", "Seksi Pemberdayaan Masyarakat", "Seksi Pelayanan Umum"]
);

/// One office of the catalogue.
#[derive(Clone, Debug)]
pub struct Entry {
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub kind: Kind,
    pub sector: &'static Sector,
    /// Budget scale in per mille of a typical dinas.
    pub scale: i64,
    /// Range of staff numbers.
    pub staff: (i64, i64),
}

const CITY: &str = "Kota Bekasi";

/// The city-level offices: (code, name without the city, short name, kind, sector, scale, staff).
#[allow(clippy::type_complexity)]
const CITY_OFFICES: &[(&str, &str, &str, Kind, &Sector, i64, (i64, i64))] = &[
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Bappeda", Kind::Badan, &PERENCANAAN, 1000, (60, 110)),
    ("DISDIK", "Dinas Pendidikan", "Disdik", Kind::Dinas, &PENDIDIKAN, 3000, (150, 320)),
    ("DINKES", "Dinas Kesehatan", "Dinkes", Kind::Dinas, &KESEHATAN, 2500, (120, 260)),
    ("DISHUB", "Dinas Perhubungan", "Dishub", Kind::Dinas, &PERHUBUNGAN, 1200, (150, 400)),
    ("DBMSDA", "Dinas Bina Marga dan Sumber Daya Air", "DBMSDA", Kind::Dinas, &PEKERJAAN_UMUM, 2500, (90, 200)),
    ("DINSOS", "Dinas Sosial", "Dinsos", Kind::Dinas, &SOSIAL, 900, (50, 110)),
    ("DLH", "Dinas Lingkungan Hidup", "DLH", Kind::Dinas, &LINGKUNGAN, 1500, (150, 450)),
    (
        "DISDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Disdukcapil",
        Kind::Dinas,
        &KEPENDUDUKAN,
        700,
        (70, 150),
    ),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", Kind::Badan, &KEUANGAN, 1500, (90, 160)),
    ("BAPENDA", "Badan Pendapatan Daerah", "Bapenda", Kind::Badan, &KEUANGAN, 1000, (100, 200)),
    (
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "BKPSDM",
        Kind::Badan,
        &KEPEGAWAIAN,
        800,
        (60, 110),
    ),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", "BPBD", Kind::Badan, &KETERTIBAN, 700, (50, 120)),
    ("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", Kind::Badan, &KETERTIBAN, 500, (35, 70)),
    (
        "DISPERKIMTAN",
        "Dinas Perumahan, Kawasan Permukiman dan Pertanahan",
        "Disperkimtan",
        Kind::Dinas,
        &PERMUKIMAN,
        1800,
        (70, 150),
    ),
    ("DISTARU", "Dinas Tata Ruang", "Distaru", Kind::Dinas, &PERMUKIMAN, 800, (60, 120)),
    (
        "DP3A",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "DP3A",
        Kind::Dinas,
        &PEREMPUAN_KELUARGA,
        500,
        (35, 70),
    ),
    (
        "DPPKB",
        "Dinas Pengendalian Penduduk dan Keluarga Berencana",
        "DPPKB",
        Kind::Dinas,
        &PEREMPUAN_KELUARGA,
        600,
        (60, 130),
    ),
    ("DISNAKER", "Dinas Tenaga Kerja", "Disnaker", Kind::Dinas, &TENAGA_KERJA, 600, (45, 90)),
    ("DISDAGPERIN", "Dinas Perdagangan dan Perindustrian", "Disdagperin", Kind::Dinas, &PEREKONOMIAN, 800, (60, 140)),
    ("DKPPP", "Dinas Ketahanan Pangan, Pertanian dan Perikanan", "DKPPP", Kind::Dinas, &PEREKONOMIAN, 600, (50, 100)),
    (
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        Kind::Dinas,
        &INVESTASI,
        600,
        (60, 120),
    ),
    ("DISPORA", "Dinas Kepemudaan dan Olahraga", "Dispora", Kind::Dinas, &KEBUDAYAAN, 700, (45, 90)),
    ("DISBUDPAR", "Dinas Kebudayaan dan Pariwisata", "Disbudpar", Kind::Dinas, &KEBUDAYAAN, 600, (40, 80)),
    (
        "DISKOMINFO",
        "Dinas Komunikasi, Informatika, Statistik dan Persandian",
        "Diskominfostandi",
        Kind::Dinas,
        &KOMINFO,
        1000,
        (60, 120),
    ),
    ("DISPUSIP", "Dinas Perpustakaan dan Kearsipan", "Dispusip", Kind::Dinas, &KOMINFO, 500, (40, 80)),
    ("DAMKAR", "Dinas Pemadam Kebakaran", "Damkar", Kind::Dinas, &KETERTIBAN, 900, (150, 350)),
    (
        "SATPOLPP",
        "Satuan Polisi Pamong Praja",
        "Satpol PP",
        Kind::Other("Kepala Satuan"),
        &KETERTIBAN,
        1000,
        (200, 500),
    ),
    ("INSPEKTORAT", "Inspektorat Daerah", "Inspektorat", Kind::Other("Inspektur"), &PENGAWASAN, 700, (60, 110)),
    ("SETDA", "Sekretariat Daerah", "Setda", Kind::Other("Sekretaris Daerah"), &SEKRETARIAT, 2500, (250, 450)),
    ("SETWAN", "Sekretariat DPRD", "Setwan", Kind::Other("Sekretaris DPRD"), &SEKRETARIAT, 1500, (80, 160)),
    ("RSUD", "Rumah Sakit Umum Daerah", "RSUD", Kind::Other("Direktur"), &KESEHATAN, 2500, (400, 900)),
];

fn code_part(name: &str) -> String {
    name.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_uppercase()
}

/// Every office of the synthetic city in order: the city-level offices, the kecamatan, the
/// kelurahan, then the UPTD (puskesmas per kelurahan, and per kecamatan the fire stations,
/// school offices, road maintenance and waste units): 203 in all, codes and names distinct.
pub fn offices() -> Vec<Entry> {
    let mut out: Vec<Entry> = CITY_OFFICES
        .iter()
        .map(|&(code, name, short, kind, sector, scale, staff)| Entry {
            code: format!("{code}-BKS"),
            name: format!("{name} {CITY}"),
            short_name: short.to_string(),
            kind,
            sector,
            scale,
            staff,
        })
        .collect();
    for (kec, _) in KECAMATAN {
        out.push(Entry {
            code: format!("KEC-{}-BKS", code_part(kec)),
            name: format!("Kecamatan {kec}"),
            short_name: format!("Kec. {kec}"),
            kind: Kind::Kecamatan,
            sector: &KEWILAYAHAN,
            scale: 400,
            staff: (35, 70),
        });
    }
    for kel in kelurahan() {
        out.push(Entry {
            code: format!("KEL-{}-BKS", code_part(kel)),
            name: format!("Kelurahan {kel}"),
            short_name: format!("Kel. {kel}"),
            kind: Kind::Kelurahan,
            sector: &KEWILAYAHAN,
            scale: 150,
            staff: (12, 25),
        });
    }
    for kel in kelurahan() {
        out.push(Entry {
            code: format!("PKM-{}-BKS", code_part(kel)),
            name: format!("UPTD Puskesmas {kel}"),
            short_name: format!("Puskesmas {kel}"),
            kind: Kind::Uptd,
            sector: &KESEHATAN,
            scale: 250,
            staff: (30, 60),
        });
    }
    type Uptd = (&'static str, &'static str, &'static str, &'static Sector);
    const UPTD: [Uptd; 4] = [
        ("DAMKAR", "UPTD Pemadam Kebakaran Wilayah", "Damkar", &KETERTIBAN),
        ("DIK", "UPTD Pendidikan Wilayah", "UPTD Pendidikan", &PENDIDIKAN),
        ("JALAN", "UPTD Pemeliharaan Jalan Wilayah", "UPTD Jalan", &PEKERJAAN_UMUM),
        ("SAMPAH", "UPTD Pengelolaan Sampah Wilayah", "UPTD Sampah", &LINGKUNGAN),
    ];
    for (prefix, name, short, sector) in UPTD {
        for (kec, _) in KECAMATAN {
            out.push(Entry {
                code: format!("UPTD-{prefix}-{}-BKS", code_part(kec)),
                name: format!("{name} {kec}"),
                short_name: format!("{short} {kec}"),
                kind: Kind::Uptd,
                sector,
                scale: 250,
                staff: (15, 40),
            });
        }
    }
    out
}
