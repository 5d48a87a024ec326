//! The `v=` parameter: which link format a query string is written in.

use super::VERSION;
use super::echo::echo;

/// What a link says about its format.
pub(crate) enum Version {
    /// `v=3`, the format this build writes.
    Current,
    /// `v=1`: read through [`super::v1`] and [`super::v2`].
    V1,
    /// `v=2`: read through [`super::v2`].
    V2,
    /// A later format: its inputs may mean something else, but those that
    /// still parse are loaded.
    Newer(u64),
    /// No `v=`: read as format 1, the only one there was when links
    /// could be written without it.
    Missing,
    /// `v=` that is not a version number (`v=abc`, `v=0`, `v=1.5`).
    Unreadable(String),
}

impl Version {
    /// Reads the value of the last `v=` (None = there was none).
    pub(crate) fn read(value: Option<&str>) -> Version {
        let Some(text) = value else {
            return Version::Missing;
        };
        match text.trim().parse::<u64>() {
            Ok(n) if n == u64::from(VERSION) => Version::Current,
            Ok(1) => Version::V1,
            Ok(2) => Version::V2,
            Ok(n) if n > u64::from(VERSION) => Version::Newer(n),
            _ => Version::Unreadable(echo(text)),
        }
    }
}
