// The Content-Security-Policy of the release build (inserted by scripts/post-build.mjs): the
// app runs under it without a single violation, it allows no inline script but Trunk's loader
// and the recovery script (scripts/recover.js), by hash, and nothing from other origins, and it
// really blocks what it should.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dataset } from './helpers.mjs';

/** Records CSP violations (from the start of every document) and CSP messages on the console. */
async function watchPolicy(page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample}`);
    });
  });
  const messages = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) messages.push(message.text());
  });
  return {
    messages,
    violations: () => page.evaluate(() => window.cspViolations),
  };
}

/** The policy of dist/index.html as a map: directive → list of sources. */
function parsePolicy(text) {
  return new Map(
    text.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...sources] = d.split(/\s+/);
      return [name, sources];
    }),
  );
}

async function openView(page, query) {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('event-total')).not.toBeEmpty({ timeout: 30_000 });
}

test('the app runs under its policy without violations', async ({ page }) => {
  const policy = await watchPolicy(page);
  await openView(page, '?gov=idlib');
  // A filter click, the About view, an event's detail, an export (a blob: download).
  await page.locator('#kind-airstrike').check();
  await expect(page).toHaveURL(/kind=airstrike/);
  await page.locator('nav.tabs button, [role="tab"]').filter({ hasText: /^About$/ }).click();
  await expect(page.getByTestId('about')).toBeVisible();
  const event = dataset('curated').events.find((e) => e.citations.length > 0);
  await openView(page, `?sel=${encodeURIComponent(event.id)}`);
  await expect(page.getByTestId('event-detail')).toBeVisible();
  await openView(page, '?view=map&c=curated');
  await openView(page, '?view=figures');
  await openView(page, '?gov=aleppo');
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(await policy.violations()).toEqual([]);
  expect(policy.messages).toEqual([]);
});

test('the policy allows only the hashed loader, this origin and wasm compilation', async ({ page }) => {
  await page.goto('./');
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveCount(1);
  const content = await meta.getAttribute('content');
  const policy = parsePolicy(content);

  // No origin but this one, no wildcard, no scheme-wide source except data:/blob: for images.
  expect(content).not.toMatch(/https?:|\*|wss?:/);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('worker-src')).toEqual(["'self'"]);
  expect(policy.get('manifest-src')).toEqual(["'self'"]);
  expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  // Inline <style> elements stay forbidden; only style attributes (set by Leptos) are allowed.
  expect(policy.get('style-src-elem')).toEqual(["'self'"]);

  const scripts = policy.get('script-src');
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).toContain("'self'");
  expect(scripts).toContain("'wasm-unsafe-eval'");
  // Exactly the hash of each inline script of the built page: Trunk's module loader and the
  // recovery script.
  const html = readFileSync('dist/index.html', 'utf8');
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
    .map(([, , text]) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  expect(inline).toHaveLength(2);
  expect(scripts.filter((s) => s.startsWith("'sha256-"))).toEqual(inline);
  // The policy comes before every script, so it governs them all.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
});

test('the policy blocks injected script, eval and inline style elements', async ({ page }) => {
  const policy = await watchPolicy(page);
  await openView(page, '');
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.head.append(script);
    // A string to compile later, from the page itself (DevTools' own evaluation may eval).
    setTimeout('window.evaluated = true;', 0);
    const style = document.createElement('style');
    style.textContent = 'body { background: rgb(1, 2, 3); }';
    document.head.append(style);
    await new Promise((resolve) => { setTimeout(resolve, 100); });
    return {
      injected: window.injected === true,
      evaluated: window.evaluated === true,
      styled: getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)',
    };
  });
  expect(outcome).toEqual({ injected: false, evaluated: false, styled: false });
  const violations = await policy.violations();
  for (const directive of ['script-src-elem', 'script-src', 'style-src-elem']) {
    expect(violations.some((v) => v.startsWith(`${directive} `)), directive).toBe(true);
  }
});
