use super::*;

/// Checks of one declaration that need no data.
struct Declarations(Vec<String>);

impl Declarations {
    fn check<E: Entity>(&mut self) {
        let mut fail = |what: String| self.0.push(format!("{}: {what}", E::TABLE));
        let sql = E::sql_names();
        let csv = E::csv_names();
        for (i, name) in sql.iter().enumerate() {
            if sql[..i].contains(name) {
                fail(format!("SQL column {name} twice"));
            }
        }
        for (i, name) in csv.iter().enumerate() {
            if csv[..i].contains(name) {
                fail(format!("file column {name} twice"));
            }
        }
        for k in E::KEY {
            if !sql.contains(k) {
                fail(format!("key {k} is not a column"));
            }
        }
        for e in E::EDITABLE {
            if !sql.contains(e) {
                fail(format!("editable {e} is not a column"));
            }
            if E::KEY.contains(e) {
                fail(format!("editable {e} is part of the key"));
            }
        }
        for c in E::COLUMNS {
            if c.since == 0 || c.since > FORMAT_VERSION {
                fail(format!("column {} of format version {} beyond {FORMAT_VERSION}", c.sql, c.since));
            }
            let reads_empty = matches!(
                c.kind,
                Kind::Text
                    | Kind::OptText
                    | Kind::IntOrZero
                    | Kind::OptInt
                    | Kind::OptDec
                    | Kind::OptMoney
                    | Kind::CodeOr(..)
                    | Kind::Bool
            );
            if c.since > 1 && !reads_empty {
                fail(format!("column {} added later must read an empty cell", c.sql));
            }
            if let Kind::CodeOr(codes, default) = c.kind {
                if !(codes.accepts)(default) {
                    fail(format!("default '{default}' of {} is not one of {}", c.sql, (codes.list)()));
                }
            }
        }
        if !E::FILE.ends_with(".csv") {
            fail(format!("file {} is not a .csv", E::FILE));
        }
    }
}

impl PartVisitor for Declarations {
    type Error = std::convert::Infallible;
    fn visit<P: Part>(&mut self) -> Result<(), Self::Error> {
        self.check::<P>();
        Ok(())
    }
}

#[test]
fn every_declaration_is_consistent() {
    let mut d = Declarations(Vec::new());
    d.check::<Office>();
    let Ok(()) = each_part(&mut d);
    assert!(d.0.is_empty(), "{}", d.0.join("\n"));
}

/// Whether a cell is what a column of this kind holds.
fn fits(kind: Kind, cell: &Cell) -> bool {
    match (kind, cell) {
        (Kind::Text | Kind::Required, Cell::Text(_)) => true,
        (Kind::OptText | Kind::OptInt | Kind::OptDec | Kind::OptMoney, Cell::Null) => true,
        (Kind::OptText, Cell::Text(_)) => true,
        (Kind::Int | Kind::IntOrZero | Kind::OptInt | Kind::Year, Cell::Int(_)) => true,
        (Kind::Dec | Kind::OptDec, Cell::Dec(_)) => true,
        (Kind::Money | Kind::OptMoney, Cell::Money(_)) => true,
        (Kind::Code(codes) | Kind::CodeOr(codes, _), Cell::Text(t)) => (codes.accepts)(t),
        (Kind::Bool, Cell::Bool(_)) => true,
        _ => false,
    }
}

/// Every row of every part of a dataset through `to_cells` and back.
struct RoundTrip<'a> {
    dataset: &'a Dataset,
    failures: Vec<String>,
    rows: usize,
    empty: Vec<&'static str>,
}

impl RoundTrip<'_> {
    fn check<E: Entity + PartialEq + fmt::Debug>(&mut self, rows: &[E]) {
        for row in rows {
            self.rows += 1;
            let cells = row.to_cells();
            if cells.len() != E::COLUMNS.len() {
                self.failures.push(format!("{}: {} cells for {} columns", E::TABLE, cells.len(), E::COLUMNS.len()));
                continue;
            }
            for (c, cell) in E::COLUMNS.iter().zip(&cells) {
                if !fits(c.kind, cell) {
                    self.failures.push(format!("{}.{}: {cell:?} does not fit {:?}", E::TABLE, c.sql, c.kind));
                }
            }
            match E::decode(cells) {
                Ok(back) if &back == row => {}
                Ok(back) => self.failures.push(format!("{}: {row:?} came back as {back:?}", E::TABLE)),
                Err(e) => self.failures.push(e.to_string()),
            }
        }
    }
}

