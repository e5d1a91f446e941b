/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { lectureMarkdown } from './scripts/lecturePlugin.ts';
import { offlineApp } from './scripts/offlinePlugin.ts';

export default defineConfig(({ mode }) => ({
  // A relative base and hash routing let the built files work under any sub-path
  // (GitHub Pages serves a project at /<repo>/).
  base: './',
  // The dev server's dependency cache; the dev-server browser test points this at
  // an empty folder of its own to start as a fresh clone does.
  cacheDir: process.env.EXPLORER_VITE_CACHE_DIR || 'node_modules/.vite',
  optimizeDeps: {
    // Every tfjs entry the app imports, pre-bundled in the dev server's first
    // pass, so that all share one copy of tfjs-core (its kernel, gradient and
    // flag registries are module state). The backends are imported on demand;
    // the scanner finds them today, and this keeps it so if an import moves
    // where it does not look, instead of a second pass while the page runs.
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-core/dist/register_all_gradients',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
    ],
  },
  plugins: [
    react(),
    lectureMarkdown(),
    offlineApp(),
    {
      // Lets the browser tests check they run against the build made for them.
      name: 'build-mode-marker',
      transformIndexHtml: (html) =>
        html.replace('<html lang="en">', `<html lang="en" data-build-mode="${mode}">`),
    },
  ],
  define: {
    // Test builds install a small read-only hook on window for the browser tests.
    __TEST_HOOKS__: JSON.stringify(mode === 'e2e'),
  },
  // The training worker (src/runtime/) loads tfjs's backends on demand: that needs chunks, so ES modules.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // tfjs is loaded on demand in its own chunks; keep warnings for real surprises.
    chunkSizeWarningLimit: 2000,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          environment: 'node',
          // The statistical tests draw 1e5-1e6 samples on tfjs's cpu backend: a few
          // seconds here, more on a slow or busy machine. Correctness, not speed, is
          // tested; speed is measured in the benchmark.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}));
