// The host's side of a Docusaurus page: what React does with the README's `PaygradeBand` component when a
// tab changes, written with plain DOM calls. Each render appends a `<paygrade-band>` with its light-DOM link
// (shown until the widget mounts) and loads widget.js, which the module cache fetches and runs once; an
// unmount removes the element, and widget.js destroys its widget.
const widgetScript = new URL('../widget.js', import.meta.url).href;
const paygrade = new URL('../', import.meta.url).href;

const tabs = {
  london: { role: 'vp-strategy-developer-relations', location: 'united-kingdom/london-england' },
  berlin: { role: 'vp-strategy-developer-relations', location: 'germany/berlin', level: '1' },
};

function PaygradeBand({ role, level, location, sync }) {
  import(widgetScript);
  const band = document.createElement('paygrade-band');
  // `job` names the role: an HTML `role` attribute is an ARIA role.
  for (const [name, value] of Object.entries({ job: role, level, location, sync })) {
    if (value !== undefined) band.setAttribute(name, value);
  }
  const fallback = document.createElement('a');
  fallback.href = new URL(`roles/${role}/`, paygrade).href;
  fallback.textContent = 'Pay band for this role';
  band.append(fallback);
  return band;
}

const panel = document.getElementById('panel');
for (const button of document.querySelectorAll('button[data-tab]')) {
  button.addEventListener('click', () => {
    const props = tabs[button.dataset.tab];
    panel.replaceChildren(...(props ? [PaygradeBand(props)] : []));
    panel.dataset.tab = button.dataset.tab;
  });
}
