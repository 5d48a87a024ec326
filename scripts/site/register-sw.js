// Registers the offline cache (sw.js, written by post-build.mjs) over http(s);
// file:// and hosts that refuse service workers just run without it.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('optics-calc: no offline cache:', e));
}
