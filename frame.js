// The iframe route: the package mounts the compact widget on #paygrade-frame from this page's query;
// this script tells the parent page how tall the frame should be.
import init from './pkg/paygrade.js';

await init();

const root = document.getElementById('paygrade-frame');
let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'paygrade:height', height }, '*');
  }
}).observe(root);
