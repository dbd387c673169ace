//! Parquet: one file per [`store::PARQUET_TABLES`] table, columns typed as the store declares
//! them (UTF-8 strings, 64-bit integers, doubles, booleans, and lists of strings in the standard
//! three-level LIST layout), Snappy-compressed, in row groups of 64k rows so memory stays flat
//! on large stores. Written with the `parquet` crate's column writers (no Arrow: it keeps the
//! build small).

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::{Type, TypePtr};
use store::{Cell, ColumnType, PARQUET_TABLES, Store, TableSpec};

use crate::{ExportError, Result};

const BATCH: usize = 65_536;

fn schema(t: &TableSpec) -> parquet::errors::Result<TypePtr> {
    let string = |name: &str, rep: Repetition| {
        Type::primitive_type_builder(name, Physical::BYTE_ARRAY)
            .with_repetition(rep)
            .with_logical_type(Some(LogicalType::String))
            .build()
    };
    let mut fields = Vec::with_capacity(t.columns.len());
    for (name, ty) in t.columns {
        let field = match ty {
            ColumnType::Text => string(name, Repetition::OPTIONAL)?,
            ColumnType::Int => Type::primitive_type_builder(name, Physical::INT64)
                .with_repetition(Repetition::OPTIONAL)
                .build()?,
            ColumnType::Real => Type::primitive_type_builder(name, Physical::DOUBLE)
                .with_repetition(Repetition::OPTIONAL)
                .build()?,
            ColumnType::Bool => Type::primitive_type_builder(name, Physical::BOOLEAN)
                .with_repetition(Repetition::OPTIONAL)
                .build()?,
            ColumnType::TextList => {
                let element = string("element", Repetition::OPTIONAL)?;
                let list = Type::group_type_builder("list")
                    .with_repetition(Repetition::REPEATED)
                    .with_fields(vec![Arc::new(element)])
                    .build()?;
                Type::group_type_builder(name)
                    .with_repetition(Repetition::OPTIONAL)
                    .with_logical_type(Some(LogicalType::List))
                    .with_fields(vec![Arc::new(list)])
                    .build()?
            }
        };
        fields.push(Arc::new(field));
    }
    Ok(Arc::new(Type::group_type_builder(t.name).with_fields(fields).build()?))
}

/// One column's values and levels for the current row group.
enum Buf {
    Text {
        vals: Vec<ByteArray>,
        defs: Vec<i16>,
    },
    Int {
        vals: Vec<i64>,
        defs: Vec<i16>,
    },
    Real {
        vals: Vec<f64>,
        defs: Vec<i16>,
    },
    Bool {
        vals: Vec<bool>,
        defs: Vec<i16>,
    },
    /// Definition levels: 0 null list, 1 empty list, 2 null element, 3 element.
    List {
        vals: Vec<ByteArray>,
        defs: Vec<i16>,
        reps: Vec<i16>,
    },
}

impl Buf {
    fn new(ty: ColumnType) -> Buf {
        match ty {
            ColumnType::Text => Buf::Text { vals: vec![], defs: vec![] },
            ColumnType::Int => Buf::Int { vals: vec![], defs: vec![] },
            ColumnType::Real => Buf::Real { vals: vec![], defs: vec![] },
            ColumnType::Bool => Buf::Bool { vals: vec![], defs: vec![] },
            ColumnType::TextList => Buf::List { vals: vec![], defs: vec![], reps: vec![] },
        }
    }

    fn push(&mut self, cell: &Cell<'_>) {
        fn opt<T>(vals: &mut Vec<T>, defs: &mut Vec<i16>, v: Option<T>) {
            match v {
                Some(v) => {
                    vals.push(v);
                    defs.push(1);
                }
                None => defs.push(0),
            }
        }
        match self {
            Buf::Text { vals, defs } => {
                let v = match cell {
                    Cell::Text(s) => Some(ByteArray::from(*s)),
                    Cell::Int(i) => Some(ByteArray::from(i.to_string().as_str())),
                    Cell::Real(r) => Some(ByteArray::from(r.to_string().as_str())),
                    Cell::Null => None,
                };
                opt(vals, defs, v);
            }
            Buf::Int { vals, defs } => {
                let v = match cell {
                    Cell::Int(i) => Some(*i),
                    Cell::Text(s) => s.trim().parse().ok(),
                    _ => None,
                };
                opt(vals, defs, v);
            }
            Buf::Real { vals, defs } => {
                let v = match cell {
                    Cell::Real(r) => Some(*r),
                    Cell::Int(i) => Some(*i as f64),
                    Cell::Text(s) => s.trim().parse().ok(),
                    Cell::Null => None,
                };
                opt(vals, defs, v);
            }
            Buf::Bool { vals, defs } => {
                let v = match cell {
                    Cell::Int(i) => Some(*i != 0),
                    Cell::Real(r) => Some(*r != 0.0),
                    Cell::Text("1" | "true") => Some(true),
                    Cell::Text("0" | "false") => Some(false),
                    _ => None,
                };
                opt(vals, defs, v);
            }
            Buf::List { vals, defs, reps } => {
                // The store gives a list as a JSON array of strings (or nulls).
                let items = match cell {
                    Cell::Text(s) => serde_json::from_str::<Vec<Option<String>>>(s).ok(),
                    _ => None,
                };
                match items {
                    None => {
                        defs.push(0);
                        reps.push(0);
                    }
                    Some(items) if items.is_empty() => {
                        defs.push(1);
                        reps.push(0);
                    }
                    Some(items) => {
                        for (k, it) in items.into_iter().enumerate() {
                            reps.push(if k == 0 { 0 } else { 1 });
                            match it {
                                Some(s) => {
                                    vals.push(ByteArray::from(s.as_str()));
                                    defs.push(3);
                                }
                                None => defs.push(2),
                            }
                        }
                    }
                }
            }
        }
    }

