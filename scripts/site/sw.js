// Service worker of the calculator, generated into dist/sw.js by
// scripts/site/post-build.mjs (Trunk's post_build hook), which fills in BUILD (a hash of every file of the
// build) and ASSETS (those files). It makes the calculator work offline after
// one visit:
// - install: precache this build's files under a cache named for this scope
//   and build; the hashed file names mean no file of another build is reused;
// - activate: delete this scope's caches of older builds, so old and new
//   assets never mix, and take over open pages;
// - fetch: answer from this build's cache first (a query string is a
//   scenario, not another file), fall back to the network.
const BUILD = '__BUILD__';
const ASSETS = ['__ASSETS__'];
const PREFIX = `optics-calc ${self.registration.scope} `;
const CACHE = PREFIX + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((a) => new Request(a, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // caches.match with cacheName, not caches.open: opening would re-create
  // this build's cache after a newer build's worker deleted it.
  const cached = (what) => caches.match(what, { cacheName: CACHE, ignoreSearch: true });
  event.respondWith(
    (async () => {
      const hit = await cached(request);
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (offline) {
        // A page under this scope that is not a file of the build: the calculator.
        const page = request.mode === 'navigate' && (await cached('./index.html'));
        if (page) return page;
        throw offline;
      }
    })(),
  );
});
