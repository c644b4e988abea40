// The W3C Nu Html Checker (issue 16) over every page and stylesheet of the built sites.
//
// Run through run.sh, which builds the sites and sets STAFFROOM_SITES to
// "name=folder,name=folder". The checker (npm vnu-jar) runs once, on Debian's Java
// (default-jre-headless, installed by install.sh), over every *.html and *.css file
// of every site, with --format json. The tests then say, per site:
//
//   - no errors (HTML, and CSS through --also-check-css), each printed as file:line:column;
//   - no "role is unnecessary" warnings: a role that an element has anyway
//     (role="row" on <tr>, role="search" on <search>...) is noise our templates avoid.
//
// Other warnings are printed, not failed: the checker guesses a page's language
// from its words, and a Welsh advert on an English site is meant to be that way.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vnuJar from 'vnu-jar';
import { filesEnding } from './shared.mjs';

const JAVA = process.env.JAVA || 'java';

// CSS the checker's CSS validator does not know yet, though browsers do: each
// with the reason it is used. Anything else in the stylesheet is an error.
const CSS_NEWER_THAN_THE_CHECKER = [
  // CSS Basic User Interface 4 (Chromium 123+): the notes boxes on the checklist
  // grow with their text; other browsers ignore it and keep the rows attribute.
  /^CSS: “field-sizing”: Property “field-sizing” doesn't exist\.$/,
];

function parseSites(spec) {
  if (!spec) throw new Error('STAFFROOM_SITES is not set: run tests/browser/run.sh');
  return spec.split(',').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    return { name: pair.slice(0, eq), dir: path.resolve(pair.slice(eq + 1)) };
  });
}

const sites = parseSites(process.env.STAFFROOM_SITES);
for (const site of sites) {
  site.files = [...filesEnding(site.dir, '.html'), ...filesEnding(site.dir, '.css')].map((f) => path.join(site.dir, f));
}

// The checker's messages, each with the site and the file relative to it
let messages = [];

before(() => {
  const files = sites.flatMap((s) => s.files);
  const run = spawnSync(JAVA, ['-jar', String(vnuJar), '--format', 'json', '--also-check-css', ...files],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`could not run ${JAVA}: ${run.error.message} (tests/browser/install.sh installs default-jre-headless)`);
  let report;
  try {
    report = JSON.parse(run.stderr);
  } catch {
    throw new Error(`the Nu Html Checker did not answer in JSON (exit ${run.status}):\n${run.stderr.slice(0, 2000)}`);
  }
  messages = report.messages.map((m) => {
    const file = m.url ? fileURLToPath(m.url) : '';
    const site = sites.find((s) => file.startsWith(s.dir + path.sep));
    return {
      ...m,
      site: site?.name,
      where: `${site ? path.relative(site.dir, file) : file || '(no file)'}:${m.lastLine ?? m.firstLine ?? 0}:${m.firstColumn ?? m.lastColumn ?? 0}`,
    };
  });
});

const show = (list) => list.map((m) => `  ${m.where}: ${m.message}`).join('\n');

describe('W3C Nu Html Checker (vnu)', () => {
  it('checked every page and stylesheet', () => {
    const fatal = messages.filter((m) => m.type === 'non-document-error' || !m.site);
    assert.deepEqual(fatal.map((m) => `${m.where}: ${m.message}`), [], 'files the checker could not check');
    for (const site of sites) assert.ok(site.files.length > 5, `only ${site.files.length} files in ${site.dir}`);
  });

  for (const site of sites) {
    describe(`${site.name} site (${site.files.length} files)`, () => {
      it('no errors', () => {
        const mine = messages.filter((m) => m.site === site.name);
        const errors = mine.filter((m) => m.type === 'error' &&
          !CSS_NEWER_THAN_THE_CHECKER.some((re) => re.test(m.message)));
        const warnings = mine.filter((m) => m.type === 'info' && m.subType === 'warning');
        console.log(`vnu ${site.name}: ${errors.length} errors, ${warnings.length} warnings in ${site.files.length} files`);
        if (warnings.length) console.log(`vnu ${site.name} warnings:\n${show(warnings)}`);
        assert.equal(errors.length, 0, `${errors.length} errors:\n${show(errors)}`);
      });

      it('no roles that the elements have anyway', () => {
        const redundant = messages.filter((m) => m.site === site.name && /role is unnecessary for element/.test(m.message));
        assert.equal(redundant.length, 0, `${redundant.length} redundant roles:\n${show(redundant)}`);
      });
    });
  }
});
