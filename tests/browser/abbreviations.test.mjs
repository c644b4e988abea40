// Abbreviations without a mouse (issue 16, item 8), in Debian's Chromium.
//
// Run like a11y.test.mjs (run.sh sets STAFFROOM_SITES). On both sites:
//
//   - every page: each abbreviation links to the glossary at most once (its
//     first use), every such link leads to an entry the glossary page has, and
//     no link is inside another;
//   - a vacancy page with abbreviations, on a laptop: Tab reaches the first
//     abbreviation link, focus shows the words it stands for in place, and
//     Enter leads to its glossary entry;
//   - the same page on a touch screen: a tap on it leads to the entry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumAndServers, loadSites } from './shared.mjs';

const PHONE = { width: 375, height: 812 };
const LAPTOP = { width: 1280, height: 900 };
const MAX_TABS = 80;

const sites = loadSites(process.env.STAFFROOM_SITES);

// The glossary links of a page's HTML, in order: [{href, anchor}]
function abbreviationLinks(html) {
  return [...html.matchAll(/<a class="abbr-link" href="([^"#]*)#([^"]+)">/g)]
    .map((m) => ({ href: m[1], anchor: m[2] }));
}

// The most <a> elements open at once: 1 unless links nest
function linkDepth(html) {
  let depth = 0;
  let most = 0;
  for (const m of html.matchAll(/<a[\s>]|<\/a>/g)) {
    depth += m[0] === '</a>' ? -1 : 1;
    most = Math.max(most, depth);
  }
  return most;
}

const held = chromiumAndServers(sites);

for (const site of sites) {
  const glossary = site.pages.find((pg) => pg.file === 'glossary/index.html');
  // Each language's tree has its own glossary ("glossary/", and "en/glossary/"
  // on a bilingual site): a page's abbreviations lead to its own tree's.
  const glossaries = site.pages.filter((pg) => pg.file.endsWith('glossary/index.html'))
    .map((pg) => ({ tree: pg.file.slice(0, -'glossary/index.html'.length), html: pg.html }))
    .sort((a, b) => b.tree.length - a.tree.length);
  const glossaryOf = (file) => glossaries.find((g) => file.startsWith(g.tree));
  const vacancy = site.pages.find((pg) => /^vacancies\/[^/]+\/index\.html$/.test(pg.file) &&
    abbreviationLinks(pg.html).length);

  describe(`Abbreviations on the ${site.name} site`, () => {
    it('each abbreviation links to its glossary entry once a page, and no link is inside another', () => {
      assert.ok(glossary, 'the site has a glossary page');
      assert.ok(vacancy, 'some vacancy page links an abbreviation to the glossary');
      let links = 0;
      for (const pg of site.pages) {
        const found = abbreviationLinks(pg.html);
        links += found.length;
        const anchors = found.map((l) => l.anchor);
        assert.deepEqual(anchors, [...new Set(anchors)], `${pg.file}: an abbreviation linked twice`);
        const own = glossaryOf(pg.file);
        for (const l of found) {
          assert.equal(l.href, `${site.base}${own.tree}glossary/`, `${pg.file}: the glossary's address`);
          assert.ok(own.html.includes(`id="${l.anchor}"`), `${pg.file}: the glossary has no entry #${l.anchor}`);
        }
        assert.ok(linkDepth(pg.html) <= 1, `${pg.file}: a link inside a link`);
      }
      console.log(`${site.name}: ${links} abbreviation links on ${site.pages.length} pages`);
    });

    it(`Tab reaches the first abbreviation link on ${vacancy?.urlPath}, which shows its words and leads to the glossary`, async () => {
      const first = abbreviationLinks(vacancy.html)[0];
      const context = await held.browser.newContext({ viewport: LAPTOP, reducedMotion: 'reduce' });
      try {
        const page = await context.newPage();
        await page.goto(site.server.origin + vacancy.urlPath, { waitUntil: 'load' });
        let tabs = 0;
        for (; tabs < MAX_TABS; tabs++) {
          await page.keyboard.press('Tab');
          if (await page.evaluate(() => document.activeElement?.matches('a.abbr-link'))) break;
        }
        assert.ok(tabs < MAX_TABS, `no abbreviation link within ${MAX_TABS} Tab presses`);
        const focused = await page.evaluate(() => {
          const a = document.activeElement;
          const words = a.querySelector('.abbr-words').getBoundingClientRect();
          return { href: a.getAttribute('href'), text: a.textContent, wordsWidth: words.width };
        });
        console.log(`${site.name} ${vacancy.urlPath}: Tab ${tabs + 1} reaches "${focused.text}"`);
        assert.equal(focused.href, `${first.href}#${first.anchor}`, 'the first abbreviation link in the page');
        assert.ok(focused.wordsWidth > 10, 'the words it stands for show on focus');
        await Promise.all([page.waitForURL(`**/glossary/#${first.anchor}`), page.keyboard.press('Enter')]);
        const entry = await page.evaluate(() => document.querySelector(':target')?.textContent ?? '');
        const abbr = focused.text.split(' (')[0];
        assert.ok(entry.includes(abbr), `the glossary entry #${first.anchor} names ${abbr}`);
      } finally {
        await context.close();
      }
    });

    it(`a tap on the first abbreviation link on ${vacancy?.urlPath} leads to the glossary`, async () => {
      const first = abbreviationLinks(vacancy.html)[0];
      const context = await held.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
      try {
        const page = await context.newPage();
        await page.goto(site.server.origin + vacancy.urlPath, { waitUntil: 'load' });
        const link = page.locator('a.abbr-link').first();
        await link.scrollIntoViewIfNeeded();
        await Promise.all([page.waitForURL(`**/glossary/#${first.anchor}`), link.tap()]);
        assert.ok(await page.locator(`[id="${first.anchor}"]:target`).count(), 'the entry is the target');
      } finally {
        await context.close();
      }
    });
  });
}
