/**
 * A small static file server for the browser tests and the benchmark: serves
 * `dist/` under a sub-path (as GitHub Pages does) and records every request so
 * tests can prove that nothing leaves the origin and nothing fails.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** The URL of the app, ending in the sub-path and a slash. */
  url: string;
  /** The path of every request the server got, in order (browsers fetch icons where pages cannot see). */
  requests: readonly string[];
  close: () => Promise<void>;
}

/** Serves `root` under `subPath` on `port` (0: any free port). */
export async function startStaticServer(
  root: string,
  subPath = '/lecture/',
  port = 0,
): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(subPath)) {
      response.writeHead(404).end('Not under the sub-path');
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname.slice(subPath.length)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${bound}${subPath}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
