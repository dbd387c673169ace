//! `sitrep entity merge|split|rename|log`: analyst corrections to entities. Each is recorded with
//! who and when, and applies to what is stored and to every article ingested later.

use std::path::Path;
use std::process::ExitCode;

use store::Store;

#[derive(clap::Subcommand)]
pub enum Action {
    /// Merge entity B into entity A (ids, or names that only one entity has).
    Merge {
        a: String,
        b: String,
        #[command(flatten)]
        who: Who,
    },
    /// Split the surface form ALIAS off entity A into a new entity.
    Split {
        a: String,
        #[arg(long)]
        alias: String,
        #[command(flatten)]
        who: Who,
    },
    /// Give entity A a display name.
    Rename {
        a: String,
        name: String,
        #[command(flatten)]
        who: Who,
    },
    /// List every correction made, oldest first.
    Log {
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
pub struct Who {
    /// Who makes the correction (default: $USER).
    #[arg(long)]
    who: Option<String>,
}

impl Who {
    fn name(&self) -> String {
        self.who.clone().or_else(|| std::env::var("USER").ok()).unwrap_or_else(|| "unknown".into())
    }
}

pub fn run(db: &Path, action: Action) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db)?;
    match action {
        Action::Merge { a, b, who } => {
            let (a, b) = (store.find_entity(&a)?, store.find_entity(&b)?);
            store.merge_entities(&a, &b, &who.name())?;
            println!("merged {b} into {a}");
        }
        Action::Split { a, alias, who } => {
            let a = store.find_entity(&a)?;
            let new = store.split_entity(&a, &alias, &who.name())?;
            println!("split {alias:?} off {a} into {new}");
        }
        Action::Rename { a, name, who } => {
            let a = store.find_entity(&a)?;
            store.rename_entity(&a, &name, &who.name())?;
            println!("renamed {a} to {name:?}");
        }
        Action::Log { json } => {
            for c in store.corrections()? {
                if json {
                    println!("{}", serde_json::to_string(&c)?);
                } else {
                    println!("{:>4}  {}  {:<8} {:<12} {}", c.id, c.at, c.action, c.who, c.args);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
