//! Export tests on the hand-built fixtures: Parquet read back with the Arrow reader, GraphML
//! parsed as XML, the event CSV parsed as CSV.

use std::collections::HashMap;
use std::fs::File;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use store::Store;

fn store() -> Store {
    let mut s = Store::open_in_memory().expect("open");
    for (d, a) in fixtures::articles() {
        s.save(&d, &a).expect("save");
    }
    s
}

#[test]
fn parquet_tables_read_back_with_their_rows_and_types() {
    let s = store();
    let dir = tempfile::tempdir().expect("tmp");
    let files: HashMap<String, u64> =
        crate::write_parquet(&s, dir.path()).expect("parquet").into_iter().collect();
    let check = |name: &str, rows: u64| assert_eq!(files.get(name), Some(&rows), "{name}");
    check("documents.parquet", 3);
    check("sentences.parquet", 6);
    check("events.parquet", 5);
    check("relations.parquet", 4);
    // Rows as (column, value) maps, read with the parquet crate's own record reader.
    let read = |name: &str| -> Vec<HashMap<String, Field>> {
        let f = File::open(dir.path().join(name)).expect("open");
        let reader = SerializedFileReader::new(f).expect("reader");
        reader
            .get_row_iter(None)
            .expect("rows")
            .map(|r| {
                r.expect("row").get_column_iter().map(|(k, v)| (k.clone(), v.clone())).collect()
            })
            .collect()
    };
    let events = read("events.parquet");
    assert_eq!(events.len(), 5);
    let meeting = events
        .iter()
        .find(|r| {
            r.get("category") == Some(&Field::Str("CONSULT".into()))
                && r.get("date") == Some(&Field::Str("2023-09-28".into()))
        })
        .expect("the meeting");
    let Some(Field::ListInternal(actors)) = meeting.get("actors") else {
        panic!("actors: {:?}", meeting.get("actors"))
    };
    let actors: Vec<String> = actors.elements().iter().map(|f| f.to_string()).collect();
    assert_eq!(actors, ["\"person:khalifa haftar\"", "\"person:vladimir putin\""]);
    let Some(Field::ListInternal(recipients)) = meeting.get("recipients") else {
        panic!("recipients")
    };
    assert!(recipients.elements().is_empty());
    assert_eq!(meeting.get("trigger"), Some(&Field::Str("met".into())));
    assert_eq!(meeting.get("approx"), Some(&Field::Bool(false)));
    let undated = events
        .iter()
        .find(|r| r.get("category") == Some(&Field::Str("STATEMENT".into())))
        .expect("statement");
    assert_eq!(undated.get("date"), Some(&Field::Null));
    let ents = read("entities.parquet");
    let moscow =
        ents.iter().find(|r| r.get("name") == Some(&Field::Str("Moscow".into()))).expect("moscow");
    assert_eq!(moscow.get("lat"), Some(&Field::Double(55.7522)));
    assert_eq!(moscow.get("mentions"), Some(&Field::Long(1)));
}

#[test]
fn graphml_parses_and_has_typed_dated_edges() {
    let s = store();
    let mut out = Vec::new();
    let (nodes, edges) = crate::write_graphml(&s, &mut out, "test.graphml").expect("graphml");
    let text = String::from_utf8(out).expect("utf8");
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let n = doc.descendants().filter(|x| x.has_tag_name("node")).count() as u64;
    let e = doc.descendants().filter(|x| x.has_tag_name("edge")).count() as u64;
    assert_eq!((n, e), (nodes, edges));
    assert_eq!(nodes, s.counts().expect("counts").entities);
    let data = |edge: roxmltree::Node<'_, '_>, key: &str| {
        edge.children()
            .find(|c| c.has_tag_name("data") && c.attribute("key") == Some(key))
            .and_then(|c| c.text())
            .map(str::to_string)
    };
    let meeting = doc
        .descendants()
        .filter(|x| x.has_tag_name("edge"))
        .find(|x| {
            data(*x, "edge_type").as_deref() == Some("CONSULT")
                && data(*x, "date").as_deref() == Some("2023-09-28")
        })
        .expect("the meeting edge");
    assert_eq!(meeting.attribute("source"), Some("person:khalifa haftar"));
    assert_eq!(data(meeting, "symmetric").as_deref(), Some("true"));
    let assault = doc
        .descendants()
        .filter(|x| x.has_tag_name("edge"))
        .find(|x| data(*x, "edge_type").as_deref() == Some("ASSAULT"))
        .expect("assault");
    assert_eq!(assault.attribute("target"), Some("org:government of national unity"));
    assert!(doc.descendants().any(|x| x.has_tag_name("edge")
        && data(x, "edge_kind").as_deref() == Some("relation")
        && data(x, "edge_type").as_deref() == Some("SUPPORTS")));
}

#[test]
fn xml_escaping_keeps_documents_well_formed() {
    let check = |s: &str, expect: &str| assert_eq!(crate::graphml::xml_escape(s), expect);
    check("AT&T <b>", "AT&amp;T &lt;b&gt;");
    check("\"q\" 'a'", "&quot;q&quot; &apos;a&apos;");
    check("bell\u{7}tab\t", "belltab\t");
    check("Zürich", "Zürich");
}

#[test]
fn events_csv_has_one_row_per_event() {
    let s = store();
    let mut out = Vec::new();
    let n = crate::write_events_csv(&s, &mut out, "events.csv").expect("csv");
    assert_eq!(n, 5);
    let mut r = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = r.headers().expect("header").iter().map(str::to_string).collect();
    assert_eq!(header, crate::EVENTS_CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert_eq!(rows.len(), 5);
    let meeting = rows.iter().find(|x| &x[1] == "2023-09-28").expect("meeting");
    assert_eq!(&meeting[2], "day");
    assert_eq!(&meeting[3], "CONSULT");
    assert_eq!(&meeting[6], "Khalifa Haftar; Vladimir Putin");
    assert_eq!(&meeting[10], "Moscow");
    assert_eq!(&meeting[13], "55.7522");
    assert_eq!(&meeting[15], "1");
    assert!(meeting[19].contains("met Russian President"));
    assert_eq!(&rows[0][2], "month");
}
