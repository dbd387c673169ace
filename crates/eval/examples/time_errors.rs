//! Developer aid: lists TempEval-3 disagreements (missed, spurious, wrong type or value) between
//! `analyze::time` and TimeML gold. `cargo run --release -p eval --example time_errors -- DIR`.

use std::path::PathBuf;

use eval::time::{analyze_doc, pair, read_timeml_dir, type_name};
use types::Span;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).ok_or("usage: time_errors DIR")?);
    for (_, doc) in read_timeml_dir(&dir)? {
        let sys = analyze_doc(&doc);
        let gs: Vec<Span> = doc.timexes.iter().map(|g| g.span).collect();
        let ss: Vec<Span> = sys.iter().map(|s| s.span).collect();
        let pairs = pair(&gs, &ss);
        let ctx = |s: Span| {
            let a = doc.text.floor_char_boundary(s.start.saturating_sub(40));
            let b = doc.text.ceil_char_boundary((s.end + 40).min(doc.text.len()));
            doc.text[a..b].replace('\n', " ")
        };
        let dct = doc.dct.map(|d| d.to_string()).unwrap_or_default();
        for (g, x) in doc.timexes.iter().enumerate() {
            match pairs.iter().find(|p| p.0 == g) {
                None => println!(
                    "MISS\t{}\t{}\t{}\t{}\t{}",
                    doc.id,
                    dct,
                    &doc.text[x.span.start..x.span.end],
                    x.value,
                    ctx(x.span)
                ),
                Some(&(_, s)) => {
                    let y = &sys[s];
                    let gt = &doc.text[x.span.start..x.span.end];
                    if y.value != x.value || type_name(y.kind) != x.kind {
                        println!(
                            "VALUE\t{}\t{}\t{} [{}]\t{} {} / sys {} {} [{}]\t{}",
                            doc.id,
                            dct,
                            gt,
                            y.text,
                            x.kind,
                            x.value,
                            type_name(y.kind),
                            y.value,
                            y.precision,
                            ctx(x.span)
                        );
                    } else if y.span != x.span {
                        println!(
                            "EXTENT\t{}\t{}\t{} [{}]\t{}",
                            doc.id,
                            dct,
                            gt,
                            y.text,
                            ctx(x.span)
                        );
                    }
                }
            }
        }
        for (s, y) in sys.iter().enumerate() {
            if !pairs.iter().any(|p| p.1 == s) {
                println!(
                    "SPUR\t{}\t{}\t{}\t{} {}\t{}",
                    doc.id,
                    dct,
                    y.text,
                    type_name(y.kind),
                    y.value,
                    ctx(y.span)
                );
            }
        }
    }
    Ok(())
}
