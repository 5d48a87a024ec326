//! Quoting text taken from a link or a file inside a notice.

/// Most characters of untrusted text a notice repeats.
const MAX_ECHO: usize = 24;

/// `text` made safe to show in a notice: control and format characters
/// (bidi, zero-width) removed as from any shown text
/// ([`crate::plain_text::strip_controls`]), then at most 24 characters (then
/// "…"), ASCII letters, digits, spaces and plain punctuation kept, anything
/// else (markup, quotes, non-ASCII) shown as '?'. The UI renders
/// notices as text; this keeps them short and clean wherever they end up.
pub(crate) fn echo(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in crate::plain_text::strip_controls(text).chars().enumerate() {
        if i == MAX_ECHO {
            out.push('…');
            break;
        }
        out.push(if c.is_ascii_alphanumeric() || " -_.,:;+*/=()[]%!?#@~$^|{}".contains(c) { c } else { '?' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_and_cleans() {
        assert_eq!(echo("gpus"), "gpus");
        assert_eq!(echo(&"9".repeat(100)), format!("{}…", "9".repeat(24)));
        assert_eq!(echo("<b>\"x\"</b>"), "?b??x??/b?");
        assert_eq!(echo("a\u{202E}b\nc\u{0}\u{2066}d"), "abcd");
        // ASCII only: Unicode's letter tables would cost ~2 KB of gzipped wasm,
        // and the keys and ids a link may hold are all ASCII.
        assert_eq!(echo("café"), "caf?");
    }
}
