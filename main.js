// Loads the wasm package; its start function mounts the explorer on #paygrade.
import init from './pkg/paygrade.js';

init().catch((error) => {
  // No blank page: say what failed and offer the same address again (the view lives in it).
  console.error(error);
  const root = document.getElementById('paygrade');
  if (!root) return;
  const panel = document.createElement('section');
  panel.className = 'pg-problems pg-problems-fatal';
  panel.setAttribute('role', 'alert');
  const heading = document.createElement('h2');
  heading.textContent = 'paygrade could not start';
  const text = document.createElement('p');
  text.textContent = `${error}. This browser may lack WebAssembly, or the page's files did not all arrive.`;
  const reload = document.createElement('a');
  reload.className = 'pg-button';
  reload.href = window.location.href;
  reload.textContent = 'Reload';
  panel.append(heading, text, reload);
  root.replaceChildren(panel);
});
