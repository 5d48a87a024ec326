// How the site build runs binaryen's wasm-opt; scripts/wasm-size-by-crate.mjs
// runs it the same way so its figures are the shipped file's.

// The wasm features rustc emits for wasm32 today; wasm-opt must accept them.
export const WASM_OPT_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue', '--enable-reference-types'];

/** wasm-opt's arguments to size-optimise `input` into `output`; `keepNames` adds -g. */
export const wasmOptArgs = (input, output, keepNames = false) => ['-Oz', ...(keepNames ? ['-g'] : []), ...WASM_OPT_FEATURES, input, '-o', output];
