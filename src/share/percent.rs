//! Percent-encoding of query-string components (application/x-www-form-urlencoded),
//! written here because it is a few lines and the app ships as wasm.

/// Appends `text` to `out` with every byte outside `A-Z a-z 0-9 - . _ ~`
/// written as `%XX` (a space as `+`), so a value never breaks the query string.
pub(crate) fn encode_into(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0x0f)]));
            }
        }
    }
}

/// Decodes one key or value: `+` is a space, `%XX` a byte, and the bytes are
/// read as UTF-8. Like browsers, a malformed escape (`%`, `%4`, `%zz`) is kept
/// as written and invalid UTF-8 becomes U+FFFD, so decoding never fails.
pub(crate) fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = bytes.get(i + 1).and_then(|&h| hex_digit(h));
                let lo = bytes.get(i + 2).and_then(|&l| hex_digit(l));
                if let (Some(hi), Some(lo)) = (hi, lo) {
                    out.push((hi << 4) | lo);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_digit(b: u8) -> Option<u8> {
    char::from(b).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_form_encoding() {
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%E2%82%AC"), "€");
        assert_eq!(decode("caf%C3%A9"), "café");
        assert_eq!(decode("%2B1"), "+1");
    }

    #[test]
    fn keeps_malformed_escapes() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("5%"), "5%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz1"), "%zz1");
        assert_eq!(decode("%%41"), "%A");
    }

    #[test]
    fn invalid_utf8_becomes_replacement() {
        assert_eq!(decode("%FF%FE"), "\u{FFFD}\u{FFFD}");
        assert_eq!(decode("%C3"), "\u{FFFD}");
    }

    #[test]
    fn encode_then_decode_is_identity() {
        for text in ["", "plain", "a b&c=d", "100%", "é€😀", "+-._~", "<script>"] {
            let mut out = String::new();
            encode_into(text, &mut out);
            assert!(out.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~+%".contains(&b)), "{out}");
            assert_eq!(decode(&out), text);
        }
    }
}
