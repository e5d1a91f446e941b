/**
 * A small static file server for the browser tests and the benchmark: serves
 * `dist/` under a sub-path, as GitHub Pages does, or several builds under
 * several sub-paths of one origin.
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
  const server = await startSharedOrigin({ [subPath]: root }, port);
  return { url: server.urls[subPath]!, requests: server.requests, close: server.close };
}

export interface SharedOrigin {
  /** The URL of each sub-path, as given to `startSharedOrigin`. */
  urls: Record<string, string>;
  /** The path of every request the server got, in order (browsers fetch icons where pages cannot see). */
  requests: readonly string[];
  close: () => Promise<void>;
}

/**
 * Serves several directories, each under its own sub-path (`/a/`, `/b/`), from
 * one origin: as GitHub Pages serves every project of a user.
 */
export async function startSharedOrigin(
  mounts: Record<string, string>,
  port = 0,
  /** Awaited before each answer: lets a test make the network slow. */
  beforeAnswer?: (url: URL) => Promise<void>,
): Promise<SharedOrigin> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    await beforeAnswer?.(url);
    // The longest prefix wins, so that `/` can hold a site next to `/a/`.
    const subPath = Object.keys(mounts)
      .sort((x, y) => y.length - x.length)
      .find((prefix) => url.pathname.startsWith(prefix));
    if (subPath === undefined) {
      response.writeHead(404).end('Not under the sub-path');
      return;
    }
    const root = mounts[subPath]!;
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
    urls: Object.fromEntries(
      Object.keys(mounts).map((prefix) => [prefix, `http://127.0.0.1:${bound}${prefix}`]),
    ),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
