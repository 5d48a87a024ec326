// Registers the offline cache (sw.js, written by post-build.mjs) over http(s),
// and links the web app manifest with it; file:// and hosts that refuse
// service workers just run without them. post-build.mjs puts this script
// inline in index.html, minified.
//
// The page's own CSP enforces Trusted Types (post-build.mjs), under which a
// service worker's URL must be a TrustedScriptURL: it comes from the page's
// one policy, "optics-calc", which the glue creates when Trunk's loader
// imports it and keeps on globalThis (its createScriptURL takes only this
// origin's sw.js); without Trusted Types the URL is taken as it is.
//
// Registered once the calculator is complete (`data-ready`) and the page is
// idle, not at `load`: installing precaches every file of the build past the
// HTTP cache (~0.5 MB brotli, the wasm a second time), which on the default
// page ran while the wasm was still on its way and the start-up was building.
// If the calculator never completes, it is registered 10 s after `load`.
// The manifest (what an installed app is) waits with it: linked in <head>, its
// request ran beside the wasm's, and Lighthouse's slow 4G gave a share link's
// first figure 150 ms more for it.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const register = () => {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'manifest', href: 'manifest.webmanifest' }));
    const policy = globalThis[Symbol.for('optics-calc.trusted-types')];
    const url = policy ? policy.createScriptURL('./sw.js') : './sw.js';
    navigator.serviceWorker.register(url).catch((e) => console.warn('optics-calc: no offline cache:', e));
  };
  const complete = '.oc-calculator[data-ready]';
  const calculatorComplete = new Promise((done) => {
    if (document.querySelector(complete)) return done();
    const finish = () => {
      watch.disconnect();
      done();
    };
    const watch = new MutationObserver(() => document.querySelector(complete) && finish());
    watch.observe(document.documentElement, { subtree: true, attributeFilter: ['data-ready'] });
    addEventListener('load', () => setTimeout(finish, 10_000), { once: true });
  });
  calculatorComplete.then(() => (globalThis.requestIdleCallback ?? setTimeout)(register));
}