impl PartVisitor for RoundTrip<'_> {
    type Error = std::convert::Infallible;
    fn visit<P: Part>(&mut self) -> Result<(), Self::Error> {
        // `Part` does not promise `PartialEq + Debug`; records are compared through their
        // cells' debug text here.
        if P::rows(self.dataset).is_empty() {
            self.empty.push(P::TABLE);
        }
        for row in P::rows(self.dataset) {
            self.rows += 1;
            let cells = row.to_cells();
            let shown = format!("{cells:?}");
            for (c, cell) in P::COLUMNS.iter().zip(&cells) {
                if !fits(c.kind, cell) {
                    self.failures.push(format!("{}.{}: {cell:?} does not fit {:?}", P::TABLE, c.sql, c.kind));
                }
            }
            if cells.len() != P::COLUMNS.len() {
                self.failures.push(format!("{}: {} cells for {} columns", P::TABLE, cells.len(), P::COLUMNS.len()));
            }
            match P::decode(cells) {
                Ok(back) if format!("{:?}", back.to_cells()) == shown => {}
                Ok(_) => self.failures.push(format!("{}: {shown} changed on the way back", P::TABLE)),
                Err(e) => self.failures.push(e.to_string()),
            }
        }
        Ok(())
    }
}

#[test]
fn every_record_of_the_embedded_dataset_survives_its_cells() {
    let mut d = crate::embedded::dataset().expect("the embedded dataset is valid");
    // The reference report has no quarters; one of each, with and without values.
    d.quarters.push(QuarterProgress {
        indicator: "IKU1".into(),
        year: 2024,
        quarter: 2,
        target: Some(Decimal::new(7525, 2)),
        realisasi: None,
    });
    d.budget_quarters.push(BudgetQuarter { year: 2024, kode: "1".into(), quarter: 4, realisasi: Money::from_sen(12) });
    // The report's text is an optional file: one section with a reference, whether or not the
    // embedded dataset has its own.
    let narrative = d.narrative.len();
    d.narrative.push(NarrativeSection {
        year: 2030,
        section: "penutup".into(),
        text: "Serapan {{budget:* serapan_pct}}.\n\nDemikian.".into(),
    });
    // The office's own bands are an optional file the reference leaves out: an open band and a
    // bounded one.
    let period = d.periods[0].code.clone();
    d.achievement_bands.push(AchievementBand {
        period: period.clone(),
        position: 1,
        code: "SB".into(),
        name: "Sangat Baik".into(),
        lower: Some(Decimal::new(100, 0)),
        lower_inclusive: false,
    });
    d.achievement_bands.push(AchievementBand {
        period,
        position: 2,
        code: "K".into(),
        name: String::new(),
        lower: None,
        lower_inclusive: true,
    });
    d.baselines.push(RenstraBaseline {
        indicator: "IKU1".into(),
        baseline_year: Some(2023),
        baseline: Some(Decimal::new(7480, 2)),
        end_target: Some(Decimal::new(80, 0)),
        end_target_high: None,
        note: String::new(),
    });
    // The city plan's misi are an optional file the reference leaves out: one, served by a
    // tujuan, with a sasaran directly under it.
    d.misi.push(Misi { period: "2024-2026".into(), code: "M1".into(), position: 1, name: "Misi".into() });
    d.tujuan[0].misi = Some("M1".into());
    d.sasaran.push(Sasaran {
        tujuan: None,
        code: "S9".into(),
        position: 9,
        name: "Di bawah misi".into(),
        misi: Some("M1".into()),
    });
    let mut t = RoundTrip { dataset: &d, failures: Vec::new(), rows: 0, empty: Vec::new() };
    t.check(std::slice::from_ref(&d.office));
    let Ok(()) = each_part(&mut t);
    assert!(t.failures.is_empty(), "{}", t.failures.join("\n"));
    assert!(t.empty.is_empty(), "every declaration is exercised; without rows: {:?}", t.empty);
    // 655 data rows in the 27 embedded files other than the narrative (counted with a CSV
    // reader), the narrative's sections, the six above and the misi and its sasaran.
    assert_eq!(t.rows, 663 + narrative);
}

#[test]
fn a_cell_of_the_wrong_type_names_the_column() {
    let cells = vec![Cell::Text("U1".into()), Cell::Null, Cell::Text("3".into()), Cell::Text("head".into())];
    let e = Unit::decode(cells).expect_err("position is not a number");
    assert_eq!((e.table, e.column), ("unit", "position"));
    assert!(e.to_string().contains("expected a whole number, found '3'"), "{e}");

    let e = Unit::decode(vec![Cell::Text("U1".into())]).expect_err("too short");
    assert_eq!(e.column, "parent_code");

    let unknown = vec![
        Cell::Text("U1".into()),
        Cell::Null,
        Cell::Int(1),
        Cell::Text("kepala".into()),
        Cell::Text("Kepala Dinas".into()),
    ];
    let e = Unit::decode(unknown).expect_err("not a unit kind");
    assert_eq!(e.column, "kind");
    assert!(e.to_string().contains("'kepala'"), "{e}");

    let extra = vec![
        Cell::Text("U1".into()),
        Cell::Null,
        Cell::Int(1),
        Cell::Text("head".into()),
        Cell::Text("Kepala Dinas".into()),
        Cell::Null,
    ];
    assert!(Unit::decode(extra).is_err(), "a cell too many");
}
