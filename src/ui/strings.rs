//! Every text of the window in both languages, in one place.

use crate::format::Lang;

macro_rules! strings {
    ($($name:ident => $id:expr, $en:expr;)*) => {
        /// A text of the user interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T { $($name),* }
        impl T {
            /// Every text, for tests that look for untranslated words in the window.
            pub const ALL: &'static [T] = &[$(T::$name),*];
            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$name, Lang::Id) => $id, (T::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

strings! {
    TabRingkasan => "Ringkasan", "Overview";
    TabOrganisasi => "Organisasi & Aset", "Organisation & Assets";
    TabRenstra => "Renstra", "Strategic Plan";
    TabKinerja => "Perjanjian Kinerja & Capaian", "Agreement & Achievement";
    TabAnggaran => "Anggaran", "Budget";
    TabLaporan => "Laporan", "Report";
    NarrativeLegend => "Angka berwarna dihitung dari data; arahkan penunjuk ke angka untuk melihat rujukannya dan, bila laporan tercetak menulis lain, angka tercetaknya.", "Coloured figures are computed from the data; hover over a figure to see its reference and, where the printed report said something else, the printed figure.";
    NarrativeNone => "Tahun ini belum punya teks laporan.", "This year has no report text yet.";
    NarrativeNoTextYet => "(belum ada teks)", "(no text yet)";
    NarrativeEdit => "Ubah", "Edit text";
    NarrativeWrite => "Tulis", "Write text";
    NarrativeField => "Teks bagian", "Section text";
    NarrativeRemoveQuestion => "Hapus teks bagian ini?", "Remove this section's text?";
    NarrativeYesRemove => "Ya, hapus", "Yes, remove";
    NarrativeHelp => "Rujukan angka: {{indicator:IKU1 capaian_pct}} menampilkan angka dari data; tambahkan terbilang untuk angka dalam kata, @-1 untuk tahun sebelumnya atau @2023 untuk tahun tertentu; {{office}} menampilkan nama kantor. Paragraf dipisah baris kosong; baris yang diawali 1. atau - menjadi daftar.", "Figure references: {{indicator:IKU1 capaian_pct}} shows a figure of the data; add terbilang for the amount in words, @-1 for the year before or @2023 for a given year; {{office}} shows the office's name. Paragraphs are separated by a blank line; lines that start with 1. or - make a list.";
    NarrativeUnchanged => "Teks sama dengan yang tersimpan.", "The text is the same as the stored one.";
    CorrectionsTitle => "Koreksi atas laporan tercetak", "Corrections to the printed report";
    CorrectionsIntro => "Angka yang tercetak di teks laporan tetapi berbeda dari data; dokumen menampilkan angka hasil hitung dan mencantumkan daftar ini di lampirannya.", "Figures the printed report's text states that differ from the data; the document shows the computed figure and lists them in its appendix.";
    CorrectionsNone => "Tidak ada angka tercetak yang dikoreksi tahun ini.", "No printed figure is corrected this year.";
    CorrectionPlace => "Tempat", "Place";
    CorrectionFigure => "Angka", "Figure";
    CorrectionPrinted => "Tercetak", "Printed";
    CorrectionShown => "Dokumen", "Document";
    TabTren => "Tren", "Trends";
    TabPemeriksaan => "Pemeriksaan", "Checks";
    TabRiwayat => "Riwayat", "History";
    TabKota => "Kota", "City";
    CityTitle => "Seluruh perangkat daerah", "All offices";
    CityIntro => "Pagu dan realisasi adalah jumlah program setiap perangkat daerah; capaian IKU dihitung dengan aturan masing-masing perangkat daerah. Data setiap perangkat daerah tetap terpisah.", "Budget and spending are each office's programme totals; IKU capaian is computed with each office's own rules. Every office's data stays separate.";
    CheckCity => "Periksa semua perangkat daerah", "Check every office";
    CityClickHint => "Klik baris untuk membuka perangkat daerah itu.", "Click a row to open that office.";
    ChooseOffice => "Pilih perangkat daerah", "Choose the office";
    ImportDataset => "Impor dataset…", "Import dataset…";
    ImportHelp => "Folder berisi berkas CSV dataset, atau satu buku kerja XLSX (lihat 'kinerja template'). Seluruh isi diperiksa dahulu; bila ada kesalahan, tidak ada yang disimpan. Kantor dengan kode yang sama diganti, tidak digandakan.", "A folder of the dataset's CSV files, or one XLSX workbook (see 'kinerja template'). Everything is checked first; with any error nothing is stored. An office with the same code is replaced, never duplicated.";
    ChooseWorkbook => "Pilih buku kerja…", "Choose workbook…";
    ChooseFolder => "Pilih folder…", "Choose folder…";
    ImportStart => "Impor", "Import";
    Storing => "menyimpan", "storing";
    Imported => "Dataset diimpor:", "Dataset imported:";
    ImportReadOnly => "Basis data hanya dapat dibaca; impor tidak dapat dilakukan.", "The database is read-only; nothing can be imported.";
    ImportBusy => "Pekerjaan lain masih berjalan; tunggu sampai selesai.", "Other work is still running; wait until it is done.";
    DemoButton => "Buat kota contoh…", "Generate a demo city…";
    DemoHint => "Untuk uji coba dan pengukuran: kota sintetis dengan banyak perangkat daerah dalam berkas baru.", "For trials and measurements: a synthetic city of many offices in a new file.";
    DemoTitle => "Buat kota contoh", "Generate a demo city";
    DemoIntro => "Perangkat daerah pertama adalah dataset bawaan; yang lain sintetis (Renstra, PK, realisasi, AKIP dan anggaran setiap tahun). Berkas baru; basis data yang sedang dibuka tidak diubah.", "The first office is the embedded dataset; the others are synthetic (plan, agreement, results, AKIP and budget every year). A new file; the open database is not changed.";
    DemoOffices => "Jumlah perangkat daerah", "Offices";
    DemoYears => "Jumlah tahun", "Years";
    DemoLines => "Baris anggaran per perangkat daerah per tahun", "Budget lines per office and year";
    DemoStart => "Buat", "Generate";
    DemoNotOpenDb => "Pilih berkas lain: basis data yang sedang dibuka tidak ditimpa.", "Choose another file: the open database is not overwritten.";
    WholeNumber => "harus bilangan bulat, mis. 50", "must be a whole number, e.g. 50";
    OpenGenerated => "Buka basis data ini", "Open this database";
    Overwrite => "Timpa berkas yang sudah ada", "Overwrite an existing file";
    ImportNeedsFile => "Pekerjaan ini memerlukan basis data berupa berkas.", "This needs a database file.";
    Undo => "↶ Urungkan", "↶ Undo";
    Redo => "↷ Ulangi", "↷ Redo";
    Save => "Simpan", "Save";
    Saved => "Tersimpan", "Saved";
    NothingChanged => "Tidak ada yang berubah.", "Nothing changed.";
    NotSaved => "Tidak disimpan", "Not saved";
    AskName => "Nama Anda (dicatat di riwayat setiap perubahan)", "Your name (recorded in the history of every change)";
    AskNameTitle => "Siapa yang menyunting?", "Who is editing?";
    Continue => "Lanjutkan", "Continue";
    Cancel => "Batal", "Cancel";
    HistoryIntro => "Setiap perubahan: waktu, pengguna, data, nilai lama dan nilai baru.", "Every change: time, user, record, old and new value.";
    NoHistory => "Belum ada perubahan.", "No changes yet.";
    When => "Waktu", "When";
    Who => "Pengguna", "User";
    Action => "Tindakan", "Action";
    Record => "Data", "Record";
    Field => "Kolom", "Field";
    OldValue => "Nilai lama", "Old value";
    NewValue => "Nilai baru", "New value";
    EditTargets => "Sunting target", "Edit targets";
    EditBudgetLine => "Sunting baris anggaran", "Edit budget line";
    SelectBudgetLine => "Pilih baris pada tabel untuk menyuntingnya.", "Select a row of the table to edit it.";
    ImportButton => "Impor realisasi…", "Import realisation…";
    ImportTitle => "Impor realisasi anggaran", "Import budget realisation";
    ImportIntro => "Berkas XLSX atau CSV dari sistem keuangan daerah dengan kode, uraian, pagu dan realisasi per program, kegiatan dan sub-kegiatan. Baris dicocokkan menurut kode; tidak ada baris yang dihapus.", "An XLSX or CSV file of the regional finance system with kode, uraian, pagu and realisasi per programme, kegiatan and sub-kegiatan. Lines are matched by kode; no line is removed.";
    ImportPickFile => "Pilih berkas…", "Choose file…";
    ImportRead => "Baca berkas", "Read file";
    ImportNoDialog => "Dialog berkas tidak tersedia atau dibatalkan; ketik lokasi berkas di kolom ini.", "No file dialog (or it was cancelled); type the path in this field.";
    ImportTypePath => "Tulis lokasi berkas.", "Type the path of the file.";
    ImportSheet => "lembar", "sheet";
    ImportHeaderAt => "judul kolom di baris", "header in row";
    ImportColumns => "Kolom berkas untuk setiap isian", "The file's column for each field";
    ImportNotUsed => "(tidak dipakai)", "(not used)";
    ImportUpdateNames => "Perbarui juga nama baris yang sudah ada bila uraiannya berbeda", "Also rename existing lines whose uraian differs";
    ImportShowUnchanged => "Tampilkan juga baris yang tetap", "Also show unchanged rows";
    ImportProblems => "Masalah — tidak ada yang ditulis sebelum semuanya diperbaiki:", "Problems — nothing is written until all are fixed:";
    ImportRow => "Baris", "Row";
    ImportKode => "Kode", "Kode";
    ImportUraian => "Uraian", "Uraian";
    ImportStatus => "Status", "Status";
    ImportChanges => "Lama → baru", "Old → new";
    ImportUnchanged => "tetap", "unchanged";
    ImportChanged => "diubah", "changed";
    ImportNew => "baru", "new";
    ImportInvalid => "bermasalah", "has a problem";
    ImportNameDiffers => "uraian di berkas berbeda", "the file's uraian differs";
    ImportAbsentLines => "Tidak ada di berkas (dibiarkan)", "Not in the file (left as they are)";
    ImportSkipped => "Baris dilewati", "Skipped rows";
    ImportApply => "Terapkan", "Apply";
    RecordHistory => "Riwayat data ini", "History of this record";
    Warning => "Perhatian", "Warning";
    Year => "Tahun", "Year";
    Language => "Bahasa", "Language";
    ModeReview => "Tinjau", "Review";
    ModeEdit => "Sunting", "Edit";
    ModeReviewHint => "Mode tinjau: data hanya dibaca.", "Review mode: data is read-only.";
    ModeEditHint => "Mode sunting: penyuntingan tersedia pada sel yang dapat diubah.", "Edit mode: editable cells can be changed.";
    About => "Tentang", "About";
    Version => "Versi", "Version";
    Commit => "Komit", "Commit";
    Database => "Basis data", "Database";
    SchemaVersion => "Versi skema", "Schema version";
    Close => "Tutup", "Close";
    Filter => "Saring", "Filter";
    FilterHint => "ketik untuk menyaring baris", "type to filter rows";
    Rows => "baris", "rows";
    ReportedVsComputed => "Dicetak {r}, hasil hitung {c}", "Printed {r}, recomputed {c}";
    ComputedOnly => "Tidak dicetak; hasil hitung", "Not printed; recomputed";
    Source => "Sumber", "Source";
    AkipScore => "Nilai AKIP", "AKIP score";
    Predicate => "Predikat", "Predicate";
    Target => "Target", "Target";
    Realisasi => "Realisasi", "Actual";
    Capaian => "Capaian", "Achievement";
    Pagu => "Pagu", "Budget";
    Serapan => "Serapan", "Absorption";
    Efficiency => "Efisiensi", "Efficiency";
    Findings => "Temuan pemeriksaan", "Check findings";
    NoFindings => "Tidak ada temuan: setiap angka tercetak sesuai hasil hitung ulang.", "No findings: every printed figure matches its recomputation.";
    FindingsIntro => "Angka yang dicetak berbeda dengan hasil hitung ulang Kinerja. Klik 'Buka' untuk melihat barisnya.", "Printed figures that differ from Kinerja's recomputation. Click 'Open' to see the row.";
    Unverified => "Angka tercetak yang tidak dapat diperiksa (datanya tidak ada)", "Printed figures that cannot be checked (no data behind them)";
    Open => "Buka", "Open";
    Printed => "Dicetak", "Printed";
    Computed => "Hasil hitung", "Recomputed";
    Table => "Tabel", "Table";
    HowComputed => "Cara hitung", "How computed";
    IkuOfYear => "Indikator Kinerja Utama", "Key performance indicators";
    BudgetOfYear => "Anggaran", "Budget";
    EfficiencyPerSasaran => "Efisiensi per sasaran", "Efficiency per goal";
    Units => "Unit kerja dan tugasnya", "Units and their tasks";
    Staff => "Pegawai menurut pendidikan dan status", "Staff by education and status";
    Assets => "Aset tetap", "Fixed assets";
    Strategies => "Strategi", "Strategies";
    SupportingPrograms => "Program pendukung", "Supporting programmes";
    Agreement => "Perjanjian Kinerja", "Performance agreement";
    Achievement => "Capaian kinerja", "Achievement";
    ProgramIndicators => "Indikator program", "Programme indicators";
    Comparison => "Perbandingan", "Comparison";
    NationalComparison => "Perbandingan nasional", "National comparison";
    Notes => "Kendala, upaya dan rencana", "Constraints, efforts and plans";
    Kendala => "Kendala", "Constraints";
    Upaya => "Upaya yang telah dilakukan", "Efforts made";
    Rencana => "Rencana tindak lanjut", "Follow-up plans";
    FaktorPendukung => "Faktor pendukung", "Supporting factors";
    BudgetTree => "Program, kegiatan dan sub-kegiatan", "Programmes, activities and sub-activities";
    YearComparison => "Perbandingan antartahun", "Year-over-year comparison";
    EfficiencyTable => "Tingkat efisiensi per sasaran", "Efficiency per goal";
    TrendIntro => "Arahkan kursor ke grafik untuk melihat nilai tepat.", "Hover over a chart to see exact values.";
    Total => "Total", "Total";
    Previous => "Tahun sebelumnya", "Previous year";
    RenstraFinal => "Target akhir Renstra", "Final Renstra target";
    Formula => "Rumus", "Formula";
    Polarity => "Polaritas", "Polarity";
    Definition => "Definisi", "Definition";
    DataSource => "Sumber data", "Data source";
    Responsible => "Penanggung jawab", "Responsible";
    Satuan => "Satuan", "Unit";
    NotComputable => "tidak dapat dihitung", "cannot be computed";
    DbError => "Basis data tidak dapat dibuka", "The database cannot be opened";
    DbErrorHelp => "Pilih berkas basis data lain, atau buat basis data baru dari dataset bawaan di lokasi lain.", "Choose another database file, or create a new one from the embedded dataset elsewhere.";
    PathLabel => "Berkas", "File";
    OpenThis => "Buka berkas ini", "Open this file";
    Browse => "Pilih…", "Browse…";
    NoData => "Belum ada data untuk tahun ini.", "No data for this year yet.";
    Awards => "Prestasi dan penghargaan", "Awards";
    AkipRecommendations => "Rekomendasi evaluasi AKIP dan tindak lanjut", "AKIP recommendations and follow-up";
    UmkmUpgrades => "Usaha mikro yang naik kelas", "Micro businesses that grew to small";
    OfficeInfo => "Profil kantor", "Office profile";
    Address => "Alamat", "Address";
    LegalBasis => "Dasar hukum", "Legal basis";
    Period => "Periode", "Period";
    Goals => "Tujuan, sasaran dan indikator", "Goals, targets and indicators";
    IkuDictionary => "Kamus IKU", "IKU dictionary";
    StatusBand => "Status", "Status";
    ClickForDetail => "Klik untuk rincian", "Click for details";
    PhoneMasked => "Nomor telepon disamarkan.", "Telephone numbers are masked.";
    ShowPhone => "Tampilkan nomor telepon lengkap", "Show full telephone numbers";
    Activities => "Kegiatan dan layanan", "Activities and services";
}
