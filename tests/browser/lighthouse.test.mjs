// Lighthouse 12 on both sites (issue 16, item 11), in Debian's Chromium.
//
// Run like a11y.test.mjs (run.sh sets STAFFROOM_SITES). On each site's index, a
// vacancy page and that vacancy's print view (the person specification), for a
// phone (Lighthouse's mobile settings) and a laptop (its desktop settings):
//
//   - accessibility 100;
//   - best practices 100, except the audits in ALLOWED_BEST_PRACTICES, each
//     explained there and in README.md;
//   - SEO 100 on pages meant to be indexed; on a page that says noindex (the
//     print view) every SEO audit but is-crawlable passes.
// Each page's scores and every failed audit are printed on the test's output.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from './server.mjs';
import { loadSites } from './shared.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CATEGORIES = ['accessibility', 'best-practices', 'seo'];

// Best-practices audits that may fail, and why (README.md says the same).
const ALLOWED_BEST_PRACTICES = {};

const sites = loadSites(process.env.STAFFROOM_SITES);

// The index, a vacancy with a person specification and its print view
function pagesOf(site) {
  const print = site.pages.find((pg) => /^vacancies\/[^/]+\/person-specification\/index\.html$/.test(pg.file));
  assert.ok(print, `${site.name}: no vacancy with a print view`);
  const vacancyFile = print.file.replace(/person-specification\/index\.html$/, 'index.html');
  const vacancy = site.pages.find((pg) => pg.file === vacancyFile);
  const index = site.pages.find((pg) => pg.file === 'index.html');
  return [['index', index], ['vacancy', vacancy], ['print view', print]];
}

const noindex = (html) => /<meta name="robots" content="[^"]*noindex/.test(html);

const FORM_FACTORS = {
  mobile: undefined, // Lighthouse's default config: a phone
  desktop: desktopConfig,
};

let chrome;

before(async () => {
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  for (const site of sites) site.server = await startServer(site.dir, { prefix: site.base });
});

after(async () => {
  await chrome?.kill();
  for (const site of sites) await site.server?.close();
});

// The category's failed audits: scored ones (not manual, informative or not
// applicable) below 1, and any that could not run ("id (error: why)")
function failures(lhr, category) {
  return lhr.categories[category].auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.scoreDisplayMode === 'error' ||
      (['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode) && a.score < 1))
    .map((a) => (a.scoreDisplayMode === 'error' ? `${a.id} (error: ${a.errorMessage})` : a.id));
}

for (const site of sites) {
  describe(`Lighthouse on the ${site.name} site`, () => {
    for (const [name, pg] of pagesOf(site)) {
      for (const [formFactor, config] of Object.entries(FORM_FACTORS)) {
        it(`${name} (${pg.urlPath}), ${formFactor}`, async () => {
          const url = site.server.origin + pg.urlPath;
          const result = await lighthouse(url, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: CATEGORIES,
          }, config);
          const lhr = result.lhr;
          assert.equal(lhr.runtimeError, undefined, `Lighthouse could not test ${url}`);
          const scores = CATEGORIES.map((c) => `${c} ${Math.round(lhr.categories[c].score * 100)}`);
          const failed = Object.fromEntries(CATEGORIES.map((c) => [c, failures(lhr, c)]));
          console.log(`${site.name} ${name} ${pg.urlPath} ${formFactor}: ${scores.join(', ')}` +
            CATEGORIES.filter((c) => failed[c].length).map((c) => `; ${c} failed: ${failed[c].join(' ')}`).join(''));

          assert.deepEqual(failed.accessibility, [], 'accessibility audits failed');
          const unexplained = failed['best-practices'].filter((id) => !(id in ALLOWED_BEST_PRACTICES));
          assert.deepEqual(unexplained, [], 'best-practices audits failed that README.md does not explain');
          if (noindex(pg.html)) {
            assert.deepEqual(failed.seo.filter((id) => id !== 'is-crawlable'), [],
              'SEO audits failed (other than is-crawlable, on a page that says noindex)');
          } else {
            assert.deepEqual(failed.seo, [], 'SEO audits failed');
          }
        });
      }
    }
  });
}
