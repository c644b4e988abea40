// Helpers the browser tests share (a11y, filters, candidates, lighthouse, abbreviations).
import fs from 'node:fs';
import path from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Debian's Chromium, headless, with nothing running in the background
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// Every file under `dir` whose name ends with `ending`, as paths relative to it, sorted
export function filesEnding(dir, ending, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesEnding(dir, ending, r));
    else if (entry.name.endsWith(ending)) out.push(r);
  }
  return out.sort();
}

// Every *.html file under `dir`
export const htmlFiles = (dir) => filesEnding(dir, '.html');

// The address path a built file is served at under the site's base path
function urlPathOf(base, file) {
  if (file === 'index.html') return base;
  if (file.endsWith('/index.html')) return base + file.slice(0, -'index.html'.length);
  return base + file;
}

// The sites run.sh built, from STAFFROOM_SITES ("name=folder,name=folder"): each
// with its base path (from the home page's canonical link) and every page's
// file, address path and HTML.
export function loadSites(spec) {
  if (!spec) throw new Error('STAFFROOM_SITES is not set: run tests/browser/run.sh');
  return spec.split(',').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    const dir = path.resolve(pair.slice(eq + 1));
    const home = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(home);
    const base = canonical ? new URL(canonical[1]).pathname : '/';
    const pages = htmlFiles(dir).map((file) => ({
      file,
      urlPath: urlPathOf(base, file),
      html: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
    return { name: pair.slice(0, eq), dir, base, pages };
  });
}

// node:test hooks: before the tests, Chromium launched and every site served
// (its server as site.server); after them, both stopped. The browser is the
// returned object's `browser` once launched.
export function chromiumAndServers(sites) {
  const held = {};
  before(async () => {
    held.browser = await launchChromium();
    for (const site of sites) site.server = await startServer(site.dir, { prefix: site.base });
  });
  after(async () => {
    await held.browser?.close();
    for (const site of sites) await site.server?.close();
  });
  return held;
}
