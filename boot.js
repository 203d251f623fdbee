// Runs before a pre-rendered page's body is painted (a classic script in <head>, so a file under the
// page's CSP). The static page shows its role's band at the reference market. A link that asks for
// another view must not show those figures first: this marks the page pending (styles/paygrade.css hides
// what depends on the view), then fills the band from the figures file of the page's grade (shared by every
// page at that grade, named by the page's `data-pg-figures` preload), figures the Rust core computed at
// build time, so the reader sees the right band long before the wasm takes over. Only
// formatting happens here, with the same Intl options as the wasm; no pay is computed.
(() => {
  const html = document.documentElement;
  html.classList.add('pg-js');
  const params = new URLSearchParams(window.location.search);
  // The reader's own files (kept in IndexedDB; src/ui/storage.rs sets this marker) will replace the
  // published data the static page shows.
  let ownFiles = false;
  try {
    ownFiles = Boolean(window.localStorage.getItem('paygrade.local.files'));
  } catch {
    ownFiles = false;
  }
  if (ownFiles) {
    html.classList.add('pg-pending', 'pg-pending-all');
    return;
  }
  const VIEW_KEYS = ['role', 'level', 'q', 'grade', 'location', 'currency', 'compare', 'offer', 'data', 'sort',
    'filter', 'hiring', 'page', 'remote', 'open', 'posted', 'contract', 'valuation', 'move_from'];
  if (!VIEW_KEYS.some((key) => params.has(key))) return;
  html.classList.add('pg-pending');
  // Another data folder: nothing on the static page applies.
  if (params.has('data')) {
    html.classList.add('pg-pending-all');
    return;
  }
  const currency = (params.get('currency') || 'local').toLowerCase();
  if (currency !== 'local' && currency !== 'reference') return;

  const money = (amount, code) => {
    try {
      return new Intl.NumberFormat([], {
        style: 'currency', currency: code, maximumFractionDigits: 0, minimumFractionDigits: 0,
      }).format(amount);
    } catch {
      return `${code} ${Math.round(amount)}`;
    }
  };
  // The page's view (role, level, grade, default location) is on the preload link that names its figures.
  const link = document.querySelector('link[rel="preload"][data-pg-figures]');
  const page = link ? link.dataset : {};
  const fill = (bands) => {
    if (params.has('role') && params.get('role') !== page.role) return;
    if (params.has('level') && params.get('level') !== (page.level || null)) return;
    if (params.has('grade') && params.get('grade') !== page.grade) return;
    // Another way to hire changes the band: only the wasm knows it.
    if (params.has('contract')) return;
    const id = params.get('location') || page.location;
    const place = Object.prototype.hasOwnProperty.call(bands.locations, id) ? bands.locations[id] : null;
    // Where to write, the figures' order and the sentences all come from the figures file (Rust's
    // `view::contract`, which the components render with), not from here.
    const where = bands.selectors;
    const band = document.querySelector(where.band);
    const title = document.querySelector(where.title);
    if (!place || !band || !title) return;
    const row = currency === 'reference' && place.reference ? place.reference : place.local;
    const field = (name) => row[bands.fields.indexOf(name)];
    const [min, mid, max, code, variable, total] = ['min', 'mid', 'max', 'currency', 'variable', 'total'].map(field);
    const fillIn = (template, values) => Object.entries(values)
      .reduce((text, [name, value]) => text.split(`{${name}}`).join(value), template);
    band.dataset.min = String(min);
    band.dataset.mid = String(mid);
    band.dataset.max = String(max);
    band.dataset.currency = code;
    const text = (selector, value) => {
      const node = band.querySelector(selector);
      if (node) node.textContent = value;
    };
    text(where.min, money(min, code));
    text(where.mid, money(mid, code));
    text(where.max, money(max, code));
    text(where.variable, variable === null ? bands.no_variable : money(variable, code));
    text(where.total, money(total, code));
    text(where.announcement, fillIn(bands.sentence, {
      grade: bands.grade, place: place.name, min: money(min, code), max: money(max, code), mid: money(mid, code),
    }));
    title.textContent = fillIn(bands.title, { grade: bands.grade, place: place.name });
    html.classList.add('pg-band-filled');
  };
  // Only a role page names figures (the root, the directory, has none to fetch). The same request as the
  // preload's, so the browser answers it from there.
  const figures = link
    ? fetch(link.href).then((r) => (r.ok ? r.json() : null))
    : Promise.resolve(null);
  // The band can be filled once its section is parsed: when the next section appears, or the parser is
  // done ('interactive' comes before the module scripts run; DOMContentLoaded waits for them).
  const parsed = new Promise((resolve) => {
    const done = () => document.readyState !== 'loading' || document.getElementById('pg-offer');
    if (done()) {
      resolve();
      return;
    }
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener('readystatechange', () => {
      observer.disconnect();
      resolve();
    }, { once: true });
  });
  Promise.all([figures, parsed]).then(([bands]) => bands && fill(bands)).catch(() => {});
})();
