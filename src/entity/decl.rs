//! The declarations: one `impl Entity` per entity, its columns in file order.
//!
//! To add a column: add it to `COLUMNS` (file heading, SQL column, kind), to the struct and to
//! `to_cells`/`from_cells` in the same position, and add the SQL column in a new migration.

use super::{cells, codes, col, same, Cell, CellError, Cells, Column, Entity, Kind::*, Part};
use crate::domain::*;

/// The part of a dataset held in `Dataset::$field`.
macro_rules! part {
    ($t:ty, $field:ident) => {
        impl Part for $t {
            fn rows(d: &Dataset) -> &[Self] {
                &d.$field
            }
            fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
                &mut d.$field
            }
        }
    };
}

impl Entity for Office {
    const FILE: &'static str = "office.csv";
    const TABLE: &'static str = "office";
    const COLUMNS: &'static [Column] = &[
        same("code", Required),
        same("name", Required),
        same("short_name", Text),
        same("government", Text),
        same("address", Text),
        same("legal_basis", Text),
    ];
    const KEY: &'static [&'static str] = &["code"];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.code, self.name, self.short_name, self.government, self.address, self.legal_basis]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Office {
            code: c.take()?,
            name: c.take()?,
            short_name: c.take()?,
            government: c.take()?,
            address: c.take()?,
            legal_basis: c.take()?,
        })
    }
}

impl Entity for Unit {
    const FILE: &'static str = "units.csv";
    const TABLE: &'static str = "unit";
    const COLUMNS: &'static [Column] = &[
        same("code", Required),
        col("parent", "parent_code", OptText),
        same("position", Int),
        same("kind", Code(codes::<UnitKind>())),
        same("name", Required),
    ];
    const KEY: &'static [&'static str] = &["code"];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.code, self.parent, self.position, self.kind, self.name]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Unit { code: c.take()?, parent: c.take()?, position: c.take()?, kind: c.take()?, name: c.take()? })
    }
}
part!(Unit, units);

impl Entity for UnitDuty {
    const FILE: &'static str = "unit_duties.csv";
    const TABLE: &'static str = "unit_duty";
    const COLUMNS: &'static [Column] = &[
        col("unit", "unit_code", Required),
        same("position", Int),
        same("level", IntOrZero),
        same("label", Text),
        same("kind", Code(codes::<DutyKind>())),
        same("text", Required),
    ];
    const KEY: &'static [&'static str] = &[];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.unit, self.position, self.level, self.label, self.kind, self.text]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(UnitDuty {
            unit: c.take()?,
            position: c.take()?,
            level: c.take()?,
            label: c.take()?,
            kind: c.take()?,
            text: c.take()?,
        })
    }
}
part!(UnitDuty, unit_duties);

impl Entity for StaffCount {
    const FILE: &'static str = "staff.csv";
    const TABLE: &'static str = "staff_count";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        same("position", Int),
        same("education", Required),
        same("status", Code(codes::<StaffStatus>())),
        same("count", Int),
    ];
    const KEY: &'static [&'static str] = &["year", "education", "status"];
    const EDITABLE: &'static [&'static str] = &["position", "count"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.year, self.position, self.education, self.status, self.count]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(StaffCount {
            year: c.take()?,
            position: c.take()?,
            education: c.take()?,
            status: c.take()?,
            count: c.take()?,
        })
    }
}
part!(StaffCount, staff);

impl Entity for AssetItem {
    const FILE: &'static str = "assets.csv";
    const TABLE: &'static str = "asset_item";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        same("code", Required),
        col("parent", "parent_code", OptText),
        same("position", Int),
        same("label", Text),
        same("name", Required),
        same("count", OptInt),
        col("value", "value_sen", OptMoney),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &["year", "code"];
    const EDITABLE: &'static [&'static str] =
        &["parent_code", "position", "label", "name", "count", "value_sen", "note"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![
            self.year,
            self.code,
            self.parent,
            self.position,
            self.label,
            self.name,
            self.count,
            self.value,
            self.note
        ]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(AssetItem {
            year: c.take()?,
            code: c.take()?,
            parent: c.take()?,
            position: c.take()?,
            label: c.take()?,
            name: c.take()?,
            count: c.take()?,
            value: c.take()?,
            note: c.take()?,
        })
    }
}
part!(AssetItem, assets);

