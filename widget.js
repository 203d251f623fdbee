// Embeds paygrade on any page: mounts every widget element (`data-paygrade-role`, or the `<paygrade-band>`
// custom element), each in its own shadow root, and exports `mount` for hosts that mount widgets themselves.
// Pages that swap their content without a reload (MkDocs Material's instant navigation, Docusaurus) need
// nothing more: elements added later mount, and removed ones are destroyed. What to mount and what to
// destroy is decided in the wasm (`ui::mount`); this file only reports the DOM's changes to it.
import init, {
  mount as mountWidget,
  mountAll,
  mountWithin,
  release,
  refresh,
  widgetElement,
} from './pkg/paygrade.js';

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

// Content a page adds or removes after load. Removals first: an element moved within one batch is back in
// the document by now, so it keeps its widget.
new MutationObserver((records) => {
  for (const record of records) record.removedNodes.forEach((node) => release(node));
  for (const record of records) record.addedNodes.forEach((node) => mountWithin(node, defaults));
}).observe(document.documentElement, { childList: true, subtree: true });

// `<paygrade-band job="…" level="…" location="…" sync="…">` (`job` names the role: an HTML `role` attribute is an ARIA role), wherever it is connected (inside a
// framework's own shadow root too, where the observer above cannot see).
const element = widgetElement();
if (!customElements.get(element.name)) {
  customElements.define(
    element.name,
    class extends HTMLElement {
      static get observedAttributes() {
        return element.attributes;
      }

      connectedCallback() {
        mountWithin(this, defaults);
      }

      disconnectedCallback() {
        // After the current task's DOM work: an element only moved is connected again and keeps its widget.
        queueMicrotask(() => release(this));
      }

      attributeChangedCallback() {
        refresh(this, defaults);
      }
    },
  );
}
