// How the site build runs binaryen's wasm-opt; scripts/wasm-size-by-crate.mjs
// runs it the same way so its figures are the shipped file's.

// The wasm features rustc emits for wasm32 today; wasm-opt must accept them.
export const WASM_OPT_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue', '--enable-reference-types'];

// Measured on the app (gzipped, 2026-11-29): -Oz 286.6 KB, -Os 286.2,
// -Os --converge 285.9, and with --low-memory-unused 284.6. That flag lets
// constant address offsets fold into loads and stores; it holds for rustc's
// output, whose data starts above a 1 MB stack (only a stack within 1 KB of
// overflowing would reach the low kilobyte). --converge doubles the time (~25 s).
const SIZE_FLAGS = ['-Os', '--converge', '--low-memory-unused'];

/** wasm-opt's arguments to size-optimise `input` into `output`; `keepNames` adds -g. */
export const wasmOptArgs = (input, output, keepNames = false) => [...SIZE_FLAGS, ...(keepNames ? ['-g'] : []), ...WASM_OPT_FEATURES, input, '-o', output];
