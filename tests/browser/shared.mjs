// Helpers the browser tests share (a11y, filters, candidates).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

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
