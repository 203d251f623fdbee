// The iframe route: the package mounts the compact widget on #paygrade-frame from this page's query;
// this script tells the parent page how tall the frame should be.
import init from './pkg/paygrade.js';

await init();

// The body's height, not the document's: a document is never shorter than the frame showing it, so its
// scrollHeight could only grow, and a frame that once grew would never shrink back to fit.
let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.body.scrollHeight);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'paygrade:height', height }, '*');
  }
}).observe(document.body);
