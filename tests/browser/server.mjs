// A tiny static file server for a built Staffroom site, so that its root-relative
// links work in the browser. Listens on 127.0.0.1 on a free port.
//
// A site whose base_url has a path ("https://example.org/jobs/") links to
// "/jobs/...": give that path as `prefix` and the site is served under it.
//
// Like a real static host: "/x/" serves x/index.html, "/x" redirects to "/x/" when
// x is a folder, and a missing page gets the site's 404.html with status 404.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function statOrNull(file) {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

export async function startServer(root, { prefix = '/' } = {}) {
  root = path.resolve(root);
  if (!prefix.endsWith('/')) prefix += '/';
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let rel;
      try {
        rel = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400).end('bad request');
        return;
      }
      if (rel + '/' === prefix) {
        res.writeHead(301, { Location: prefix }).end();
        return;
      }
      rel = rel.startsWith(prefix) ? '/' + rel.slice(prefix.length) : '/.outside-base-path/';
      let file = path.join(root, rel);
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let st = await statOrNull(file);
      if (st && st.isDirectory()) {
        if (!rel.endsWith('/')) {
          res.writeHead(301, { Location: url.pathname + '/' + url.search }).end();
          return;
        }
        file = path.join(file, 'index.html');
        st = await statOrNull(file);
      }
      let status = 200;
      if (!st || !st.isFile()) {
        status = 404;
        file = path.join(root, '404.html');
        if (!(await statOrNull(file))) {
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
          return;
        }
      }
      const body = await fs.readFile(file);
      res.writeHead(status, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
