// Accessibility of built Staffroom sites, proven in a real browser (issue 7).
//
// Run through run.sh, which builds the sites and sets STAFFROOM_SITES to
// "name=folder,name=folder". Each site is served over HTTP on 127.0.0.1 by a tiny
// server (server.mjs) because its links are root-relative; every *.html page of
// every site is then visited in Debian's Chromium (/usr/bin/chromium) driven by
// playwright-core:
//
//   - axe-core: no violations (WCAG 2.0/2.1/2.2 A and AA plus best practice), at 1280
//     and at 320 CSS px, where the person specification tables are stacked;
//   - html-validate: no errors (.htmlvalidate.mjs);
//   - 320 px: no sideways scrolling; nav, footer and button targets at least 24x24;
//   - keyboard: a skip link first in tab order that moves focus into <main>, and a
//     visible focus indicator with 3:1 contrast on everything in the tab order;
//   - person specification tables at 320 and 1280: the accessibility tree keeps the
//     table, its column and row headers, and each row reads criterion, then
//     Essential or Desirable, then how it is assessed (empty when not stated), with
//     no ARIA role on any of the table's elements; at 320 the stacked layout is in
//     force (each group's heading row shows, the rows' own level and methods are out
//     of sight), at 1280 the grid; standards folded into one <details> per criterion;
//   - "Closing soon" and "Closed" flags: 4.5:1 text, 3:1 edge;
//   - screenshots (index, a vacancy page, the print view) into screenshots/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { startServer } from './server.mjs';
import { htmlFiles } from './shared.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCREENSHOTS = path.join(HERE, 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const NARROW = { width: 320, height: 640 };
const WIDE = { width: 1280, height: 900 };
const A4 = { width: 794, height: 1123 };

// The vacancy each site's screenshots show, when it exists.
const SCREENSHOT_VACANCY = {
  example: 'learning-support-practitioner',
  awkward: 'cynorthwyydd-addysgu-ysgol-gymraeg',
  bilingual: 'cynorthwyydd-addysgu',
};

// A person specification table's words, in the page's language (issue 17).
const SPEC_WORDS = {
  en: { headers: ['Criterion', 'Essential or desirable', 'How it is assessed'], levels: ['Essential', 'Desirable'] },
  cy: { headers: ['Maen prawf', 'Hanfodol neu ddymunol', 'Sut y caiff ei asesu'], levels: ['Hanfodol', 'Dymunol'] },
};

// ---------- The sites and their pages ----------

function parseSites(spec) {
  if (!spec) throw new Error('STAFFROOM_SITES is not set: run tests/browser/run.sh');
  return spec.split(',').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const dir = path.resolve(pair.slice(eq + 1));
    if (!name || !fs.existsSync(path.join(dir, 'index.html')))
      throw new Error(`no built site at ${dir} (from '${pair}')`);
    return { name, dir };
  });
}

// "vacancies/x/index.html" is served as "/vacancies/x/"; "404.html" as "/404.html"
function urlPathOf(file) {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return '/' + file.slice(0, -'index.html'.length);
  return '/' + file;
}

const sites = parseSites(process.env.STAFFROOM_SITES);
// The path of the site's base_url ("/jobs/"), from the home page's canonical link
function basePathOf(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const m = /<link rel="canonical" href="([^"]+)"/.exec(html);
  return m ? new URL(m[1]).pathname : '/';
}

for (const site of sites) {
  site.base = basePathOf(site.dir);
  site.pages = htmlFiles(site.dir).map((file) => ({
    file,
    urlPath: site.base + urlPathOf(file).slice(1),
    html: fs.readFileSync(path.join(site.dir, file), 'utf8'),
  }));
}

// ---------- Browser, servers, validator ----------

let browser;
const htmlvalidate = new HtmlValidate((await import('./.htmlvalidate.mjs')).default);

before(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  for (const site of sites) site.server = await startServer(site.dir, { prefix: site.base });
});

after(async () => {
  await browser?.close();
  for (const site of sites) await site.server?.close();
});

