// Shopify's Theme Check on a theme app extension, offline: the same checks
// as `shopify theme check` with the extension's .theme-check.yml
// (theme-check:theme-app-extension). Prints every offence; exits 1 on an error.
//
//   node scripts/theme-check.mjs <extension dir>
import { resolve } from 'node:path';
import { themeCheckRun } from '@shopify/theme-check-node';

const SEVERITY = ['error', 'warning', 'info'];

/** Theme Check's offences on `dir`, each {check, severity, file, line, message}. */
export async function themeCheck(dir) {
  const root = resolve(dir);
  const run = await themeCheckRun(root, resolve(root, '.theme-check.yml'), () => {});
  return run.offenses.map((o) => ({
    check: o.check,
    severity: SEVERITY[o.severity] ?? String(o.severity),
    file: o.uri.replace(`file://${root}/`, ''),
    line: (o.start?.line ?? 0) + 1,
    message: o.message,
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/theme-check.mjs <extension dir>');
    process.exit(2);
  }
  const offences = await themeCheck(dir);
  for (const o of offences) console.log(`[theme-check] ${o.severity} ${o.check} ${o.file}:${o.line} ${o.message}`);
  const errors = offences.filter((o) => o.severity === 'error').length;
  console.log(`[theme-check] ${offences.length} offences, ${errors} errors`);
  process.exit(errors ? 1 : 0);
}
