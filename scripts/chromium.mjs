// Debian's Chromium, headless, as the build (the first paint), the tests and
// the benchmarks start it: where it is, and the flags this closed network
// needs (no background traffic, no sandbox in containers).
import { existsSync } from 'node:fs';

/** The browser's path, or undefined when none is installed. */
export const CHROMIUM_PATH = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