impl Entity for RenstraPeriod {
    const FILE: &'static str = "periods.csv";
    const TABLE: &'static str = "renstra_period";
    const COLUMNS: &'static [Column] = &[
        same("code", Required),
        same("start_year", Year),
        same("end_year", Year),
        same("name", Text),
        same("basis", Text),
    ];
    const KEY: &'static [&'static str] = &["code"];
    const EDITABLE: &'static [&'static str] = &["start_year", "end_year", "name", "basis"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.code, self.start_year, self.end_year, self.name, self.basis]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(RenstraPeriod {
            code: c.take()?,
            start_year: c.take()?,
            end_year: c.take()?,
            name: c.take()?,
            basis: c.take()?,
        })
    }
}
part!(RenstraPeriod, periods);

impl Entity for Strategy {
    const FILE: &'static str = "strategies.csv";
    const TABLE: &'static str = "strategy";
    const COLUMNS: &'static [Column] =
        &[col("period", "period_code", Required), same("position", Int), same("text", Required)];
    const KEY: &'static [&'static str] = &["period_code", "position"];
    const EDITABLE: &'static [&'static str] = &["text"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.period, self.position, self.text]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Strategy { period: c.take()?, position: c.take()?, text: c.take()? })
    }
}
part!(Strategy, strategies);

impl Entity for Misi {
    const FILE: &'static str = "misi.csv";
    const TABLE: &'static str = "misi";
    const COLUMNS: &'static [Column] = &[
        col("period", "period_code", Required),
        same("code", Required),
        same("position", Int),
        same("name", Required),
    ];
    const KEY: &'static [&'static str] = &["code"];
    const EDITABLE: &'static [&'static str] = &["position", "name"];
    // Added with the city plan's misi (schema 11): a dataset written before has no such file.
    const OPTIONAL_FILE: bool = true;
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.period, self.code, self.position, self.name]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Misi { period: c.take()?, code: c.take()?, position: c.take()?, name: c.take()? })
    }
}
part!(Misi, misi);

impl Entity for Tujuan {
    const FILE: &'static str = "tujuan.csv";
    const TABLE: &'static str = "tujuan";
    const COLUMNS: &'static [Column] = &[
        col("period", "period_code", Required),
        same("code", Required),
        same("position", Int),
        same("name", Required),
        col("misi", "misi_code", OptText).since(3),
    ];
    const KEY: &'static [&'static str] = &["code"];
    const EDITABLE: &'static [&'static str] = &["period_code", "position", "name", "misi_code"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.period, self.code, self.position, self.name, self.misi]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Tujuan { period: c.take()?, code: c.take()?, position: c.take()?, name: c.take()?, misi: c.take()? })
    }
}
part!(Tujuan, tujuan);

impl Entity for Sasaran {
    const FILE: &'static str = "sasaran.csv";
    const TABLE: &'static str = "sasaran";
    // `tujuan` was required before version 3; a sasaran now names its tujuan or its misi (the
    // reader's check refuses both and neither).
    const COLUMNS: &'static [Column] = &[
        col("tujuan", "tujuan_code", OptText),
        same("code", Required),
        same("position", Int),
        same("name", Required),
        col("misi", "misi_code", OptText).since(3),
    ];
    const KEY: &'static [&'static str] = &["code"];
    const EDITABLE: &'static [&'static str] = &["tujuan_code", "position", "name", "misi_code"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.tujuan, self.code, self.position, self.name, self.misi]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Sasaran { tujuan: c.take()?, code: c.take()?, position: c.take()?, name: c.take()?, misi: c.take()? })
    }
}
part!(Sasaran, sasaran);

