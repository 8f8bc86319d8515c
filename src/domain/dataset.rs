use super::*;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// Everything Kinerja holds about one office, over all its years.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Dataset {
    pub office: Office,
    pub units: Vec<Unit>,
    pub unit_duties: Vec<UnitDuty>,
    pub staff: Vec<StaffCount>,
    pub assets: Vec<AssetItem>,
    pub periods: Vec<RenstraPeriod>,
    pub strategies: Vec<Strategy>,
    /// The city plan's misi per Renstra period (see [`Misi`]); empty when the reports print none.
    pub misi: Vec<Misi>,
    pub tujuan: Vec<Tujuan>,
    pub sasaran: Vec<Sasaran>,
    pub indicators: Vec<Indicator>,
    pub targets: Vec<Target>,
    pub agreements: Vec<AgreementTarget>,
    pub agreement_programs: Vec<AgreementProgram>,
    pub realisations: Vec<Realisation>,
    pub raw_figures: Vec<RawFigure>,
    pub budget_lines: Vec<BudgetLine>,
    pub program_support: Vec<ProgramSupport>,
    pub printed_figures: Vec<PrintedFigure>,
    pub notes: Vec<Note>,
    pub awards: Vec<Award>,
    pub akip_evaluations: Vec<AkipEvaluation>,
    pub akip_recommendations: Vec<AkipRecommendation>,
    pub benchmarks: Vec<Benchmark>,
    pub umkm_upgrades: Vec<UmkmUpgrade>,
    pub report_tables: Vec<ReportTable>,
    pub quarters: Vec<QuarterProgress>,
    pub budget_quarters: Vec<BudgetQuarter>,
    /// The report's text, per year and section (see [`NarrativeSection`]).
    pub narrative: Vec<NarrativeSection>,
    /// The office's own achievement bands per Renstra period (see [`AchievementBand`]).
    pub achievement_bands: Vec<AchievementBand>,
    /// The Renstra's baseline and end target per indicator (see [`RenstraBaseline`]).
    pub baselines: Vec<RenstraBaseline>,
    /// Lookups over `budget_lines`, built on first use (an office has thousands of lines a
    /// year, and the report walks their trees).
    #[doc(hidden)]
    pub budget_index: BudgetIndex,
}

/// Positions in `budget_lines` by (year, kode) and by (year, parent), children in order.
///
/// Built once, on the first lookup; a dataset whose `budget_lines` grew, shrank or moved since
/// then is noticed and answered by scanning, and every answer is checked against the line it
/// points to. A dataset is not meant to change its lines' keys after it is read (the window reads
/// a fresh one after each edit).
#[derive(Default)]
pub struct BudgetIndex(OnceLock<BudgetIndexData>);

struct BudgetIndexData {
    len: usize,
    ptr: usize,
    by_kode: HashMap<(Year, String), usize>,
    children: HashMap<(Year, Option<String>), Vec<usize>>,
}

impl Clone for BudgetIndex {
    /// A copy builds its own index (its lines live elsewhere).
    fn clone(&self) -> Self {
        BudgetIndex::default()
    }
}

impl PartialEq for BudgetIndex {
    /// The index is derived data: datasets compare by their content alone.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for BudgetIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BudgetIndex")
    }
}

impl BudgetIndex {
    fn get(&self, lines: &[BudgetLine]) -> Option<&BudgetIndexData> {
        let data = self.0.get_or_init(|| {
            let mut by_kode = HashMap::with_capacity(lines.len());
            let mut children: HashMap<(Year, Option<String>), Vec<usize>> = HashMap::new();
            for (i, b) in lines.iter().enumerate() {
                by_kode.entry((b.year, b.kode.clone())).or_insert(i);
                children.entry((b.year, b.parent.clone())).or_default().push(i);
            }
            for list in children.values_mut() {
                // Stable: lines with the same position keep their stored order, as a scan would.
                list.sort_by_key(|i| lines[*i].position);
            }
            BudgetIndexData { len: lines.len(), ptr: lines.as_ptr() as usize, by_kode, children }
        });
        (data.len == lines.len() && data.ptr == lines.as_ptr() as usize).then_some(data)
    }
}

impl Dataset {
    /// Years with reported results: a realisation, a budget realisation, staff or assets.
    pub fn report_years(&self) -> BTreeSet<Year> {
        let mut years = BTreeSet::new();
        years.extend(self.realisations.iter().map(|r| r.year));
        years.extend(self.budget_lines.iter().filter(|b| b.realisasi.is_some() || b.pagu().is_some()).map(|b| b.year));
        years.extend(self.staff.iter().map(|s| s.year));
        years.extend(self.assets.iter().map(|a| a.year));
        years.extend(self.akip_evaluations.iter().map(|a| a.year));
        years
    }

