// Host pages that are not ours: the rules stock commerce themes use, and the
// real stylesheets of Bootstrap 5, Tailwind's preflight and normalize.css
// from their npm packages. Shared by the host-styles and Shopify tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

/**
 * What a stock theme's base stylesheet does to every element: hides empty
 * ones, sets the root font size to 10 px, inherits box-sizing, and restyles
 * the elements the widget uses.
 */
export const THEME_CSS = `
html { font-size: 62.5%; box-sizing: border-box; }
body { font-size: 1.5rem; line-height: 1.8; letter-spacing: .06rem; font-family: Georgia, serif; color: rgba(18,18,18,.75);
  text-transform: none; word-spacing: .1rem; margin: 0; }
*, *::before, *::after { box-sizing: inherit; }
div:empty, section:empty, article:empty, aside:empty, p:empty, span:empty, ul:empty, li:empty,
h1:empty, h2:empty, h3:empty, h4:empty, h5:empty, h6:empty, optics-calculator:empty { display: none; }
canvas, svg, img, video { display: block; max-width: 100%; height: auto; }
button, input, select, textarea { font: inherit; font-size: 1.6rem; border-radius: 0; appearance: none; padding: 1.5rem 3rem;
  border: .1rem solid currentColor; background: #121212; color: #fff; min-height: 4.5rem; }
table { table-layout: fixed; border-collapse: collapse; width: 100%; font-size: 1.6rem; }
th, td { padding: 1rem; border: .1rem solid #ccc; text-align: center; }
details > * { box-sizing: border-box; }
summary { list-style: none; cursor: pointer; font-size: 2rem; }
summary::-webkit-details-marker { display: none; }
h1, h2, h3, h4, h5, h6 { font-family: Georgia, serif; letter-spacing: .06rem; line-height: 1.3; word-break: break-word; margin: 3rem 0 2rem; }
h1 { font-size: 4rem; } h2 { font-size: 2.4rem; } h3 { font-size: 1.8rem; }
a { color: #121212; text-underline-offset: .3rem; }
`;

const npm = (path) => readFileSync(join(ROOT, 'node_modules', path), 'utf8');

/** Each host stylesheet the widget must live with, by name. */
export const HOST_STYLES = {
  theme: () => THEME_CSS,
  bootstrap: () => npm('bootstrap/dist/css/bootstrap.min.css'),
  tailwind: () => npm('tailwindcss/preflight.css'),
  normalize: () => npm('normalize.css/normalize.css'),
};
