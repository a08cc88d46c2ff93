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

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text) {
  const records = [];
  let field = '';
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n') { record.push(field.replace(/\r$/, '')); records.push(record); record = []; field = ''; }
    else field += c;
  }
  return records;
}
