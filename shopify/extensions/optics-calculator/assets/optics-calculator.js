// The app block's script. Shopify adds it once per page, as a deferred
// classic script; the loader beside it is an ES module (it finds the wasm,
// glue and stylesheet by its own URL), so this imports it.
(() => {
  const me = document.currentScript ?? document.querySelector('script[src*="/optics-calculator.js"]');
  if (me) import(new URL('optics-embed.js', me.src).href);
})();
