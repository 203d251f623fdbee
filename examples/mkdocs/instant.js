// The host's side of a page built like MkDocs Material with `navigation.instant`: a link inside the site
// fetches the next page, and its article's children replace the current ones (the header stays), with the
// address changed by pushState; back and forward swap the content the same way. Nothing here knows about
// paygrade: widget.js notices the widgets that come and go.
const article = () => document.querySelector('article');
/** The site's own pages: every address below this folder. */
const site = new URL('./', import.meta.url).pathname;

async function show(url) {
  const response = await fetch(url);
  const next = new DOMParser().parseFromString(await response.text(), 'text/html');
  article().replaceChildren(...next.querySelector('article').childNodes);
  document.title = next.title;
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || link.origin !== location.origin || !link.pathname.startsWith(site)) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  show(link.href);
});

window.addEventListener('popstate', () => show(location.href));
