// Loads the wasm package; its start function mounts the explorer on #paygrade and any widget on the page.
import init from './pkg/paygrade.js';

init().catch((error) => {
  const root = document.getElementById('paygrade');
  if (root) {
    root.textContent = `paygrade could not start: ${error}. Reloading the page may help.`;
  }
  console.error(error);
});
