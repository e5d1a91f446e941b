/**
 * Measures how a training figure keeps the page responsive, from inside the
 * page: long main-thread tasks (PerformanceObserver 'longtask', installed
 * before the app loads), frame times while it plays, steps per second from the
 * widget's data-step, and how fast Pause takes effect. Shared by the browser
 * test of the heaviest settings and by `npm run bench -- responsiveness`.
 */
import type { Page } from 'playwright-core';

/** Installed with page.addInitScript before the app's first script runs. */
export const longTaskRecorder = `
  window.__longTasks = [];
  const record = (entries) => {
    for (const entry of entries)
      window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  // Entries not yet handed to the callback, taken when a measurement reads the list.
  window.__flushLongTasks = () => record(observer.takeRecords());
  // React commits counted through the devtools hook React looks for at start-up.
  window.__reactCommits = 0;
  if (!window.__REACT_DEVTOOLS_GLOBAL_HOOK__)
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true, isDisabled: false, renderers: new Map(),
      inject: () => 1, checkDCE: () => {}, onScheduleFiberRoot: () => {},
      onCommitFiberRoot: () => { window.__reactCommits++; },
      onCommitFiberUnmount: () => {}, onPostCommitFiberRoot: () => {},
    };
`;

export interface PlayMeasurement {
  /** Steps seen from Play until the measurement ended. */
  steps: number;
  stepsPerSecond: number;
  /** Every frame interval (ms) while it played. */
  frames: number[];
  /** Long tasks (ms) that started after Play was pressed. */
  longTasks: number[];
  /** React commits while it played. */
  reactCommits: number;
}

export interface PauseMeasurement {
  /** ms from the click on Pause to the frame in which the button reads Play. */
  toLabel: number;
  /** ms from the click to the last change of data-step (0 if none came after the click). */
  toLastStep: number;
  /** data-step two frames after the click, and ~1 s later. */
  stepTwoFramesAfter: number;
  stepLater: number;
}

/**
 * Clicks Play in `widget` (a CSS selector), watches frames for `ms`, and
 * returns what it saw. A string script: tsx would wrap named inner functions
 * in a helper the page lacks.
 */
export async function measurePlaying(
  page: Page,
  widget: string,
  ms: number,
): Promise<PlayMeasurement> {
  return (await page.evaluate(`(async () => {
    const root = document.querySelector(${JSON.stringify(widget)});
    const stepOf = () => Number(root.getAttribute('data-step'));
    const play = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Play');
    if (!play) throw new Error('no Play button');
    const t0 = performance.now();
    const first = stepOf();
    const commits0 = window.__reactCommits;
    play.click();
    const frames = [];
    await new Promise((resolve) => {
      let last = performance.now();
      const loop = (t) => {
        frames.push(t - last);
        last = t;
        if (t - t0 < ${ms}) requestAnimationFrame(loop);
        else resolve();
      };
      requestAnimationFrame(loop);
    });
    const elapsed = performance.now() - t0;
    const steps = stepOf() - first;
    window.__flushLongTasks();
    const longTasks = window.__longTasks
      .filter((task) => task.start + task.duration > t0)
      .map((task) => task.duration);
    const reactCommits = window.__reactCommits - commits0;
    return { steps, stepsPerSecond: (steps * 1000) / elapsed, frames: frames.slice(1), longTasks, reactCommits };
  })()`)) as PlayMeasurement;
}

/** Clicks Pause in `widget` and times the label and the step counter (waits `settleMs`). */
export async function measurePause(
  page: Page,
  widget: string,
  settleMs = 1000,
): Promise<PauseMeasurement> {
  return (await page.evaluate(`(async () => {
    const root = document.querySelector(${JSON.stringify(widget)});
    const stepOf = () => Number(root.getAttribute('data-step'));
    const pause = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Pause');
    if (!pause) throw new Error('no Pause button');
    let lastStepAt = null;
    const observer = new MutationObserver(() => { lastStepAt = performance.now(); });
    observer.observe(root, { attributes: true, attributeFilter: ['data-step'] });
    const t0 = performance.now();
    pause.click();
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let toLabel = null;
    const labelled = () => pause.textContent.trim() === 'Play' ||
      [...root.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Play');
    for (let i = 0; i < 600 && toLabel === null; i++) {
      await frame();
      if (labelled()) toLabel = performance.now() - t0;
    }
    await frame();
    await frame();
    const stepTwoFramesAfter = stepOf();
    await new Promise((resolve) => setTimeout(resolve, ${settleMs}));
    observer.disconnect();
    return {
      toLabel,
      toLastStep: lastStepAt === null ? 0 : lastStepAt - t0,
      stepTwoFramesAfter,
      stepLater: stepOf(),
    };
  })()`)) as PauseMeasurement;
}

export const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** Durations (ms) of the long tasks that ended after `since` (a performance.now() of the page). */
export async function longTasksSince(page: Page, since: number): Promise<number[]> {
  return (await page.evaluate(`(() => {
    window.__flushLongTasks();
    return window.__longTasks
      .filter((task) => task.start + task.duration > ${since})
      .map((task) => task.duration);
  })()`)) as number[];
}