impl Entity for Indicator {
    const FILE: &'static str = "indicators.csv";
    const TABLE: &'static str = "indicator";
    const COLUMNS: &'static [Column] = &[
        same("code", Required),
        col("period", "period_code", Required),
        same("level", Code(codes::<IndicatorLevel>())),
        col("parent", "parent_code", OptText),
        same("position", Int),
        same("name", Required),
        same("satuan", Text),
        same("polarity", Code(codes::<Polarity>())),
        same("capaian_rule", CodeOr(codes::<CapaianRule>(), "standard")),
        same("formula", CodeOr(codes::<FormulaKind>(), "value")),
        same("formula_text", Text),
        same("definition", Text),
        same("alasan", Text),
        same("data_source", Text),
        same("responsible", Text),
        same("iku", Bool),
        col("predecessor", "predecessor_code", OptText),
        same("comparable", Bool),
        same("quarter_rule", CodeOr(codes::<QuarterRule>(), "cumulative")),
        same("period_rule", CodeOr(codes::<PeriodRule>(), "level")).since(4),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &["code"];
    const EDITABLE: &'static [&'static str] = &[
        "period_code",
        "level",
        "parent_code",
        "position",
        "name",
        "satuan",
        "polarity",
        "capaian_rule",
        "formula",
        "formula_text",
        "definition",
        "alasan",
        "data_source",
        "responsible",
        "iku",
        "predecessor_code",
        "comparable",
        "note",
        "quarter_rule",
        "period_rule",
    ];
    fn to_cells(&self) -> Vec<Cell> {
        cells![
            self.code,
            self.period,
            self.level,
            self.parent,
            self.position,
            self.name,
            self.satuan,
            self.polarity,
            self.capaian_rule,
            self.formula,
            self.formula_text,
            self.definition,
            self.alasan,
            self.data_source,
            self.responsible,
            self.iku,
            self.predecessor,
            self.comparable,
            self.quarter_rule,
            self.period_rule,
            self.note
        ]
    }
    fn file_cells(&self) -> Vec<Cell> {
        let mut cells = self.to_cells();
        // Comparability means something only against a predecessor; without one the file leaves
        // the cell empty (read back as false).
        if self.predecessor.is_none() {
            if let Some(i) = Self::COLUMNS.iter().position(|c| c.sql == "comparable") {
                cells[i] = Cell::Null;
            }
        }
        cells
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Indicator {
            code: c.take()?,
            period: c.take()?,
            level: c.take()?,
            parent: c.take()?,
            position: c.take()?,
            name: c.take()?,
            satuan: c.take()?,
            polarity: c.take()?,
            capaian_rule: c.take()?,
            formula: c.take()?,
            formula_text: c.take()?,
            definition: c.take()?,
            alasan: c.take()?,
            data_source: c.take()?,
            responsible: c.take()?,
            iku: c.take()?,
            predecessor: c.take()?,
            comparable: c.take()?,
            quarter_rule: c.take()?,
            period_rule: c.take()?,
            note: c.take()?,
        })
    }
}
part!(Indicator, indicators);

impl Entity for Target {
    const FILE: &'static str = "targets.csv";
    const TABLE: &'static str = "indicator_target";
    const COLUMNS: &'static [Column] = &[
        col("indicator", "indicator_code", Required),
        same("year", Year),
        same("target", Dec),
        same("target_high", OptDec),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &["indicator_code", "year"];
    const EDITABLE: &'static [&'static str] = &["target", "target_high", "note"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.indicator, self.year, self.value.target, self.value.target_high, self.note]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Target {
            indicator: c.take()?,
            year: c.take()?,
            value: TargetValue { target: c.take()?, target_high: c.take()? },
            note: c.take()?,
        })
    }
}
part!(Target, targets);

impl Entity for AgreementTarget {
    const FILE: &'static str = "agreements.csv";
    const TABLE: &'static str = "agreement_target";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        col("indicator", "indicator_code", Required),
        same("target", Dec),
        same("target_high", OptDec),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &["indicator_code", "year"];
    const EDITABLE: &'static [&'static str] = &["target", "target_high", "note"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.year, self.indicator, self.value.target, self.value.target_high, self.note]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(AgreementTarget {
            year: c.take()?,
            indicator: c.take()?,
            value: TargetValue { target: c.take()?, target_high: c.take()? },
            note: c.take()?,
        })
    }
}
part!(AgreementTarget, agreements);

