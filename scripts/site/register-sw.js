// Registers the offline cache (sw.js, written by post-build.mjs) over http(s);
// file:// and hosts that refuse service workers just run without it.
//
// The page's own CSP enforces Trusted Types (post-build.mjs), under which a
// service worker's URL must be a TrustedScriptURL: it comes from the page's
// one policy, "optics-calc", which the glue creates when Trunk's loader
// imports it and keeps on globalThis (its createScriptURL takes only this
// origin's sw.js). Registered at `load`, when every module of the page has
// run; without Trusted Types the URL is taken as it is.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  addEventListener(
    'load',
    () => {
      const policy = globalThis[Symbol.for('optics-calc.trusted-types')];
      const url = policy ? policy.createScriptURL('./sw.js') : './sw.js';
      navigator.serviceWorker.register(url).catch((e) => console.warn('optics-calc: no offline cache:', e));
    },
    { once: true },
  );
}
