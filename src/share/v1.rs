//! Link format 1, read so that its links keep their meaning.
//!
//! Format 2 replaced the `twin` input (`off` / `on`: twin-port modules at the
//! switch ends) by `sw_ports` (1, 2 or 4 ports per switch-end module), and
//! added inputs whose defaults give exactly format 1's fabric (one plane,
//! one port per NIC-end module, the side's technology on every level). No
//! default and no catalog value changed, so a v1 link that leaves an input
//! out still means this build's default; `tests/link_versions.rs` holds
//! format 1's defaults and catalog as a frozen table and fails if that stops
//! being true, so that the next change of a default comes with a new format
//! and an arm here that restores the old values for older links.

/// A key that an older format used, and what it means now: `twin=on` is
/// `sw_ports=2`, `twin=off` is `sw_ports=1`. Any other `twin` value is passed
/// on as given, so that `sw_ports` reports it as an unknown option.
pub(crate) fn renamed(key: &str, value: &str) -> Option<(&'static str, String)> {
    match key {
        "twin" => Some((
            "sw_ports",
            match value.trim() {
                "on" => "2".to_string(),
                "off" => "1".to_string(),
                other => other.to_string(),
            },
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twin_becomes_switch_ports() {
        assert_eq!(renamed("twin", "on"), Some(("sw_ports", "2".into())));
        assert_eq!(renamed("twin", " off"), Some(("sw_ports", "1".into())));
        assert_eq!(renamed("twin", "maybe"), Some(("sw_ports", "maybe".into())));
        assert_eq!(renamed("gpus", "1"), None);
    }
}
