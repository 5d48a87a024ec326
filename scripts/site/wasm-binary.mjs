// A wasm module's binary format, the parts the build and the size report
// read: LEB128 numbers, names, sections, and import and export entries.
// post-build.mjs shortens the names between the wasm and its glue with it;
// scripts/wasm-size-by-crate.mjs reads code, data and names.

/** A cursor over a module's `bytes`, from just past its header (`p`: where it is). */
export function reader(bytes) {
  const r = {
    p: 8,
    /** An unsigned LEB128 number. */
    leb() {
      let value = 0;
      let shift = 0;
      let byte;
      do {
        byte = bytes[r.p++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return value;
    },
    /** A name (length, then UTF-8). */
    name() {
      const n = r.leb();
      r.p += n;
      return bytes.toString('utf8', r.p - n, r.p);
    },
    /** Skips an import's descriptor (what follows its two names); its kind (0: a function). */
    importDesc() {
      const limits = () => {
        const flags = bytes[r.p++];
        r.leb();
        if (flags & 1) r.leb();
      };
      const kind = bytes[r.p++];
      if (kind === 0) r.leb();
      else if (kind === 1) (r.p++, limits());
      else if (kind === 2) limits();
      else if (kind === 3) r.p += 2;
      else if (kind === 4) (r.p++, r.leb());
      else throw new Error(`wasm: unknown import kind ${kind}`);
      return kind;
    },
    /** An export's descriptor (what follows its name): its kind (0: a function) and index. */
    exportDesc() {
      const kind = bytes[r.p++];
      return { kind, index: r.leb() };
    },
    /**
     * Each section: its id, `start` (its id byte) and `end`, with the cursor
     * just past its size; after each, the cursor moves to its end.
     */
    *sections() {
      while (r.p < bytes.length) {
        const start = r.p;
        const id = bytes[r.p++];
        const size = r.leb();
        const end = r.p + size;
        yield { id, start, end };
        r.p = end;
      }
    },
  };
  return r;
}

/** `n` as an unsigned LEB128 number. */
export function uleb(n) {
  const bytes = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    bytes.push(b);
  } while (n);
  return Buffer.from(bytes);
}
