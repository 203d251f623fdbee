// Embeds paygrade on any page: mounts every element with a data-paygrade-role attribute, each in its own
// shadow root, and exports `mount` for hosts that mount widgets themselves.
import init, { mount as mountWidget, mountAll } from './pkg/paygrade.js';

const here = new URL('./', import.meta.url);
const defaults = {
  data: new URL('data/', here).href,
  stylesheet: new URL('styles/paygrade.css', here).href,
  explorer: new URL('index.html', here).href,
};

await init({ module_or_path: new URL('pkg/paygrade_bg.wasm', here) });

/** Handles of the widgets found on the page when it loaded. */
export const widgets = mountAll(defaults);

/** Mounts a widget into `element`; `options` fall back to the defaults beside this script. */
export function mount(element, options = {}) {
  return mountWidget(element, { ...defaults, ...options });
}
