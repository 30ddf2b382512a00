//! Writes the HTML report of the bundled sample (or of synthetic data) with
//! the library alone:
//!
//! ```text
//! cargo run --example html_report -- [--lang en] [--branch B01] [--synth N [--seed S] [--faults RATE]] [--template-dir DIR] [--open N] [--json FILE] --out FILE.html
//! ```
//!
//! * The sample (`examples/data/sample.json`) is audited as of 2025-12-31
//!   with `examples/data/profile-example.toml`, compared with a baseline
//!   (the same records audited as of 2025-06-30), with 待办 for 60 days.
//! * `--synth N`: N synthetic branches (`dangjian::synth`, seed `--seed`,
//!   default 1; fault rate `--faults`, default 0) audited with the central
//!   profile as of 2025-12-31, no baseline.
//! * `--branch ID`: only that branch.
//! * `--open N`: sections open when there are at most N branches (default 5).
//! * `--json FILE`: also the JSON report.
//!
//! A one-line summary goes to stderr. Exit 0: written; 1: an error; 2: bad usage.

use std::path::PathBuf;
use std::process::ExitCode;

use dangjian::render::html::HtmlReport;
use dangjian::report::{Baseline, Todo};
use dangjian::synth::SynthOptions;
use dangjian::{Auditor, Bundle, Lang, NaiveDate, Profile, Selection};

const USAGE: &str = "usage: html_report [--lang zh|en] [--branch ID] [--synth N [--seed S] [--faults RATE]] [--template-dir DIR] [--open N] [--json FILE] --out FILE.html";

struct Args {
    lang: Lang,
    branch: Option<String>,
    synth: Option<usize>,
    seed: u64,
    faults: f64,
    templates: Option<PathBuf>,
    json: Option<PathBuf>,
    open: Option<usize>,
    out: PathBuf,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        lang: Lang::Zh,
        branch: None,
        synth: None,
        seed: 1,
        faults: 0.0,
        templates: None,
        json: None,
        open: None,
        out: PathBuf::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let mut v = || it.next().ok_or_else(|| format!("{k} needs a value"));
        match k.as_str() {
            "--lang" => a.lang = v()?.parse().map_err(|e| format!("{e}"))?,
            "--branch" => a.branch = Some(v()?),
            "--synth" => a.synth = Some(v()?.parse().map_err(|e| format!("--synth: {e}"))?),
            "--seed" => a.seed = v()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--faults" => a.faults = v()?.parse().map_err(|e| format!("--faults: {e}"))?,
            "--template-dir" => a.templates = Some(v()?.into()),
            "--json" => a.json = Some(v()?.into()),
            "--open" => a.open = Some(v()?.parse().map_err(|e| format!("--open: {e}"))?),
            "--out" => a.out = v()?.into(),
            _ => return Err(format!("unknown argument {k}")),
        }
    }
    if a.out.as_os_str().is_empty() {
        return Err("--out FILE is required".to_owned());
    }
    Ok(a)
}

fn d(s: &str) -> NaiveDate {
    dangjian::parse_date(s).unwrap_or_default()
}

fn run(a: &Args) -> Result<String, Box<dyn std::error::Error>> {
    let clock = std::time::Instant::now();
    let (bundles, profile, baseline): (Vec<Bundle>, Profile, bool) = match a.synth {
        Some(n) => {
            let mut o = SynthOptions::new(n, a.seed);
            o.faults = a.faults;
            (o.bundles().collect(), Profile::central(), false)
        }
        None => (
            dangjian::load::read_path("examples/data/sample.json")?,
            Profile::from_toml_path("examples/data/profile-example.toml")?,
            true,
        ),
    };
    let bundles: Vec<Bundle> = bundles
        .into_iter()
        .filter(|b| {
            a.branch
                .as_ref()
                .is_none_or(|id| b.branch.id == id.as_str())
        })
        .collect();
    let as_of = d("2025-12-31");
    let auditor = Auditor::new(as_of).profile(profile.clone());
    let mut html = HtmlReport::new(a.lang);
    if let Some(n) = a.open {
        html = html.open_up_to(n);
    }
    if let Some(dir) = &a.templates {
        html = html.template_dir(dir)?;
    }
    let mut report = auditor.empty_report();
    report.todo = Some(Todo::new(as_of, 60));
    for b in &bundles {
        let cx = auditor.context(b);
        let findings = auditor.check_context(&cx);
        report.indicators.push(auditor.indicators(&cx, &findings));
        if let Some(t) = &mut report.todo {
            t.items.extend(auditor.todo(&cx, 60));
        }
        html.add_branch(&cx, &findings);
        auditor.add(&mut report, b, findings);
    }
    let mut report = auditor.finish(report);
    if let Some(t) = &mut report.todo {
        t.sort();
    }
    if baseline {
        // The baseline: the same records audited at mid-year (DAT003 left
        // out: it would report every later record as dated after as_of).
        let before = Auditor::new(d("2025-06-30"))
            .profile(profile)
            .select(Selection::all().without("DAT003".parse()?))
            .with_indicators(true)
            .audit(&bundles);
        report.compare(&Baseline::from_report(&before, Some("2025-06.json")));
    }
    if let Some(path) = &a.json {
        std::fs::write(path, report.to_json())?;
    }
    let page = html.finish(&report)?;
    std::fs::write(&a.out, &page)?;
    Ok(format!(
        "html_report: {} branches, {} findings, {} bytes in {:.2} s -> {}",
        report.summary.branches,
        report.findings.len(),
        page.len(),
        clock.elapsed().as_secs_f64(),
        a.out.display()
    ))
}

fn main() -> ExitCode {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("html_report: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&a) {
        Ok(line) => {
            eprintln!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("html_report: {e}");
            ExitCode::FAILURE
        }
    }
}