impl Entity for AgreementProgram {
    const FILE: &'static str = "agreement_programs.csv";
    const TABLE: &'static str = "agreement_program";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        col("program", "program_kode", Required),
        same("position", Int),
        same("name", Required),
        col("pagu_murni", "pagu_murni_sen", OptMoney),
        col("pagu_perubahan", "pagu_perubahan_sen", OptMoney),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &[];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.year, self.program, self.position, self.name, self.pagu_murni, self.pagu_perubahan, self.note]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(AgreementProgram {
            year: c.take()?,
            program: c.take()?,
            position: c.take()?,
            name: c.take()?,
            pagu_murni: c.take()?,
            pagu_perubahan: c.take()?,
            note: c.take()?,
        })
    }
}
part!(AgreementProgram, agreement_programs);

impl Entity for Realisation {
    const FILE: &'static str = "realisations.csv";
    const TABLE: &'static str = "realisation";
    const COLUMNS: &'static [Column] =
        &[col("indicator", "indicator_code", Required), same("year", Year), same("realisasi", Dec), same("note", Text)];
    const KEY: &'static [&'static str] = &["indicator_code", "year"];
    const EDITABLE: &'static [&'static str] = &["realisasi"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.indicator, self.year, self.realisasi, self.note]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Realisation { indicator: c.take()?, year: c.take()?, realisasi: c.take()?, note: c.take()? })
    }
}
part!(Realisation, realisations);

impl Entity for RawFigure {
    const FILE: &'static str = "raw_figures.csv";
    const TABLE: &'static str = "raw_figure";
    const COLUMNS: &'static [Column] = &[
        col("indicator", "indicator_code", Required),
        same("year", Year),
        same("role", Code(codes::<RawRole>())),
        same("value", Dec),
        same("label", Text),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &["indicator_code", "year", "role"];
    const EDITABLE: &'static [&'static str] = &["value", "label", "note"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.indicator, self.year, self.role, self.value, self.label, self.note]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(RawFigure {
            indicator: c.take()?,
            year: c.take()?,
            role: c.take()?,
            value: c.take()?,
            label: c.take()?,
            note: c.take()?,
        })
    }
}
part!(RawFigure, raw_figures);

impl Entity for BudgetLine {
    const FILE: &'static str = "budget_lines.csv";
    const TABLE: &'static str = "budget_line";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        same("kode", Required),
        col("parent", "parent_kode", OptText),
        same("level", Code(codes::<BudgetLevel>())),
        same("position", Int),
        same("name", Required),
        col("pagu_murni", "pagu_murni_sen", OptMoney),
        col("pagu_perubahan", "pagu_perubahan_sen", OptMoney),
        col("realisasi", "realisasi_sen", OptMoney),
        same("note", Text),
        same("source", CodeOr(codes::<FundingSource>(), "apbd")).since(2),
        same("spending", CodeOr(codes::<SpendingType>(), "program")).since(2),
        col("alokasi", "alokasi_sen", OptMoney).since(2),
        same("fisik_pct", OptDec).since(2),
        col("sisa", "sisa_sen", OptMoney).since(2),
    ];
    const KEY: &'static [&'static str] = &["year", "kode"];
    const EDITABLE: &'static [&'static str] = &[
        "name",
        "pagu_murni_sen",
        "pagu_perubahan_sen",
        "realisasi_sen",
        "source",
        "spending",
        "alokasi_sen",
        "fisik_pct",
        "sisa_sen",
    ];
    fn to_cells(&self) -> Vec<Cell> {
        cells![
            self.year,
            self.kode,
            self.parent,
            self.level,
            self.position,
            self.name,
            self.pagu_murni,
            self.pagu_perubahan,
            self.realisasi,
            self.note,
            self.source,
            self.spending,
            self.alokasi,
            self.fisik_pct,
            self.sisa
        ]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(BudgetLine {
            year: c.take()?,
            kode: c.take()?,
            parent: c.take()?,
            level: c.take()?,
            position: c.take()?,
            name: c.take()?,
            pagu_murni: c.take()?,
            pagu_perubahan: c.take()?,
            realisasi: c.take()?,
            note: c.take()?,
            source: c.take()?,
            spending: c.take()?,
            alokasi: c.take()?,
            fisik_pct: c.take()?,
            sisa: c.take()?,
        })
    }
}
part!(BudgetLine, budget_lines);

