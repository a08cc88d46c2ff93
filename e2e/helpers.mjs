// Shared helpers for the browser tests: reading the bundled dataset files the way the app does,
// collecting console errors, and saving screenshots as test artifacts (never committed).
import { readFileSync, mkdirSync } from 'node:fs';

export function dataset(name) {
  return JSON.parse(readFileSync(`dist/data/${name}.json`, 'utf8'));
}

export function allEvents() {
  return ['curated', 'ucdp'].flatMap((name) => dataset(name).events);
}

/** Records console errors and page errors; call .check() at the end of a test. */
export function watchConsole(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

export async function screenshot(page, name) {
  mkdirSync('e2e/artifacts', { recursive: true });
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}

export function groupThousands(n) {
  return n.toLocaleString('en-US');
}
