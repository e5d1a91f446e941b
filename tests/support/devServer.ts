/**
 * Starts the dev server exactly as the README does (`npm start`), on a free
 * port and with an empty dependency cache of its own, as on a fresh clone.
 * Needs no build. Stops the whole process group (npm, its shell and Vite).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface DevServer {
  /** The lecture's URL, ending in `/`. */
  url: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  close: () => Promise<void>;
}

/** A port that was free a moment ago; `--strictPort` fails clearly if it is taken since. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The environment a user's shell has: without what Vitest sets for its own run (NODE_ENV=test and others). */
function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|TEST|VITEST.*)$/.test(name)),
  );
}

export async function startDevServer(timeoutMs = 60_000): Promise<DevServer> {
  const port = await freePort();
  // vite.config.ts reads this, so the test never touches node_modules/.vite,
  // which a developer's own dev server may be using.
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'gsx-vite-cache-'));
  const child = spawn('npm', ['start', '--', '--port', String(port), '--strictPort'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...userEnvironment(), EXPLORER_VITE_CACHE_DIR: cacheDir },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));

  const close = async () => {
    if (!exited && child.pid !== undefined) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await gone;
    }
    await rm(cacheDir, { recursive: true, force: true });
  };

  const url = `http://localhost:${port}/`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await close();
      throw new Error(`npm start exited before serving:\n${output}`);
    }
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`npm start did not serve ${url} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, output: () => output, close };
}
