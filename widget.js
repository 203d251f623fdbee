// Embeds paygrade on any page: mounts every widget element (`data-paygrade-role`, or the `<paygrade-band>`
// custom element), each in its own shadow root, and exports `mount` for hosts that mount widgets themselves.
// While the wasm downloads, a compact widget over the site's own data shows its band at once from the
// figures `paygrade site` computed (data/figures/), laid out with the names the build wrote beside them;
// the wasm replaces that stand-in once it has the data. Only formatting happens here, no pay is computed.
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

const wasm = init({ module_or_path: new URL('pkg/paygrade_bg.wasm', here) });

// The build's figures, fetched beside the wasm; a site without them (or any failure) just waits for the wasm.
const figuresBase = new URL('figures/', defaults.data);
const json = (url) => fetch(url).then((r) => (r.ok ? r.json() : null)).catch(() => null);
const figuresIndex = json(new URL('index.json', figuresBase));
const figuresFiles = new Map();
const figuresFile = (file) => {
  if (!figuresFiles.has(file)) figuresFiles.set(file, json(new URL(file, defaults.data)));
  return figuresFiles.get(file);
};

const own = (object, key) => (object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : null);

const money = (amount, code) => {
  try {
    return new Intl.NumberFormat([], {
      style: 'currency', currency: code, maximumFractionDigits: 0, minimumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${code} ${Math.round(amount)}`;
  }
};

/** Lays out `element`'s stand-in: its title line, a location field and its band, by the build's names. */
async function standIn(element) {
  const index = await figuresIndex;
  if (!index) return;
  const names = index.widget;
  const option = (key) => element.getAttribute(element.localName === names.element
    ? (key === 'role' ? names.element_role : key)
    : `${names.attribute_prefix}${key}`);
  // Another data folder, grade or layout: only the wasm knows that view.
  if (['data', 'grade', 'compare'].some((key) => option(key) !== null)) return;
  if (option('compact') === 'false') return;
  const entry = own(own(index.roles, option('role')), option('level') || '');
  if (!entry) return;
  const bands = await figuresFile(entry.file);
  const place = own(bands && bands.locations, option('location') || index.default_location);
  const currency = (option('currency') || 'local').toLowerCase();
  if (!place || (currency !== 'local' && currency !== 'reference')) return;
  // The wasm got there first, or the element left the page.
  if (element.shadowRoot || !element.isConnected) return;

  const row = currency === 'reference' && place.reference ? place.reference : place.local;
  const field = (name) => row[bands.fields.indexOf(name)];
  const [min, mid, max, code, variable, total] = ['min', 'mid', 'max', 'currency', 'variable', 'total'].map(field);
  const fillIn = (template, values) => Object.entries(values)
    .reduce((text, [name, value]) => text.split(`{${name}}`).join(value), template);
  const make = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const c = names.classes;
  const shadow = element.attachShadow({ mode: 'open' });
  const sheet = make('link');
  sheet.rel = 'stylesheet';
  sheet.href = option('stylesheet') || defaults.stylesheet;
  const root = make('div', c.root);
  root.setAttribute(names.standin, '');
  const app = make('div', c.compact);
  const title = make('p', c.title);
  title.append(make('strong', '', entry.title), fillIn(names.labels.grade, { grade: entry.grade }));
  const picker = make('div', c.picker);
  const label = make('label', c.label, names.labels.location);
  const input = make('input', c.input);
  label.htmlFor = 'pg-standin-location';
  input.id = label.htmlFor;
  input.type = 'text';
  input.value = place.name;
  input.disabled = true;
  picker.append(label, input);
  const band = make('div', c.band);
  Object.assign(band.dataset, { grade: String(entry.grade), min: String(min), mid: String(mid), max: String(max), currency: code });
  const item = (className, label, value) => {
    const div = make('div', className);
    div.append(make('dt', '', label), make('dd', '', value));
    return div;
  };
  const figuresList = make('dl', c.figures);
  [[c.min, min], [c.mid, mid], [c.max, max]].forEach(([className, amount], i) => {
    figuresList.append(item(`${c.figure} ${className}`, names.labels.figures[i], money(amount, code)));
  });
  const extras = make('dl', c.extras);
  extras.append(
    item(`${c.extra} ${c.variable}`, names.labels.variable, variable === null ? bands.no_variable : money(variable, code)),
    item(`${c.extra} ${c.total}`, names.labels.total, money(total, code)),
  );
  const announcement = make('p', `${c.visually_hidden} ${c.announcement}`, fillIn(bands.sentence, {
    grade: entry.grade, place: place.name, min: money(min, code), max: money(max, code), mid: money(mid, code),
  }));
  band.append(figuresList, extras, announcement);
  app.append(title, picker, band);
  root.append(app);
  shadow.append(sheet, root);
}

figuresIndex.then((index) => index && document.querySelectorAll(index.widget.selector)
  .forEach((element) => standIn(element).catch(() => {})));
await wasm;

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