impl Entity for ProgramSupport {
    const FILE: &'static str = "program_support.csv";
    const TABLE: &'static str = "program_support";
    const COLUMNS: &'static [Column] =
        &[col("program", "program_kode", Required), col("indicator", "indicator_code", Required)];
    const KEY: &'static [&'static str] = &["program_kode", "indicator_code"];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.program, self.indicator]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(ProgramSupport { program: c.take()?, indicator: c.take()? })
    }
}
part!(ProgramSupport, program_support);

impl Entity for PrintedFigure {
    const FILE: &'static str = "printed_figures.csv";
    const TABLE: &'static str = "printed_figure";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        col("table", "table_id", Required),
        same("place", Code(codes::<Place>())),
        same("subject", Required),
        same("field", Required),
        same("printed", Required),
        same("value", OptDec),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &["year", "table_id", "place", "subject", "field"];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.year, self.table, self.place, self.subject, self.field, self.printed, self.value, self.note]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(PrintedFigure {
            year: c.take()?,
            table: c.take()?,
            place: c.take()?,
            subject: c.take()?,
            field: c.take()?,
            printed: c.take()?,
            value: c.take()?,
            note: c.take()?,
        })
    }
}
part!(PrintedFigure, printed_figures);

impl Entity for Note {
    const FILE: &'static str = "notes.csv";
    const TABLE: &'static str = "note";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        same("subject", Required),
        same("kind", Required),
        same("position", Int),
        same("text", Required),
    ];
    const KEY: &'static [&'static str] = &["year", "subject", "kind", "position"];
    const EDITABLE: &'static [&'static str] = &["text"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.year, self.subject, self.kind, self.position, self.text]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Note { year: c.take()?, subject: c.take()?, kind: c.take()?, position: c.take()?, text: c.take()? })
    }
}
part!(Note, notes);

impl Entity for Award {
    const FILE: &'static str = "awards.csv";
    const TABLE: &'static str = "award";
    const COLUMNS: &'static [Column] =
        &[same("year", Year), same("position", Int), same("giver", Text), same("description", Required)];
    const KEY: &'static [&'static str] = &[];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.year, self.position, self.giver, self.description]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Award { year: c.take()?, position: c.take()?, giver: c.take()?, description: c.take()? })
    }
}
part!(Award, awards);

impl Entity for AkipEvaluation {
    const FILE: &'static str = "akip_evaluations.csv";
    const TABLE: &'static str = "akip_evaluation";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        same("score", Dec),
        same("predicate", Text),
        same("perencanaan", OptDec),
        same("pengukuran", OptDec),
        same("pelaporan", OptDec),
        same("evaluasi", OptDec),
        same("evaluator", Text),
        col("indicator", "indicator_code", OptText),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &["year"];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![
            self.year,
            self.score,
            self.predicate,
            self.perencanaan,
            self.pengukuran,
            self.pelaporan,
            self.evaluasi,
            self.evaluator,
            self.indicator,
            self.note
        ]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(AkipEvaluation {
            year: c.take()?,
            score: c.take()?,
            predicate: c.take()?,
            perencanaan: c.take()?,
            pengukuran: c.take()?,
            pelaporan: c.take()?,
            evaluasi: c.take()?,
            evaluator: c.take()?,
            indicator: c.take()?,
            note: c.take()?,
        })
    }
}
part!(AkipEvaluation, akip_evaluations);

