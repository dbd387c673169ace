//! Prints the mentions the recognizer finds in a text file (one per line: span, label, text,
//! sentence, and for a title the person it qualifies).
//!
//! `cargo run --release -p analyze --example ner_show -- article.txt`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: ner_show FILE")?;
    let text = std::fs::read_to_string(path)?;
    let rec = analyze::ner::Recognizer::embedded()?;
    let seg = analyze::text::segment(&text, &[]);
    let mentions = rec.recognize(&text, &seg);
    for (i, m) in mentions.iter().enumerate() {
        let q = m
            .qualifies
            .map(|q| format!(" -> #{q} {}", mentions[q as usize].text))
            .unwrap_or_default();
        println!(
            "#{i}\t{}-{}\t{}\t{}\ts{}{q}",
            m.span.start,
            m.span.end,
            m.label.as_str(),
            m.text,
            m.sentence
        );
    }
    Ok(())
}
