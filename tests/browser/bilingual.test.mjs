// A bilingual Welsh site (issue 17), in a real browser. Run through run.sh,
// which builds tests/sites/bilingual as the site named "bilingual" (Welsh at
// the root, English under /en/). On it:
//
//   - every page's <html lang> is its tree's language, and it links the same
//     page in the other language (the switcher, with lang and hreflang; the
//     head's hreflang alternates); following the switcher reaches that page;
//   - an advert with no translation keeps its own words, each element that
//     holds them marked with their lang, and says it is in one language only;
//   - the print view and the checklist in both languages: their words, and the
//     checklist's notes kept and deleted with the confirmation in the page's language.
// (axe, html-validate and the other checks of a11y.test.mjs and
// candidates.test.mjs run over every page of this site too.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './server.mjs';
import { htmlFiles, launchChromium } from './shared.mjs';

const spec = (process.env.STAFFROOM_SITES || '').split(',').find((p) => p.startsWith('bilingual='));
const dir = spec ? path.resolve(spec.slice('bilingual='.length)) : null;
const WIDE = { width: 1280, height: 900 };

let browser;
let server;

before(async () => {
  if (!dir) return;
  browser = await launchChromium();
  server = await startServer(dir);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function urlPathOf(file) {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return '/' + file.slice(0, -'index.html'.length);
  return '/' + file;
}

async function withPage(urlPath, fn) {
  const context = await browser.newContext({ viewport: WIDE });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  try {
    const response = await page.goto(server.origin + urlPath, { waitUntil: 'load' });
    assert.equal(response.status(), 200, urlPath);
    await fn(page, context);
    assert.deepEqual(errors, [], `JavaScript errors on ${urlPath}`);
  } finally {
    await context.close();
  }
}

describe('a bilingual Welsh site', { skip: !dir && 'no bilingual site in STAFFROOM_SITES' }, () => {
  const pages = dir ? htmlFiles(dir).filter((f) => f !== '404.html' && f !== 'en/404.html') : [];

  it('every page is in its tree\'s language and links the same page in the other', async () => {
    for (const file of pages) {
      const english = file.startsWith('en/');
      const own = urlPathOf(file);
      const other = english ? own.slice(3) : '/en' + own;
      await withPage(own, async (page) => {
        assert.equal(await page.getAttribute('html', 'lang'), english ? 'en-GB' : 'cy', file);
        const link = page.locator('.language-switch a');
        assert.equal(await link.count(), 1, `${file}: one link to the other language`);
        assert.equal(await link.getAttribute('lang'), english ? 'cy' : 'en-GB', file);
        assert.equal(await link.getAttribute('hreflang'), english ? 'cy' : 'en-GB', file);
        assert.equal(await link.innerText(), english ? 'Cymraeg' : 'English', file);
        const alternates = await page.$$eval('link[rel=alternate][hreflang]', (ls) => ls.map((l) => l.hreflang));
        assert.deepEqual(alternates.sort(), ['cy', 'en-GB'], `${file}: hreflang alternates`);
        await Promise.all([page.waitForURL('**' + other), link.click()]);
        assert.equal(new URL(page.url()).pathname, other, `${file}: the switcher reaches the same page`);
        assert.equal(await page.getAttribute('html', 'lang'), english ? 'cy' : 'en-GB');
      });
    }
  });

  it('an advert with no translation marks its own words with their lang, in both lists and pages', async () => {
    // Glanhawr is in Welsh only; Teacher of Physics in English only.
    for (const [urlPath, lang, title] of [['/en/vacancies/glanhawr/', 'cy', 'Glanhawr'],
      ['/vacancies/athro-ffiseg/', 'en-GB', 'Teacher of Physics']]) {
      await withPage(urlPath, async (page) => {
        assert.equal(await page.getAttribute('h1', 'lang'), lang, `${urlPath}: the title`);
        assert.equal(await page.locator('h1').innerText(), title);
        assert.equal(await page.getAttribute('.vacancy-header .lead', 'lang'), lang, `${urlPath}: the summary`);
        assert.equal(await page.getAttribute('.vacancy .prose', 'lang'), lang, `${urlPath}: the description`);
        assert.equal(await page.locator('.vacancy-header .notice-info').count(), 1, `${urlPath}: the one-language note`);
      });
    }
    for (const [urlPath, slug, lang] of [['/en/', 'glanhawr', 'cy'], ['/', 'athro-ffiseg', 'en-GB']]) {
      await withPage(urlPath, async (page) => {
        const card = page.locator('.card', { has: page.locator(`a[href$="/vacancies/${slug}/"]`) });
        assert.equal(await card.locator('.card-title').getAttribute('lang'), lang, `${urlPath}: ${slug}'s card title`);
        assert.equal(await card.locator('.card-summary').getAttribute('lang'), lang);
        assert.equal(await card.locator('.card-note').count(), 1);
      });
    }
    // A translated advert is in its page's language: nothing to mark.
    await withPage('/en/vacancies/cynorthwyydd-addysgu/', async (page) => {
      assert.equal(await page.locator('h1').innerText(), 'Teaching Assistant Level 2');
      assert.equal(await page.getAttribute('h1', 'lang'), null);
      assert.equal(await page.locator('[lang]:not(html):not(.language-switch a)').count(), 0,
        'no element of the translated page is marked as another language');
    });
  });

  it('the print view and the checklist are in each language, and the notes work in both', async () => {
    const cases = [
      { base: '/', kicker: 'Manyleb y person', heading: 'Meini prawf hanfodol', confirm: 'Dileu', essential: 'Hanfodol' },
      { base: '/en/', kicker: 'Person specification', heading: 'Essential criteria', confirm: 'Delete', essential: 'Essential' },
    ];
    for (const c of cases) {
      await withPage(c.base + 'vacancies/cynorthwyydd-addysgu/person-specification/', async (page) => {
        assert.equal(await page.locator('.h1-kicker').innerText(), c.kicker);
        const levels = await page.locator('.spec-table .level-text').allInnerTexts();
        assert.ok(levels.includes(c.essential), `${c.base}: levels in words: ${levels}`);
        // welsh_language: essential is a criterion of its own
        assert.equal(await page.locator('.spec-section').count(), 4, `${c.base}: three sections and the Welsh language`);
      });
      await withPage(c.base + 'vacancies/cynorthwyydd-addysgu/prepare/', async (page) => {
        assert.equal(await page.locator('#essential').innerText(), c.heading);
        const field = page.locator('textarea.evidence').first();
        await field.fill('Gweithio gyda grwpiau bach / small groups');
        await page.reload();
        assert.equal(await page.locator('textarea.evidence').first().inputValue(), 'Gweithio gyda grwpiau bach / small groups');
        let asked = '';
        page.once('dialog', (d) => {
          asked = d.message();
          d.accept();
        });
        await page.locator('[data-clear-notes]').click();
        assert.ok(asked.startsWith(c.confirm), `${c.base}: the confirmation in the page's language: ${asked}`);
        assert.equal(await page.locator('textarea.evidence').first().inputValue(), '');
      });
    }
  });

  it('the filters speak the page\'s language', async () => {
    await withPage('/', async (page) => {
      await page.locator('#filters').evaluate((d) => { d.open = true; });
      await page.waitForFunction(() => document.querySelectorAll('#filter-contract option').length > 1);
      const contracts = await page.locator('#filter-contract option').allInnerTexts();
      assert.ok(contracts.includes('Parhaol'), `Welsh contract labels: ${contracts}`);
      await page.fill('#filter-q', 'glanhawr');
      await page.locator('.filter-form button[type=submit]').click();
      await page.waitForFunction(() => /cyfateb/.test(document.querySelector('[data-filter-status]').textContent));
    });
  });
});