impl Entity for AkipRecommendation {
    const FILE: &'static str = "akip_recommendations.csv";
    const TABLE: &'static str = "akip_recommendation";
    const COLUMNS: &'static [Column] = &[
        same("evaluation_year", Year),
        same("followup_year", Year),
        same("position", Int),
        same("recommendation", Required),
        same("follow_up", Text),
    ];
    const KEY: &'static [&'static str] = &[];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.evaluation_year, self.followup_year, self.position, self.recommendation, self.follow_up]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(AkipRecommendation {
            evaluation_year: c.take()?,
            followup_year: c.take()?,
            position: c.take()?,
            recommendation: c.take()?,
            follow_up: c.take()?,
        })
    }
}
part!(AkipRecommendation, akip_recommendations);

impl Entity for Benchmark {
    const FILE: &'static str = "benchmarks.csv";
    const TABLE: &'static str = "benchmark";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        col("indicator", "indicator_code", Required),
        same("position", Int),
        same("name", Required),
        same("source", Text),
        same("benchmark_year", Year),
        same("satuan", Text),
        same("target", OptDec),
        same("realisasi", OptDec),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &[];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![
            self.year,
            self.indicator,
            self.position,
            self.name,
            self.source,
            self.benchmark_year,
            self.satuan,
            self.target,
            self.realisasi,
            self.note
        ]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(Benchmark {
            year: c.take()?,
            indicator: c.take()?,
            position: c.take()?,
            name: c.take()?,
            source: c.take()?,
            benchmark_year: c.take()?,
            satuan: c.take()?,
            target: c.take()?,
            realisasi: c.take()?,
            note: c.take()?,
        })
    }
}
part!(Benchmark, benchmarks);

impl Entity for UmkmUpgrade {
    const FILE: &'static str = "umkm_upgrades.csv";
    const TABLE: &'static str = "umkm_upgrade";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        same("position", Int),
        same("owner", Required),
        same("address", Text),
        same("business", Text),
        same("phone", Text),
        same("from_class", Code(codes::<UmkmClass>())),
        same("to_class", Code(codes::<UmkmClass>())),
        col("annual_sales", "annual_sales_sen", OptMoney),
        col("capital", "capital_sen", OptMoney),
    ];
    const KEY: &'static [&'static str] = &[];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![
            self.year,
            self.position,
            self.owner,
            self.address,
            self.business,
            self.phone,
            self.from_class,
            self.to_class,
            self.annual_sales,
            self.capital
        ]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(UmkmUpgrade {
            year: c.take()?,
            position: c.take()?,
            owner: c.take()?,
            address: c.take()?,
            business: c.take()?,
            phone: c.take()?,
            from_class: c.take()?,
            to_class: c.take()?,
            annual_sales: c.take()?,
            capital: c.take()?,
        })
    }
}
part!(UmkmUpgrade, umkm_upgrades);

impl Entity for ReportTable {
    const FILE: &'static str = "report_tables.csv";
    const TABLE: &'static str = "report_table";
    const COLUMNS: &'static [Column] = &[
        same("year", Year),
        col("id", "table_id", Required),
        same("kind", Code(codes::<TableKind>())),
        same("subject", Text),
        same("title", Required),
        same("source", Text),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &["year", "table_id"];
    const EDITABLE: &'static [&'static str] = &[];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.year, self.id, self.kind, self.subject, self.title, self.source, self.note]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(ReportTable {
            year: c.take()?,
            id: c.take()?,
            kind: c.take()?,
            subject: c.take()?,
            title: c.take()?,
            source: c.take()?,
            note: c.take()?,
        })
    }
}
part!(ReportTable, report_tables);

