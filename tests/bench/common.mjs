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
