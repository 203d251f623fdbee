// What both browser halves of `cargo xtask bench` use: Chromium as this machine runs it, summary figures,
// and key-press timers measured inside the page.
import { chromium } from 'playwright-core';

/// Debian's Chromium, headless, as root, with nothing reaching out to the network on its own.
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

// Lighthouse's mobile profile, applied through CDP: 150 ms round trip, 1.6 Mbps down, 750 kbps up,
// the CPU slowed 4x, a phone's viewport, a fresh (empty) cache.
const MOBILE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/// A fresh context of `browser` (an empty cache) on the mobile profile, with its page.
export async function mobileContext(browser) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // A fresh context has an empty cache; disabling the cache as well would stop preloads being reused.
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...MOBILE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

/// Median, p95, min, max and the number of samples.
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/// Times, inside the page, from the next key press to the next change of `selector`'s element:
/// the result arrives in window.__keyToChange.
export async function armKeyTimer(page, selector, observed) {
  await page.evaluate(([selector, observed]) => {
    const target = document.querySelector(selector);
    window.__keyToChange = new Promise((resolve) => {
      const start = { t: 0 };
      document.addEventListener('keydown', () => { start.t = performance.now(); }, { capture: true, once: true });
      new MutationObserver((records, observer) => {
        observer.disconnect();
        resolve(performance.now() - start.t);
      }).observe(target, observed);
    });
  }, [selector, observed]);
}

/// Each letter typed into the focused, empty box and deleted again, so every key press changes the text
/// of `selector`: the time from each key press to that change, in ms (a press that changed nothing within
/// 2 s is left out).
export async function keystrokesToChange(page, selector, letters) {
  const times = [];
  for (const key of [...letters].flatMap((letter) => [letter, 'Backspace'])) {
    await armKeyTimer(page, selector, { childList: true, characterData: true, subtree: true });
    await page.keyboard.press(key);
    times.push(await Promise.race([
      page.evaluate(() => window.__keyToChange),
      new Promise((resolve) => setTimeout(() => resolve(null), 2000)),
    ]));
  }
  return times.filter((t) => t !== null);
}

/// The anchor the interaction budgets are ratios to: plain JavaScript in the same page, with no framework,
/// that reads `csvUrl` (a locations table) and, off screen, keeps an input, a count and a table. Each
/// change of the input filters every row by every word typed (as the app's table filter does) and renders
/// the first `rows` matches, ten cells each (the file's own cells, repeated: no pay is computed), and the
/// count; Enter also writes the first match into a small band. Its timers run exactly as the app's.
export async function installAnchor(page, csvUrl, rows) {
  await page.evaluate(async ([csvUrl, rows]) => {
    const split = (line) => {
      const cells = [];
      let cell = '';
      let quoted = false;
      for (const c of line) {
        if (quoted) {
          if (c === '"') quoted = false; else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
      }
      cells.push(cell);
      return cells;
    };
    const text = await (await fetch(csvUrl)).text();
    const records = text.split('\n').slice(1).filter((line) => line.trim()).map((line) => {
      const cells = split(line);
      return { cells, key: `${cells[0]} ${cells[1]} ${cells[4]}`.toLowerCase() };
    });
    const root = document.createElement('div');
    root.id = 'bench-anchor';
    root.style.position = 'absolute';
    root.style.left = '-100000px';
    const input = document.createElement('input');
    input.id = 'bench-anchor-input';
    const count = document.createElement('p');
    count.id = 'bench-anchor-count';
    const band = document.createElement('dl');
    band.id = 'bench-anchor-band';
    const body = document.createElement('tbody');
    const table = document.createElement('table');
    table.append(body);
    root.append(input, count, band, table);
    document.body.append(root);
    const render = (chosen) => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      const matches = records.filter((r) => words.every((w) => r.key.includes(w)));
      if (chosen && matches[0]) {
        band.replaceChildren(...matches[0].cells.map((cell) => {
          const dd = document.createElement('dd');
          dd.textContent = cell;
          return dd;
        }));
      }
      const shown = chosen ? records : matches;
      body.replaceChildren(...shown.slice(0, rows).map((r) => {
        const tr = document.createElement('tr');
        for (const cell of r.cells.concat(r.cells).slice(0, 10)) {
          const td = document.createElement('td');
          td.textContent = cell;
          tr.append(td);
        }
        return tr;
      }));
      count.textContent = `${matches.length} of ${records.length} locations · showing 1–${Math.min(rows, shown.length)}`;
    };
    input.addEventListener('input', () => render(false));
    input.addEventListener('keydown', (event) => { if (event.key === 'Enter') render(true); });
  }, [csvUrl, rows]);
}

/// Like `keystrokesToChange`, for several boxes at once: each key goes to every one of `targets` in turn
/// (`{ input, changed }` selectors; the order alternates from key to key), so the app and its anchor are
/// timed as pairs at the same moment. One array of times per target (a press that changed nothing within
/// 2 s is null, and its whole pair is left out).
export async function pairedKeystrokes(page, targets, letters) {
  const times = targets.map(() => []);
  const keys = [...letters].flatMap((letter) => [letter, 'Backspace']);
  for (const [n, key] of keys.entries()) {
    const order = targets.map((_, i) => i);
    if (n % 2 === 1) order.reverse();
    const pair = [];
    for (const i of order) {
      await page.focus(targets[i].input);
      await armKeyTimer(page, targets[i].changed, { childList: true, characterData: true, subtree: true });
      await page.keyboard.press(key);
      pair[i] = await Promise.race([
        page.evaluate(() => window.__keyToChange),
        new Promise((resolve) => setTimeout(() => resolve(null), 2000)),
      ]);
    }
    if (pair.every((t) => t !== null)) pair.forEach((t, i) => times[i].push(t));
  }
  return times;
}