impl Entity for QuarterProgress {
    const FILE: &'static str = "quarters.csv";
    const TABLE: &'static str = "quarter_progress";
    const COLUMNS: &'static [Column] = &[
        col("indicator", "indicator_code", Required),
        same("year", Year),
        same("quarter", Int),
        same("target", OptDec),
        same("realisasi", OptDec),
    ];
    const KEY: &'static [&'static str] = &["indicator_code", "year", "quarter"];
    const EDITABLE: &'static [&'static str] = &["target", "realisasi"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.indicator, self.year, self.quarter, self.target, self.realisasi]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(QuarterProgress {
            indicator: c.take()?,
            year: c.take()?,
            quarter: c.take()?,
            target: c.take()?,
            realisasi: c.take()?,
        })
    }
}
part!(QuarterProgress, quarters);

impl Entity for BudgetQuarter {
    const FILE: &'static str = "budget_quarters.csv";
    const TABLE: &'static str = "budget_quarter";
    const COLUMNS: &'static [Column] =
        &[same("year", Year), same("kode", Required), same("quarter", Int), col("realisasi", "realisasi_sen", Money)];
    const KEY: &'static [&'static str] = &["year", "kode", "quarter"];
    const EDITABLE: &'static [&'static str] = &["realisasi_sen"];
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.year, self.kode, self.quarter, self.realisasi]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(BudgetQuarter { year: c.take()?, kode: c.take()?, quarter: c.take()?, realisasi: c.take()? })
    }
}
part!(BudgetQuarter, budget_quarters);

impl Entity for NarrativeSection {
    const FILE: &'static str = "narrative.csv";
    const TABLE: &'static str = "narrative_section";
    const COLUMNS: &'static [Column] = &[same("year", Year), same("section", Required), same("text", Required)];
    const KEY: &'static [&'static str] = &["year", "section"];
    const EDITABLE: &'static [&'static str] = &["text"];
    // Added with the report's text (schema 8): a dataset written before it has no such file.
    const OPTIONAL_FILE: bool = true;
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.year, self.section, self.text]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(NarrativeSection { year: c.take()?, section: c.take()?, text: c.take()? })
    }
}
part!(NarrativeSection, narrative);

impl Entity for AchievementBand {
    const FILE: &'static str = "achievement_bands.csv";
    const TABLE: &'static str = "achievement_band";
    const COLUMNS: &'static [Column] = &[
        col("period", "period_code", Required),
        same("position", Int),
        same("code", Required),
        same("name", Text),
        same("lower", OptDec),
        same("lower_inclusive", Bool),
    ];
    const KEY: &'static [&'static str] = &["period_code", "position"];
    const EDITABLE: &'static [&'static str] = &[];
    // Added with the office's own bands (schema 10): a dataset written before has no such file.
    const OPTIONAL_FILE: bool = true;
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.period, self.position, self.code, self.name, self.lower, self.lower_inclusive]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(AchievementBand {
            period: c.take()?,
            position: c.take()?,
            code: c.take()?,
            name: c.take()?,
            lower: c.take()?,
            lower_inclusive: c.take()?,
        })
    }
}
part!(AchievementBand, achievement_bands);

impl Entity for RenstraBaseline {
    const FILE: &'static str = "renstra_baselines.csv";
    const TABLE: &'static str = "renstra_baseline";
    const COLUMNS: &'static [Column] = &[
        col("indicator", "indicator_code", Required),
        same("baseline_year", OptInt),
        same("baseline", OptDec),
        same("end_target", OptDec),
        same("end_target_high", OptDec),
        same("note", Text),
    ];
    const KEY: &'static [&'static str] = &["indicator_code"];
    const EDITABLE: &'static [&'static str] = &[];
    // Added with the Renstra's baselines (schema 10): a dataset written before has no such file.
    const OPTIONAL_FILE: bool = true;
    fn to_cells(&self) -> Vec<Cell> {
        cells![self.indicator, self.baseline_year, self.baseline, self.end_target, self.end_target_high, self.note]
    }
    fn from_cells(c: &mut Cells) -> Result<Self, CellError> {
        Ok(RenstraBaseline {
            indicator: c.take()?,
            baseline_year: c.take()?,
            baseline: c.take()?,
            end_target: c.take()?,
            end_target_high: c.take()?,
            note: c.take()?,
        })
    }
}
part!(RenstraBaseline, baselines);
