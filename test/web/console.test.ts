// The console in a real browser (playwright-core driving Debian's chromium, headless): sign in as a
// person and with a token, open a collection (paging with `next`) and an object, search a value, decide a review
// item, switch EN -> JA -> HI and back, each page photographed in each language under
// web/screenshots/. Prints the dashboard's first paint and the gzip size of the first page's
// JavaScript (figures, not assertions). Without /usr/bin/chromium (a laptop) it skips, saying so.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { PEER, PERSON, VERSIONED, buildConsole, startBrowserNode, type BrowserNode } from './browser-node.js';

/** Debian's chromium; SETU_TEST_CHROMIUM names another binary (or a missing one, to see the skip). */
const CHROMIUM = process.env.SETU_TEST_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = new URL('../../web/screenshots/', import.meta.url).pathname;
const LANGUAGES = ['en', 'ja', 'hi'] as const;
const DASHBOARD_TITLE = { en: 'Dashboard', ja: 'ダッシュボード', hi: 'डैशबोर्ड' } as const;
const SIGN_IN_TITLE = { en: 'Sign in to Setu', ja: 'Setu にサインイン', hi: 'सेतु में साइन इन करें' } as const;
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent: the browser tests are skipped (apt-get install -y chromium runs them; .ci/run does)`;
if (skip !== false) console.log(`# SKIPPED web console browser tests: ${skip}`);

let browser: Browser | undefined;
let node: BrowserNode | undefined;
let consoleDir = '';

before(async () => {
  if (skip !== false) return;
  consoleDir = await buildConsole();
  node = await startBrowserNode(consoleDir);
  await mkdir(SHOTS, { recursive: true });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await node?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  return context.newPage();
}

async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page.getByTestId('language').selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}

async function signInAsPerson(page: Page): Promise<void> {
  await page.goto(`${node!.baseUrl}/`);
  await page.waitForURL('**/sign-in');
  await page.locator('input[name=email]').fill(PERSON.email);
  await page.locator('input[name=password]').fill(PERSON.password);
  await page.locator('form').first().locator('button[type=submit]').click();
  await page.getByRole('heading', { level: 1, name: DASHBOARD_TITLE.en }).waitFor();
}

/** A screenshot of the page as shown; the dashboard (the README's pictures) whole. */
const shot = (page: Page, name: string, language: string) => page.screenshot({ path: join(SHOTS, `${name}-${language}.png`), fullPage: name === 'dashboard' });

test('the sign-in page in each language; a token signs in, stays out of the URL and lives in sessionStorage', { skip }, async () => {
  const page = await newPage();
  await page.goto(`${node!.baseUrl}/`);
  await page.waitForURL('**/sign-in');
  for (const language of LANGUAGES) {
    await chooseLanguage(page, language);
    await page.getByRole('heading', { level: 1, name: SIGN_IN_TITLE[language] }).waitFor();
    await shot(page, 'sign-in', language);
  }
  await chooseLanguage(page, 'en');
  await page.locator('input[name=token]').fill(node!.analystToken);
  await page.locator('form').nth(1).locator('button[type=submit]').click();
  await page.getByRole('heading', { level: 1, name: DASHBOARD_TITLE.en }).waitFor();
  const who = await page.getByTestId('who').innerText();
  assert.match(who, /cert-in-node/);
  assert.match(who, /analyst/);
  assert.match(who, /CERT-In Node/);
  assert.ok(!page.url().includes(node!.analystToken), 'the token is not in the URL');
  assert.equal(await page.evaluate('sessionStorage.getItem("setu.token")'), node!.analystToken);
  assert.equal(await page.evaluate('localStorage.getItem("setu.token")'), null);
  // An analyst has no review queue in the menu.
  assert.equal(await page.getByRole('link', { name: 'Review queue' }).count(), 0);
  await page.context().close();
});

