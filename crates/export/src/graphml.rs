//! GraphML for Gephi and other graph tools: every entity is a node; every standing relation is a
//! directed edge typed by its predicate (with validity and report dates); every event ties its
//! participants: actor -> recipient edges, and edges between co-actors marked `symmetric`
//! (all edges are written directed, so strict readers such as networkx accept the file),
//! typed by the event category and dated by the event date.

use std::io::Write;
use std::path::PathBuf;

use store::{Cell, GRAPH_NODES, GRAPH_RELATIONS, QueryError, Store, StoreError};

use crate::{ExportError, Result};

/// Escapes text for XML attribute and element content, dropping characters XML 1.0 forbids.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Node attribute keys: (id, GraphML type), in column order of [`GRAPH_NODES`] after `id`.
const NODE_KEYS: &[(&str, &str)] = &[
    ("type", "string"),
    ("label", "string"),
    ("kind", "string"),
    ("country", "string"),
    ("lat", "double"),
    ("lon", "double"),
    ("mentions", "long"),
    ("documents", "long"),
    ("first_seen", "string"),
    ("last_seen", "string"),
];

const EDGE_KEYS: &[(&str, &str)] = &[
    ("edge_kind", "string"),
    ("edge_type", "string"),
    ("title", "string"),
    ("valid_from", "string"),
    ("valid_to", "string"),
    ("date", "string"),
    ("mode", "string"),
    ("modality", "string"),
    ("reports", "long"),
    ("first_reported", "string"),
    ("last_reported", "string"),
    ("relation", "string"),
    ("event", "string"),
    ("symmetric", "boolean"),
];

struct Out<'a> {
    w: &'a mut dyn Write,
    path: PathBuf,
}

impl Out<'_> {
    fn put(&mut self, s: &str) -> Result<()> {
        self.w
            .write_all(s.as_bytes())
            .map_err(|source| ExportError::Io { path: self.path.clone(), source })
    }
}

fn cell_text(c: &Cell<'_>) -> Option<String> {
    match c {
        Cell::Null => None,
        Cell::Int(v) => Some(v.to_string()),
        Cell::Real(v) => Some(v.to_string()),
        Cell::Text(s) => Some((*s).to_string()),
    }
}

fn data(key: &str, value: Option<&str>) -> String {
    match value {
        Some(v) if !v.is_empty() => format!("<data key=\"{key}\">{}</data>", xml_escape(v)),
        _ => String::new(),
    }
}

/// Writes the graph; returns (nodes, edges). `name` names the output in errors.
pub fn write_graphml(store: &Store, w: &mut dyn Write, name: &str) -> Result<(u64, u64)> {
    let mut out = Out { w, path: PathBuf::from(name) };
    out.put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    out.put(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    )?;
    for (k, t) in NODE_KEYS {
        out.put(&format!(
            "  <key id=\"{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"{t}\"/>\n"
        ))?;
    }
    for (k, t) in EDGE_KEYS {
        let attr = k.strip_prefix("edge_").unwrap_or(k);
        out.put(&format!(
            "  <key id=\"{k}\" for=\"edge\" attr.name=\"{attr}\" attr.type=\"{t}\"/>\n"
        ))?;
    }
    out.put("  <graph id=\"sitrep\" edgedefault=\"directed\">\n")?;

    let mut known = std::collections::HashSet::new();
    let nodes = store.for_each_table_row(&GRAPH_NODES, |cells| -> Result<()> {
        let Some(id) = cell_text(&cells[0]) else { return Ok(()) };
        let mut line = format!("    <node id=\"{}\">", xml_escape(&id));
        for ((k, _), c) in NODE_KEYS.iter().zip(&cells[1..]) {
            line.push_str(&data(k, cell_text(c).as_deref()));
        }
        line.push_str("</node>\n");
        known.insert(id);
        out.put(&line)
    })?;

    let mut edges = 0u64;
    store.for_each_table_row(&GRAPH_RELATIONS, |cells| -> Result<()> {
        let t = |i: usize| cell_text(&cells[i]);
        let (Some(id), Some(s), Some(o)) = (t(0), t(1), t(2)) else { return Ok(()) };
        let line = format!(
            "    <edge id=\"r{edges}\" source=\"{}\" target=\"{}\">{}{}{}{}{}{}{}{}{}</edge>\n",
            xml_escape(&s),
            xml_escape(&o),
            data("edge_kind", Some("relation")),
            data("edge_type", t(3).as_deref()),
            data("title", t(4).as_deref()),
            data("valid_from", t(5).as_deref()),
            data("valid_to", t(6).as_deref()),
            data("reports", t(7).as_deref()),
            data("first_reported", t(8).as_deref()),
            data("last_reported", t(9).as_deref()),
            data("relation", Some(&id)),
        );
        edges += 1;
        out.put(&line)
    })?;

    let mut io_err: Option<ExportError> = None;
    store.for_each_event_row(|r| {
        let ids = |v: &[store::Named]| -> Vec<String> {
            let mut ids: Vec<String> =
                v.iter().filter_map(|n| n.id.clone()).filter(|id| known.contains(id)).collect();
            ids.dedup();
            ids
        };
        let (actors, recipients) = (ids(&r.actors), ids(&r.recipients));
        let mut pairs: Vec<(&str, &str, bool)> = Vec::new();
        for a in &actors {
            for b in &recipients {
                if a != b {
                    pairs.push((a, b, true));
                }
            }
        }
        for (i, a) in actors.iter().enumerate() {
            for b in &actors[i + 1..] {
                if a != b {
                    pairs.push((a, b, false));
                }
            }
        }
        for (s, t, directed) in pairs {
            let line = format!(
                "    <edge id=\"e{edges}\" source=\"{}\" target=\"{}\">{}{}{}{}{}{}{}{}{}{}</edge>\n",
                xml_escape(s),
                xml_escape(t),
                data("symmetric", Some(if directed { "false" } else { "true" })),
                data("edge_kind", Some("event")),
                data("edge_type", Some(&r.category)),
                data("date", r.date.as_deref()),
                data("mode", r.mode.as_deref()),
                data("modality", Some(&r.modality)),
                data("reports", Some(&r.reports.to_string())),
                data("first_reported", r.first_reported.as_deref()),
                data("last_reported", r.last_reported.as_deref()),
                data("event", Some(&r.id)),
            );
            edges += 1;
            if let Err(e) = out.put(&line) {
                let msg = e.to_string();
                io_err = Some(e);
                return Err(QueryError::Store(StoreError::Invalid {
                    path: PathBuf::from(name),
                    reason: msg,
                }));
            }
        }
        Ok(())
    })
    .map_err(|e| io_err.take().unwrap_or(ExportError::Query(e)))?;
    out.put("  </graph>\n</graphml>\n")?;
    Ok((nodes, edges))
}
