// Embeds the optics calculator in a host page (README: "Embedding"):
//   <script type="module" src="https://.../embed.js"></script>
//   <div data-optics-calculator data-config='{"theme": {"accent": "#c00"}}'></div>
// mounts a widget into every such element; `import { mount } from '.../embed.js'`
// mounts one from code. post-build.mjs fills in this build's hashed names.
import init, { start_embed, mount } from './__OPTICS_GLUE__';
const here = (name) => new URL(name, import.meta.url).href;
await init({ module_or_path: here('./__OPTICS_WASM__') });
start_embed(here('./'), here('./__OPTICS_CSS__'));
export { mount };