test('a person signs in, opens a collection page by page and an object, decides a review item, in EN, JA and HI', { skip }, async () => {
  const page = await newPage();
  await signInAsPerson(page);
  const who = await page.getByTestId('who').innerText();
  assert.match(who, new RegExp(PERSON.displayName));
  assert.match(who, /node-admin/);

  // First paint of the dashboard, loaded afresh with the session.
  await page.goto(`${node!.baseUrl}/`);
  await page.getByTestId('object-count').waitFor();
  const ready = (await page.evaluate('performance.now()')) as number;
  const paint = (await page.evaluate('(performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime')) as number | undefined;
  console.log(`# dashboard: first contentful paint ${paint?.toFixed(0) ?? '?'} ms, content (node figures) shown by ${ready.toFixed(0)} ms after navigation (loopback)`);
  console.log(`# first page JavaScript: ${(await firstPageScriptGzip()).toFixed(1)} KB gzip`);

  for (const language of LANGUAGES) {
    await chooseLanguage(page, language);
    await page.goto(`${node!.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: DASHBOARD_TITLE[language] }).waitFor();
    await page.getByRole('link', { name: 'IN-JP telecom threat exchange (demo)' }).waitFor();
    await page.getByTestId('recent-sightings').locator('a').first().waitFor();
    // The peer's push subscription, never run: the whole demo collection is behind, nothing failed.
    const peerRow = page.getByTestId('peers').locator('tbody tr', { hasText: PEER.name });
    await peerRow.waitFor();
    assert.match(await peerRow.innerText(), new RegExp(PEER.remote));
    await shot(page, 'dashboard', language);

    await page.getByRole('link', { name: 'IN-JP telecom threat exchange (demo)' }).click();
    await page.locator('table.objects tbody tr').first().waitFor();
    assert.equal(await page.locator('table.objects tbody tr').count(), 25);
    await shot(page, 'collection', language);
    await page.locator('main > button').click();
    await page.locator('table.objects tbody tr:nth-child(26)').waitFor();

    await page.locator('table.objects tbody tr', { hasText: 'indicator' }).first().locator('a').click();
    await page.locator('pre.pattern').waitFor();
    assert.ok((await page.locator('dl.properties time').count()) > 0, 'timestamps are shown as times');
    // In the viewer's zone (the browser's, Asia/Kolkata here), the stored UTC value kept as its title.
    const stored = String(await page.locator('dl.properties time').first().getAttribute('title'));
    const shown = await page.locator('dl.properties time').first().innerText();
    const utc = new Date(stored);
    const kolkataMinute = String((utc.getUTCMinutes() + 30) % 60).padStart(2, '0');
    assert.ok(shown.includes(`:${kolkataMinute}`) && !shown.includes(stored.slice(11, 16)), `${stored} shown as ${shown}`);
    await shot(page, 'object', language);
  }
  // The object page's labels follow the language; the console's own strings changed with it.
  assert.equal(await page.locator('html').getAttribute('lang'), 'hi');
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'गुण' }).waitFor();

  // Search from the top bar: a value from the demo data finds its indicator, which opens.
  for (const language of LANGUAGES) {
    await chooseLanguage(page, language);
    await page.getByRole('search').locator('input').fill('203.0.113.45');
    await page.getByRole('search').locator('input').press('Enter');
    await page.getByTestId('search-results').getByRole('link', { name: 'KiteTail C2 address 203.0.113.45' }).first().waitFor();
    assert.ok(!page.url().includes('token'), 'a search URL carries the query only');
    await shot(page, 'search', language);
  }
  // The filters narrow what the API returns: by TLP, then by STIX type.
  await chooseLanguage(page, 'en');
  const results = page.getByTestId('search-results');
  await page.locator('select[name=tlp]').selectOption('amber');
  await results.locator('.tlp-green').first().waitFor({ state: 'detached' });
  assert.ok((await results.locator('.tlp-amber').count()) > 0);
  assert.equal(await results.locator('.tlp').count(), await results.locator('.tlp-amber').count());
  await page.locator('select[name=tlp]').selectOption('');
  await page.locator('input[name=type]').fill('indicator');
  await results.locator('.pill', { hasText: 'ipv4-addr' }).waitFor({ state: 'detached' });
  assert.deepEqual([...new Set(await results.locator('.pill').allInnerTexts())], ['indicator']);
  // Each version found is one result (the indicator has two); both open the object's page.
  assert.equal(await page.getByTestId('search-results').getByRole('link', { name: 'KiteTail C2 address 203.0.113.45' }).count(), 2);
  await page.getByTestId('search-results').getByRole('link', { name: 'KiteTail C2 address 203.0.113.45' }).first().click();
  await page.locator('pre.pattern', { hasText: '203.0.113.45' }).waitFor();
  // Its two versions: the latest shown, with what it changed; the older one opens on a click.
  await chooseLanguage(page, 'en');
  await page.getByRole('heading', { level: 2, name: 'Versions (2)' }).waitFor();
  const diff = page.getByTestId('version-diff');
  assert.deepEqual((await diff.locator('th code').allInnerTexts()).sort(), ['confidence', 'description', 'modified']);
  assert.ok((await page.locator('dl.properties').innerText()).includes(VERSIONED.description));
  // Its neighbours (a relationship, a sighting): each pivots to that object's page.
  const related = page.getByTestId('related').locator('a');
  await related.first().waitFor();
  assert.ok((await related.count()) >= 2, 'the relationship and the sighting are listed');
  assert.match(await page.getByTestId('provenance').innerText(), /IN-JP telecom|[0-9a-f]{8}-/);
  await shot(page, 'object-related', 'en');
  const target = String(await related.first().getAttribute('href'));
  await page.locator('.versions button').click();
  await page.locator('dl.properties', { hasText: 'HTTPS command-and-control server of the fictional KiteTail backdoor.' }).waitFor();
  assert.equal(await page.getByTestId('version-diff').count(), 0, 'the first version has nothing before it');
  await shot(page, 'object-versions', 'en');
  await page.getByTestId('related').locator(`a[href="${target}"]`).click();
  await page.waitForURL(`**${target}`);
  await page.getByRole('heading', { level: 2, name: 'Properties' }).waitFor();
  assert.ok(decodeURIComponent(page.url()).includes(decodeURIComponent(target.split('/').pop()!)), 'the pivot opened the related object');

  await page.goto(`${node!.baseUrl}/review`);
  for (const language of LANGUAGES) {
    await chooseLanguage(page, language);
    await page.getByTestId('review-item').first().waitFor();
    await shot(page, 'review', language);
  }
  await chooseLanguage(page, 'en');
  const before = await page.getByTestId('review-item').count();
  assert.ok(before > 0, 'objects are held for review');
  const first = page.getByTestId('review-item').first();
  const held = await first.locator('h2 code').innerText();
  await first.getByRole('button', { name: 'Approve' }).click();
  // The queue reloads (its list leaves while it loads): wait until it is back, one item shorter.
  await page.getByTestId('review-item').locator('h2 code', { hasText: held }).waitFor({ state: 'detached' });
  if (before > 1) await page.getByTestId('review-item').nth(before - 2).waitFor();
  else await page.getByTestId('review-empty').waitFor();
  assert.equal(await page.getByTestId('review-item').count(), before - 1);
  assert.equal(await page.getByTestId('review-item').locator('h2 code', { hasText: held }).count(), 0);
  const decided = await fetch(`${node!.baseUrl}/api/v1/review?state=approved`, { headers: { authorization: `Bearer ${node!.adminToken}` } });
  const items = ((await decided.json()) as { items: { objectId: string; decidedBy: string }[] }).items;
  const approved = items.find((item) => item.objectId === held);
  assert.ok(approved, `${held} was approved`);
  assert.match(approved.decidedBy, /user:/);

  // A reject needs a reason.
  if (before > 1) {
    const next = page.getByTestId('review-item').first();
    assert.equal(await next.getByRole('button', { name: 'Reject' }).isDisabled(), true);
    await next.locator('textarea').fill('not for JPCERT/CC: personal data of a victim');
    assert.equal(await next.getByRole('button', { name: 'Reject' }).isDisabled(), false);
  }
  await page.context().close();
});

test('the chosen language is remembered across visits', { skip }, async () => {
  const page = await newPage();
  await signInAsPerson(page);
  await chooseLanguage(page, 'ja');
  await page.goto(`${node!.baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: DASHBOARD_TITLE.ja }).waitFor();
  assert.equal(await page.evaluate('localStorage.getItem("setu.language")'), 'ja');
  await chooseLanguage(page, 'en');
  await page.context().close();
});

/** The gzip size of the scripts index.html loads first (its module entry and preloads). */
async function firstPageScriptGzip(): Promise<number> {
  const html = await readFile(join(consoleDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let bytes = 0;
  for (const script of new Set(scripts)) bytes += gzipSync(await readFile(join(consoleDir, script))).length;
  return bytes / 1024;
}

test('at a tablet width (820 px) the dashboard, a collection and an object page need no sideways scrolling', { skip }, async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 820, height: 1180 });
  await signInAsPerson(page);
  const fits = async (what: string) => {
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    assert.ok(overflow <= 0, `${what} overflows by ${overflow} px`);
  };
  await page.getByTestId('recent-sightings').waitFor();
  await fits('the dashboard');
  await page.getByRole('link', { name: 'IN-JP telecom threat exchange (demo)' }).click();
  await page.locator('table.objects tbody tr').first().waitFor();
  await fits('the collection page');
  await shot(page, 'collection-tablet', 'en');
  await page.locator('table.objects tbody tr a').first().click();
  await page.locator('dl.properties').waitFor();
  await fits('the object page');
  await page.context().close();
});
