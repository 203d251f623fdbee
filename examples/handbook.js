// The host's side of the iframe route: size the frame to the height the widget reports.
window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin || event.data?.type !== 'paygrade:height') return;
  const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
  if (frame) frame.height = String(event.data.height);
});
