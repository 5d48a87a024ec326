//! File exports of a scenario and its report: CSV for spreadsheets (a finance
//! team's first stop), JSON for other tools and for re-importing.

mod csv;
mod csv_field;
mod json;

pub use csv::to_csv;
pub use json::{FORMAT, VERSION, from_json, scenario_from_map, to_json};