    fn clear(&mut self) {
        match self {
            Buf::Text { vals, defs } => (vals.clear(), defs.clear()),
            Buf::Int { vals, defs } => (vals.clear(), defs.clear()),
            Buf::Real { vals, defs } => (vals.clear(), defs.clear()),
            Buf::Bool { vals, defs } => (vals.clear(), defs.clear()),
            Buf::List { vals, defs, reps } => (vals.clear(), (defs.clear(), reps.clear()).0),
        };
    }
}

/// Writes `DIR/<table>.parquet` for every table; returns (file name, rows).
pub fn write_parquet(store: &Store, dir: &Path) -> Result<Vec<(String, u64)>> {
    std::fs::create_dir_all(dir)
        .map_err(|source| ExportError::Io { path: dir.to_path_buf(), source })?;
    let mut written = Vec::new();
    for t in PARQUET_TABLES {
        let name = format!("{}.parquet", t.name);
        let n = write_table(store, t, &dir.join(&name))?;
        written.push((name, n));
    }
    Ok(written)
}

fn write_table(store: &Store, t: &TableSpec, path: &Path) -> Result<u64> {
    let fmt = |e: parquet::errors::ParquetError| ExportError::Format {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let file = File::create(path)
        .map_err(|source| ExportError::Io { path: path.to_path_buf(), source })?;
    let props = Arc::new(WriterProperties::builder().set_compression(Compression::SNAPPY).build());
    let mut writer =
        SerializedFileWriter::new(file, schema(t).map_err(fmt)?, props).map_err(fmt)?;
    let mut bufs: Vec<Buf> = t.columns.iter().map(|(_, ty)| Buf::new(*ty)).collect();
    let mut pending = 0usize;
    let mut flush = |bufs: &mut Vec<Buf>| -> Result<()> {
        let mut rg = writer.next_row_group().map_err(fmt)?;
        for buf in bufs.iter_mut() {
            let Some(mut col) = rg.next_column().map_err(fmt)? else {
                return Err(ExportError::Format {
                    path: path.to_path_buf(),
                    reason: "fewer columns in the schema than in the table".into(),
                });
            };
            match buf {
                Buf::Text { vals, defs } => {
                    col.typed::<ByteArrayType>().write_batch(vals, Some(defs), None)
                }
                Buf::Int { vals, defs } => {
                    col.typed::<Int64Type>().write_batch(vals, Some(defs), None)
                }
                Buf::Real { vals, defs } => {
                    col.typed::<DoubleType>().write_batch(vals, Some(defs), None)
                }
                Buf::Bool { vals, defs } => {
                    col.typed::<BoolType>().write_batch(vals, Some(defs), None)
                }
                Buf::List { vals, defs, reps } => {
                    col.typed::<ByteArrayType>().write_batch(vals, Some(defs), Some(reps))
                }
            }
            .map_err(fmt)?;
            col.close().map_err(fmt)?;
            buf.clear();
        }
        rg.close().map_err(fmt)?;
        Ok(())
    };
    let n = store.for_each_table_row(t, |cells| -> Result<()> {
        for (buf, cell) in bufs.iter_mut().zip(cells) {
            buf.push(cell);
        }
        pending += 1;
        if pending == BATCH {
            flush(&mut bufs)?;
            pending = 0;
        }
        Ok(())
    })?;
    if pending > 0 {
        flush(&mut bufs)?;
    }
    writer.close().map_err(fmt)?;
    Ok(n)
}
