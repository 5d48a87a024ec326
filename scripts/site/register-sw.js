// Registers the offline cache (sw.js, written by post-build.mjs) over http(s);
// file:// and hosts that refuse service workers just run without it.
//
// The page's own CSP enforces Trusted Types (post-build.mjs), under which a
// service worker's URL must be a TrustedScriptURL: the 'optics-calc' policy
// makes one, for this build's sw.js beside the page and nothing else.
// Browsers without Trusted Types take the URL as it is.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const worker = new URL('./sw.js', document.baseURI).href;
  let url = worker;
  if (self.trustedTypes) {
    try {
      const policy = trustedTypes.createPolicy('optics-calc', {
        createScriptURL: (u) => {
          if (u !== worker) throw new TypeError(`optics-calc: ${u} is not this calculator's service worker`);
          return u;
        },
      });
      url = policy.createScriptURL(worker);
    } catch (e) {
      console.warn('optics-calc: no Trusted Types policy for the offline cache:', e);
    }
  }
  navigator.serviceWorker.register(url).catch((e) => console.warn('optics-calc: no offline cache:', e));
}