    /// Every year the dataset mentions, including target-only years.
    pub fn all_years(&self) -> BTreeSet<Year> {
        let mut years = self.report_years();
        years.extend(self.targets.iter().map(|t| t.year));
        years.extend(self.agreements.iter().map(|t| t.year));
        years
    }

    /// The latest year with reported results.
    pub fn latest_report_year(&self) -> Option<Year> {
        self.report_years().last().copied()
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    pub fn period(&self, code: &str) -> Option<&RenstraPeriod> {
        self.periods.iter().find(|p| p.code == code)
    }

    /// The Renstra period that contains `year` (the latest-starting one if several do).
    pub fn period_of_year(&self, year: Year) -> Option<&RenstraPeriod> {
        self.periods.iter().filter(|p| p.contains(year)).max_by_key(|p| p.start_year)
    }

    pub fn budget_line(&self, year: Year, kode: &str) -> Option<&BudgetLine> {
        if let Some(index) = self.budget_index.get(&self.budget_lines) {
            let found = index.by_kode.get(&(year, kode.to_string())).and_then(|i| self.budget_lines.get(*i));
            if found.is_none_or(|b| b.year == year && b.kode == kode) {
                return found;
            }
        }
        self.budget_lines.iter().find(|b| b.year == year && b.kode == kode)
    }

    /// Lines of a year whose parent is `parent` (`None` for programs), in order.
    pub fn budget_children(&self, year: Year, parent: Option<&str>) -> Vec<&BudgetLine> {
        if let Some(index) = self.budget_index.get(&self.budget_lines) {
            let lines: Vec<&BudgetLine> = index
                .children
                .get(&(year, parent.map(str::to_string)))
                .map(|list| list.iter().filter_map(|i| self.budget_lines.get(*i)).collect())
                .unwrap_or_default();
            if lines.iter().all(|b| b.year == year && b.parent.as_deref() == parent) {
                return lines;
            }
        }
        let mut lines: Vec<&BudgetLine> =
            self.budget_lines.iter().filter(|b| b.year == year && b.parent.as_deref() == parent).collect();
        lines.sort_by_key(|b| b.position);
        lines
    }

    /// The year's top-level programme lines (spending type `program`), in order: the lines of the
    /// report's programme tables.
    pub fn budget_programs(&self, year: Year) -> Vec<&BudgetLine> {
        self.budget_children(year, None).into_iter().filter(|b| b.spending == SpendingType::Program).collect()
    }

    /// The top-level line above `kode` (the line itself when it is top-level), whose funding
    /// source and spending type the line shares; `None` when a parent is missing or the parents
    /// run in a cycle.
    pub fn budget_top(&self, year: Year, kode: &str) -> Option<&BudgetLine> {
        let mut line = self.budget_line(year, kode)?;
        for _ in 0..=self.budget_lines.len() {
            match &line.parent {
                None => return Some(line),
                Some(p) => line = self.budget_line(year, p)?,
            }
        }
        None
    }

    pub fn asset_children(&self, year: Year, parent: Option<&str>) -> Vec<&AssetItem> {
        let mut items: Vec<&AssetItem> =
            self.assets.iter().filter(|a| a.year == year && a.parent.as_deref() == parent).collect();
        items.sort_by_key(|a| a.position);
        items
    }

    /// The year's target of an indicator: the agreement's, otherwise the Renstra's.
    pub fn target(&self, indicator: &str, year: Year) -> Option<&TargetValue> {
        self.agreements
            .iter()
            .find(|a| a.indicator == indicator && a.year == year)
            .map(|a| &a.value)
            .or_else(|| self.renstra_target(indicator, year))
    }

    pub fn renstra_target(&self, indicator: &str, year: Year) -> Option<&TargetValue> {
        self.targets.iter().find(|t| t.indicator == indicator && t.year == year).map(|t| &t.value)
    }

    pub fn realisation(&self, indicator: &str, year: Year) -> Option<&Realisation> {
        self.realisations.iter().find(|r| r.indicator == indicator && r.year == year)
    }

    pub fn raw_figure(&self, indicator: &str, year: Year, role: RawRole) -> Option<&RawFigure> {
        self.raw_figures.iter().find(|r| r.indicator == indicator && r.year == year && r.role == role)
    }

    /// Program kodes supporting an indicator, in budget order.
    pub fn supporting_programs(&self, indicator: &str) -> Vec<&str> {
        self.program_support.iter().filter(|s| s.indicator == indicator).map(|s| s.program.as_str()).collect()
    }

    /// IKU of a period in plan order (sasaran order, then indicator position).
    pub fn ikus_of_period(&self, period: &str) -> Vec<&Indicator> {
        let mut out: Vec<&Indicator> = self
            .indicators
            .iter()
            .filter(|i| i.period == period && i.iku && i.level == IndicatorLevel::Sasaran)
            .collect();
        out.sort_by_key(|i| (self.sasaran_order(i.parent.as_deref()), i.position));
        out
    }

    /// A sasaran's place in its period's plan: its misi's position (after every misi when it
    /// has none), its tujuan's (before the tujuan when it hangs directly under the misi), its own.
    fn sasaran_order(&self, code: Option<&str>) -> (i64, i64, i64) {
        let Some(s) = code.and_then(|c| self.sasaran.iter().find(|s| s.code == c)) else {
            return (i64::MAX, i64::MAX, i64::MAX);
        };
        let misi_position = |m: Option<&str>| m.and_then(|m| self.misi(m)).map_or(i64::MAX, |m| m.position);
        match s.parent() {
            Some(SasaranParent::Tujuan(t)) => match self.tujuan.iter().find(|x| x.code == t) {
                Some(t) => (misi_position(t.misi.as_deref()), t.position, s.position),
                None => (i64::MAX, i64::MAX, s.position),
            },
            Some(SasaranParent::Misi(m)) => (misi_position(Some(m)), i64::MIN, s.position),
            None => (i64::MAX, i64::MAX, s.position),
        }
    }

    pub fn misi(&self, code: &str) -> Option<&Misi> {
        self.misi.iter().find(|m| m.code == code)
    }

    /// The city plan's misi of a period, in order.
    pub fn misi_of_period(&self, period: &str) -> Vec<&Misi> {
        let mut out: Vec<&Misi> = self.misi.iter().filter(|m| m.period == period).collect();
        out.sort_by_key(|m| m.position);
        out
    }

    /// Tujuan of a period, in order.
    pub fn tujuan_of_period(&self, period: &str) -> Vec<&Tujuan> {
        let mut out: Vec<&Tujuan> = self.tujuan.iter().filter(|t| t.period == period).collect();
        out.sort_by_key(|t| t.position);
        out
    }

    /// The period a sasaran belongs to: its tujuan's, or its misi's when it hangs under a misi.
    pub fn period_of_sasaran(&self, s: &Sasaran) -> Option<&str> {
        match s.parent()? {
            SasaranParent::Tujuan(t) => self.tujuan.iter().find(|x| x.code == t).map(|t| t.period.as_str()),
            SasaranParent::Misi(m) => self.misi(m).map(|m| m.period.as_str()),
        }
    }

    /// Sasaran of a period in plan order, whether under a tujuan or directly under a misi.
    pub fn sasaran_of_period(&self, period: &str) -> Vec<&Sasaran> {
        let mut out: Vec<&Sasaran> =
            self.sasaran.iter().filter(|s| self.period_of_sasaran(s) == Some(period)).collect();
        out.sort_by_key(|s| self.sasaran_order(Some(&s.code)));
        out
    }

    /// Sasaran directly under a tujuan, in order.
    pub fn sasaran_of_tujuan(&self, tujuan: &str) -> Vec<&Sasaran> {
        let mut out: Vec<&Sasaran> = self.sasaran.iter().filter(|s| s.is_under_tujuan(tujuan)).collect();
        out.sort_by_key(|s| s.position);
        out
    }

    /// Sasaran directly under a misi (not through a tujuan), in order.
    pub fn sasaran_of_misi(&self, misi: &str) -> Vec<&Sasaran> {
        let mut out: Vec<&Sasaran> = self.sasaran.iter().filter(|s| s.is_under_misi(misi)).collect();
        out.sort_by_key(|s| s.position);
        out
    }

    /// The stored text of a section of a year's report.
    pub fn narrative_section(&self, year: Year, key: &SectionKey) -> Option<&NarrativeSection> {
        let key = key.key();
        self.narrative.iter().find(|n| n.year == year && n.section == key)
    }

    pub fn printed(&self, year: Year, table: &str, subject: &str, field: &str) -> Option<&PrintedFigure> {
        self.printed_figures.iter().find(|p| {
            p.year == year && p.table == table && p.place == Place::Table && p.subject == subject && p.field == field
        })
    }
}