// A fresh context (as @axe-core/playwright requires) and page at a size.
async function openPage(site, urlPath, viewport, { media } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  if (media) await page.emulateMedia({ media });
  const response = await page.goto(site.server.origin + urlPath, { waitUntil: 'load' });
  assert.equal(response.status(), 200, `HTTP status of ${urlPath}`);
  return { context, page, errors };
}

async function withPage(site, urlPath, viewport, fn, options) {
  const { context, page, errors } = await openPage(site, urlPath, viewport, options);
  try {
    await fn(page);
    assert.deepEqual(errors, [], 'JavaScript errors on the page');
  } finally {
    await context.close();
  }
}

// ---------- Colour ----------

function parseColour(css) {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(css || '');
  if (!m) return null;
  let a = m[4] === undefined ? 1 : parseFloat(m[4]);
  if (m[4] && m[4].endsWith('%')) a /= 100;
  return { r: +m[1], g: +m[2], b: +m[3], a };
}

function luminance({ r, g, b }) {
  const lin = (c) => {
    c /= 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

// Colour `fg` (perhaps translucent) over opaque `bg`
function over(fg, bg) {
  const a = fg.a ?? 1;
  return { r: fg.r * a + bg.r * (1 - a), g: fg.g * a + bg.g * (1 - a), b: fg.b * a + bg.b * (1 - a), a: 1 };
}

export function contrast(c1, c2) {
  const l1 = luminance(c1);
  const l2 = luminance(c2);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

// Runs in the page: the opaque background colour behind an element (its ancestors').
const PAGE_HELPERS = `
window.__a11y = {
  behind(el) {
    for (let e = el.parentElement; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\\([^)]*,\\s*0\\)$/.test(bg)) return bg;
    }
    return 'rgb(255, 255, 255)';
  },
  visible(el) {
    if (el.closest('[hidden], [inert]')) return false;
    // inside a closed <details> (content-visibility: hidden in Chromium)
    if (!el.checkVisibility({ contentVisibilityAuto: true })) return false;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  },
  interactive() {
    const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll(sel)].filter((el) => window.__a11y.visible(el));
  },
  describe(el) {
    const text = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + cls + (text ? ' "' + text + '"' : '');
  },
  style(el) {
    const cs = getComputedStyle(el);
    return {
      outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) || 0,
      outlineColor: cs.outlineColor, boxShadow: cs.boxShadow,
      backgroundColor: cs.backgroundColor, color: cs.color,
    };
  },
};
`;

async function injectHelpers(page) {
  await page.evaluate(PAGE_HELPERS);
}

// Lets styles settle after a key press (a theme may animate focus styles)
async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// ---------- Checks ----------

function formatAxe(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ').trim()}`).join('\n'))
    .join('\n  ');
}

async function checkAxe(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  assert.equal(results.violations.length, 0, `axe violations:\n  ${formatAxe(results.violations)}`);
}

async function checkReflowAndTargets(page, width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `the page scrolls sideways at ${width}px: scrollWidth ${scrollWidth}`);
  await injectHelpers(page);
  const small = await page.evaluate(() => {
    const out = [];
    for (const el of window.__a11y.interactive()) {
      // Inline links in running text are exempt (WCAG 2.5.8 "inline")
      const listed = el.closest('nav, footer, .spec-actions, .back-link, .documents, .browse-links');
      const control = el.matches('button, .button, input, select, textarea, summary');
      const inline = getComputedStyle(el).display === 'inline';
      if (!listed && !control && inline) continue;
      if (el.closest('.footer-contact')) continue;  // sentences: "email <a>…</a>"
      if (el.matches('.skip-link')) continue;      // off screen until focused
      const r = el.getBoundingClientRect();
      if (r.width < 24 || r.height < 24)
        out.push(`${window.__a11y.describe(el)}: ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
    }
    return out;
  });
  assert.deepEqual(small, [], `targets smaller than 24x24 CSS px at ${width}px`);
}

async function checkSkipLink(page) {
  await injectHelpers(page);
  await page.keyboard.press('Tab');
  await settle(page);
  const first = await page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return {
      isSkip: el.matches('a.skip-link[href="#main"]'),
      firstInOrder: window.__a11y.interactive()[0] === el,
      describe: window.__a11y.describe(el),
      inView: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0,
    };
  });
  assert.ok(first.isSkip, `the first Tab focuses ${first.describe}, not the skip link`);
  assert.ok(first.firstInOrder, 'the skip link is not the first interactive element');
  assert.ok(first.inView, 'the focused skip link is not visible in the viewport');
  await page.keyboard.press('Enter');
  const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
  assert.ok(inMain, 'after Enter on the skip link, focus is not in <main>');
}

function indicatorProblem(item) {
  const { before: b, after: a, behind } = item;
  const bg = parseColour(behind) || { r: 255, g: 255, b: 255, a: 1 };
  const ok = [];
  const seen = [];
  if (a.outlineStyle !== 'none' && a.outlineWidth >= 1 &&
      (a.outlineStyle !== b.outlineStyle || a.outlineWidth !== b.outlineWidth || a.outlineColor !== b.outlineColor)) {
    const c = parseColour(a.outlineColor);
    const ratio = c ? contrast(over(c, bg), bg) : 0;
    seen.push(`outline ${a.outlineWidth}px ${ratio.toFixed(2)}:1`);
    if (a.outlineWidth >= 2 && ratio >= 3) ok.push('outline');
  }
  if (a.backgroundColor !== b.backgroundColor) {
    const fb = parseColour(a.backgroundColor);
    const ub = parseColour(b.backgroundColor);
    if (fb) {
      const focused = over(fb, bg);
      const unfocused = ub ? over(ub, bg) : bg;
      const ratio = Math.min(contrast(focused, bg), contrast(focused, unfocused));
      seen.push(`background ${ratio.toFixed(2)}:1`);
      if (ratio >= 3) ok.push('background');
    }
  }
  if (a.boxShadow !== b.boxShadow && a.boxShadow !== 'none') {
    const c = parseColour(a.boxShadow);
    const ratio = c ? contrast(over(c, bg), bg) : 0;
    seen.push(`box-shadow ${ratio.toFixed(2)}:1`);
    if (ratio >= 3) ok.push('box-shadow');
  }
  if (ok.length) return null;
  return `${item.describe}: no focus indicator with 3:1 contrast against ${behind} (${seen.join(', ') || 'nothing changes'})`;
}

async function checkFocusIndicators(page) {
  await injectHelpers(page);
  const count = await page.evaluate(() => {
    const els = window.__a11y.interactive();
    els.forEach((el, i) => {
      el.dataset.a11yI = String(i);
    });
    window.__a11yUnfocused = els.map((el) => window.__a11y.style(el));
    return els.length;
  });
  const reached = new Set();
  const problems = [];
  // Start from the top: a key press first, so that focus() by script still counts
  // as keyboard focus (:focus-visible), then Tab through the whole page.
  await page.keyboard.press('Shift');
  await page.evaluate(() => document.querySelector('[data-a11y-i="0"]')?.focus());
  for (let step = 0; step < count + 3; step++) {
    if (step > 0) await page.keyboard.press('Tab');
    await settle(page);
    const item = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el.dataset.a11yI === undefined) return null;
      const i = Number(el.dataset.a11yI);
      return {
        i,
        describe: window.__a11y.describe(el),
        before: window.__a11yUnfocused[i],
        after: window.__a11y.style(el),
        behind: window.__a11y.behind(el),
        focusVisible: el.matches(':focus-visible'),
      };
    });
    if (!item) {
      if (step > 0 && reached.size) break;  // past the last element
      continue;
    }
    if (reached.has(item.i)) break;  // wrapped round
    reached.add(item.i);
    if (!item.focusVisible) problems.push(`${item.describe}: does not match :focus-visible after Tab`);
    const p = indicatorProblem(item);
    if (p) problems.push(p);
  }
  const missed = await page.evaluate((seen) =>
    window.__a11y.interactive()
      .filter((el) => !seen.includes(Number(el.dataset.a11yI)))
      .map((el) => window.__a11y.describe(el)), [...reached]);
  assert.deepEqual(missed, [], 'interactive elements that Tab never reaches');
  assert.deepEqual(problems, [], 'focus indicators');
}

// Parses the direct children of an ARIA snapshot's root node: [{role, name}].
// A line is `  - role "name"` or, when the name holds ": ", `  - 'role "name"'`.
function snapshotChildren(yaml) {
  const out = [];
  for (const line of yaml.split('\n')) {
    if (!/^ {2}- /.test(line)) continue;
    let s = line.slice(4);
    if (s.endsWith(':')) s = s.slice(0, -1);
    if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
    const m = /^(\w+)(?: "(.*)")?$/.exec(s);
    if (m) out.push({ role: m[1], name: (m[2] || '').replace(/\\(.)/g, '$1') });
  }
  return out;
}

const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();

async function checkSpecTables(page, width) {
  const stacked = width <= 640;  // style.css: @media screen and (max-width: 40em)
  const tables = await page.evaluate(() =>
    [...document.querySelectorAll('table.spec-table')].map((t) => {
      const shown = (el) => {
        const r = el.getBoundingClientRect();
        return getComputedStyle(el).display !== 'none' && r.width > 1 && r.height > 1;
      };
      return {
        caption: t.caption ? t.caption.textContent : '',
        roles: [...t.querySelectorAll('[role]')].map((el) => `${el.tagName.toLowerCase()} role="${el.getAttribute('role')}"`),
        groupHeads: [...t.querySelectorAll('tr.spec-group-head')].map((tr) => ({
          shown: shown(tr),
          hidden: tr.getAttribute('aria-hidden') === 'true',
          level: tr.querySelector('.level-text')?.textContent || '',
          rows: tr.parentElement.rows.length - 1,
        })),
        rows: [...t.tBodies].flatMap((tb) => [...tb.rows]).filter((tr) => !tr.matches('.spec-group-head')).map((tr) => ({
          criterion: tr.querySelector('.criterion-text')?.textContent || '',
          level: tr.querySelector('td.level')?.textContent || '',
          assessed: tr.querySelector('td.assessed')?.textContent || '',
          // the level and methods cells' words on screen (only in the wide layout)
          cellWordsShown: [...tr.querySelectorAll('td > span')].some(shown),
          // links to standards outside a folded <details>: each one a Tab stop (an
          // abbreviation's one link to the glossary is not one of them)
          unfoldedLinks: [...tr.querySelectorAll('a[href]:not(.abbr-link)')].filter((a) => !a.closest('details')).length,
          summaries: tr.querySelectorAll('summary').length,
        })),
        text: t.textContent,
      };
    }));
  assert.ok(tables.length > 0, 'no person specification tables on the page');
  const lang = (await page.getAttribute('html', 'lang')) || 'en';
  const words = SPEC_WORDS[lang.split('-')[0]] || SPEC_WORDS.en;
  for (const t of tables) {
    const caption = norm(t.caption);
    const where = `table "${caption}" at ${width}px`;
    assert.deepEqual(t.roles, [], `${where}: ARIA roles on the table's elements (the HTML gives them already)`);
    assert.doesNotMatch(t.text, /Not stated|Heb ei nodi/, `${where}: nothing written for what the school did not state`);
    // The layout this width really uses: stacked groups on a phone, the grid on a laptop
    assert.ok(t.groupHeads.length > 0 && t.groupHeads.every((g) => g.hidden && g.rows > 0), `${where}: each group opens with an aria-hidden heading row`);
    assert.ok(t.groupHeads.every((g) => g.shown === stacked), `${where}: the groups' heading rows ${stacked ? 'show' : 'are hidden'}`);
    assert.ok(t.rows.every((r) => r.cellWordsShown === !stacked), `${where}: each row's level and methods ${stacked ? 'are out of sight (said once by the group)' : 'show'}`);
    assert.ok(t.rows.every((r) => r.unfoldedLinks === 0 && r.summaries <= 1), `${where}: standards folded, one control per criterion`);
    const table = page.getByRole('table', { name: caption, exact: true });
    assert.equal(await table.count(), 1, `${where}: getByRole('table', {name}) finds it once`);
    const colheaders = (await table.getByRole('columnheader').allTextContents()).map(norm);
    assert.deepEqual(colheaders, words.headers, `${where}: column headers`);
    assert.equal(await table.getByRole('rowheader').count(), t.rows.length, `${where}: one row header per criterion`);
    const rows = table.getByRole('row');
    assert.equal(await rows.count(), t.rows.length + 1, `${where}: rows (header row plus one per criterion; the groups' heading rows are hidden)`);
    for (let i = 0; i < t.rows.length; i++) {
      const expected = t.rows[i];
      const row = rows.nth(i + 1);
      const children = snapshotChildren(await row.ariaSnapshot());
      const roles = children.map((c) => c.role);
      assert.deepEqual(roles, ['rowheader', 'cell', 'cell'], `${where}, row ${i + 1}: cells in the accessibility tree`);
      const [header, level, assessed] = children;
      // Without spaces: Chromium puts one after an abbreviation's glossary link ("NVQ (...) 3")
      const squash = (s) => norm(s).replace(/ /g, '');
      assert.ok(squash(header.name).startsWith(squash(expected.criterion)),
        `${where}, row ${i + 1}: row header "${header.name}" should start with the criterion "${norm(expected.criterion)}"`);
      assert.equal(level.name, norm(expected.level), `${where}, row ${i + 1}: second cell`);
      assert.ok(words.levels.includes(level.name), `${where}, row ${i + 1}: second cell says ${words.levels.join(' or ')}`);
      assert.equal(assessed.name, norm(expected.assessed),
        `${where}, row ${i + 1}: third cell says how it is assessed (empty when the school does not say)`);
      // The same order through the role queries' text
      const headerText = norm(await row.getByRole('rowheader').textContent());
      const cellTexts = (await row.getByRole('cell').allTextContents()).map(norm);
      assert.ok(headerText.startsWith(norm(expected.criterion)), `${where}, row ${i + 1}: role query row header text`);
      assert.equal(cellTexts.length, 2, `${where}, row ${i + 1}: two cells`);
    }
  }
}

async function checkFlags(page) {
  await injectHelpers(page);
  const flags = await page.evaluate(() =>
    [...document.querySelectorAll('.badge')].filter((el) => window.__a11y.visible(el)).map((el) => {
      const cs = getComputedStyle(el);
      return {
        text: el.textContent.trim(),
        color: cs.color,
        background: cs.backgroundColor,
        border: cs.borderTopStyle === 'none' ? null : cs.borderTopColor,
        behind: window.__a11y.behind(el),
      };
    }));
  const problems = [];
  for (const f of flags) {
    const behind = parseColour(f.behind);
    const bgc = parseColour(f.background);
    const bg = bgc && bgc.a > 0 ? over(bgc, behind) : behind;
    const text = contrast(over(parseColour(f.color), bg), bg);
    if (text < 4.5) problems.push(`"${f.text}": text ${text.toFixed(2)}:1 (needs 4.5:1)`);
    const edge = Math.max(contrast(bg, behind), f.border ? contrast(over(parseColour(f.border), behind), behind) : 0);
    if (edge < 3) problems.push(`"${f.text}": the flag's edge ${edge.toFixed(2)}:1 against its surroundings (needs 3:1)`);
  }
  assert.deepEqual(problems, [], 'flag contrast');
  return flags.length;
}

function validateHtml(page) {
  return htmlvalidate.validateString(page.html, page.file);
}

// ---------- The tests ----------

// One page load per page and width, shared by the checks below in this order:
// those that only look come first, the keyboard ones (which move focus) last.
function describeAt(site, pg, viewport, checks) {
  describe(`at ${viewport.width}px`, () => {
    let opened;
    before(async () => {
      opened = await openPage(site, pg.urlPath, viewport);
    });
    after(async () => {
      await opened?.context.close();
    });
    for (const [name, fn] of checks) it(name, () => fn(opened.page));
    it('no JavaScript errors', () => assert.deepEqual(opened.errors, []));
  });
}

for (const site of sites) {
  describe(`${site.name} site`, () => {
    it('has pages to test', () => {
      assert.ok(site.pages.length > 5, `only ${site.pages.length} pages in ${site.dir}`);
    });

    for (const pg of site.pages) {
      const hasSpec = pg.html.includes('class="spec-table"');
      const hasFlag = pg.html.includes('class="badge');
      describe(pg.urlPath, () => {
        it('html-validate: no errors', async () => {
          const report = await validateHtml(pg);
          const messages = report.results.flatMap((r) => r.messages)
            .map((m) => `${pg.file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
          assert.equal(report.errorCount, 0, messages.join('\n'));
        });

        const specCheck = (width) => [`person specification tables keep their semantics`, (page) => checkSpecTables(page, width)];
        describeAt(site, pg, WIDE, [
          ['axe: no violations', checkAxe],
          ['targets at least 24x24', (page) => checkReflowAndTargets(page, WIDE.width)],
          ...(hasSpec ? [specCheck(WIDE.width)] : []),
          ...(hasFlag ? [['flags ("Closing soon", "Closed"): 4.5:1 text, 3:1 edge', async (page) => {
            assert.ok((await checkFlags(page)) > 0, 'no visible flag');
          }]] : []),
          ['skip link: first in tab order, moves focus to main', checkSkipLink],
          ['every focusable element shows a focus indicator with 3:1 contrast', checkFocusIndicators],
        ]);
        describeAt(site, pg, NARROW, [
          ['axe: no violations', checkAxe],
          ['no sideways scrolling; targets at least 24x24', (page) => checkReflowAndTargets(page, NARROW.width)],
          ...(hasSpec ? [specCheck(NARROW.width)] : []),
        ]);
      });
    }

    describe('screenshots', () => {
      const vacancies = site.pages
        .map((p) => /^vacancies\/([^/]+)\/index\.html$/.exec(p.file)?.[1])
        .filter(Boolean);
      const slug = vacancies.includes(SCREENSHOT_VACANCY[site.name]) ? SCREENSHOT_VACANCY[site.name] : vacancies[0];
      const shot = (name) => path.join(SCREENSHOTS, `${site.name}-${name}`);

      for (const viewport of [NARROW, WIDE]) {
        it(`index and a vacancy page at ${viewport.width}px`, async () => {
          await withPage(site, site.base, viewport, (page) =>
            page.screenshot({ path: shot(`index-${viewport.width}.png`), fullPage: true }));
          assert.ok(slug, 'the site has a vacancy');
          await withPage(site, `${site.base}vacancies/${slug}/`, viewport, (page) =>
            page.screenshot({ path: shot(`vacancy-${viewport.width}.png`), fullPage: true }));
        });
      }

      it('print view of the person specification (PDF and a print-media screenshot)', async () => {
        assert.ok(slug, 'the site has a vacancy');
        const url = `${site.base}vacancies/${slug}/person-specification/`;
        await withPage(site, url, A4, async (page) => {
          await page.pdf({ path: shot('print-spec.pdf'), format: 'A4', printBackground: false });
          const hidden = await page.evaluate(() => getComputedStyle(document.querySelector('.site-nav')).display);
          assert.equal(hidden, 'none', 'the navigation is hidden in print');
          await page.screenshot({ path: shot('print-spec.png'), fullPage: true });
        }, { media: 'print' });
        await withPage(site, `${site.base}vacancies/${slug}/`, A4, (page) =>
          page.screenshot({ path: shot('print-vacancy.png'), fullPage: true }), { media: 'print' });
      });
    });
  });
}
