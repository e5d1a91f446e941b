/**
 * Every figure drawer (each widget's draw.ts and each plot of src/plots/),
 * drawn with fixed data into a fresh element of the page and read back as
 * structured data, for the snapshot test tests/figures.e2e.ts (through
 * `window.__explorer.figures()`, present only in the e2e build).
 *
 * The data are made here from fixed seeds (d3's randomLcg) and fixed settings,
 * without tfjs, so a snapshot changes only when a drawing does: what the
 * numerics compute is tested in src/ml/.
 */
import { randomLcg, randomNormal } from 'd3';
import { drawCategoryBars } from '../plots/categoryBars';
import { drawDensityHistogram } from '../plots/densityHistogram';
import { drawLineChart } from '../plots/lineChart';
import { gumbelPdf } from '../ml/densities';
import { probabilities, temperature } from '../ml/types';
import { drawGraphs, layoutGraphs } from '../widgets/estimator-graphs/draw';
import { viewAt } from '../widgets/estimator-graphs/model';
import { drawEstimateStrip, drawSweep, drawTraining } from '../widgets/estimator-lab/draw';
import {
  drawClassFrequencies,
  drawNoiseHistogram,
  drawOneDraw,
  drawProbabilityEditor,
} from '../widgets/gumbel-max/draw';
import {
  densityHeatMap,
  drawFigureCell,
  drawSimplexCanvas,
  drawSimplexOverlay,
} from '../widgets/temperature-sweep/draw';
import { relaxedSamples } from '../ml/fixedNoiseSamples';
import { drawCurves, drawImageRow } from '../widgets/vae-race/draw';
import {
  snapshotCanvas,
  snapshotElement,
  type CanvasSnapshot,
  type ElementSnapshot,
} from './figureSnapshot';

type Snapshot = ElementSnapshot | CanvasSnapshot;

const SVG_NS = 'http://www.w3.org/2000/svg';
const noop = () => {};

/** A generator of uniforms in [0, 1) from a fixed seed. */
const uniforms = (seed: number) => randomLcg(seed);
/** Standard Gumbel values −log(−log u), u kept off 0 and 1. */
const gumbels = (seed: number, n: number) => {
  const u = uniforms(seed);
  return Array.from({ length: n }, () => -Math.log(-Math.log(Math.min(1 - 1e-9, u() + 1e-9))));
};
/** Draws i with probability p[i], n times, from a fixed seed: the counts. */
function categoricalCounts(p: readonly number[], n: number, seed: number): number[] {
  const u = uniforms(seed);
  const counts = p.map(() => 0);
  for (let t = 0; t < n; t++) {
    let r = u();
    let i = 0;
    while (i < p.length - 1 && r >= p[i]!) r -= p[i++]!;
    counts[i]!++;
  }
  return counts;
}

/** Runs `draw` on a new element of the page and returns it as data, then removes it. */
function inSvg(draw: (svg: SVGSVGElement) => void): ElementSnapshot {
  const svg = document.createElementNS(SVG_NS, 'svg');
  document.body.append(svg);
  try {
    draw(svg);
    return snapshotElement(svg);
  } finally {
    svg.remove();
  }
}
function inCanvas(draw: (canvas: HTMLCanvasElement) => void): CanvasSnapshot {
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  try {
    draw(canvas);
    return snapshotCanvas(canvas);
  } finally {
    canvas.remove();
  }
}

// Fixed settings, as the widgets' defaults.
const PI4 = probabilities([0.1, 0.2, 0.3, 0.4]);
const PI3 = probabilities([0.2, 0.3, 0.5]);
const PI7 = probabilities([0.059, 0.172, 0.202, 0.038, 0.107, 0.405, 0.018]);
const TAU = temperature(0.5);

function gumbelMaxDraws(): Parameters<typeof drawNoiseHistogram>[1] {
  const n = 10_000;
  const g = gumbels(1954, n * PI4.length);
  // The noise histogram's bins: [−3, 9) in 48 steps of 0.25 (gumbel-max/compute.ts).
  const noiseCounts = Array.from({ length: 48 }, () => 0);
  let noiseAbove = 0;
  for (const v of g) {
    const bin = Math.floor((v + 3) / 0.25);
    if (bin >= 48) noiseAbove++;
    else if (bin >= 0) noiseCounts[bin]!++;
  }
  return { n, counts: categoricalCounts(PI4, n, 1954), noiseCounts, noiseAbove };
}

function oneDraw(): Parameters<typeof drawOneDraw>[1] {
  const logP = PI4.map(Math.log);
  const noise = gumbels(7, PI4.length);
  const perturbed = logP.map((l, i) => l + noise[i]!);
  return { logP, noise, perturbed, winner: perturbed.indexOf(Math.max(...perturbed)) };
}

type LabLines = Parameters<typeof drawTraining>[1];
type RaceLines = Parameters<typeof drawCurves>[1];
const LAB_NAMES = [
  'exact',
  'reinforce',
  'reinforce-baseline',
  'straight-through',
  'gumbel-softmax',
  'st-gumbel-softmax',
] as const;

/** Training curves that rise to 1 at rates set per line, with seeded noise. */
function labLines(): LabLines {
  const steps = Array.from({ length: 41 }, (_, i) => i * 10);
  return LAB_NAMES.map((name, l) => {
    const noise = randomNormal.source(uniforms(100 + l))(0, 0.01);
    const best = steps.map((s) => Math.min(1, 0.25 + 0.75 * (1 - Math.exp(-s / (60 + 30 * l)))));
    return {
      name,
      logits: [0, 0, 0, 0],
      stopped: l === 2 ? 'stopped: the estimate was not finite' : null,
      steps,
      best,
      objective: best.map((b) => 0.2 + 0.05 * b + noise()),
    };
  });
}

function raceLines(): RaceLines {
  return LAB_NAMES.slice(1).map((name, l) => {
    const noise = randomNormal.source(uniforms(200 + l))(0, 0.3);
    const train = Array.from({ length: 40 }, (_, i) => i * 50);
    const held = Array.from({ length: 9 }, (_, i) => i * 250);
    const curve = (s: number) => 19 + l * 0.6 + 7 * Math.exp(-s / 500);
    return {
      name,
      train: { steps: train, values: train.map((s) => curve(s) + noise()) },
      heldOut: { steps: held, values: held.map(curve) },
      stopped: null,
    };
  });
}

function estimateDistribution(): Parameters<typeof drawEstimateStrip>[1] {
  const normal = randomNormal.source(uniforms(3))(0.02, 0.05);
  const component = Array.from({ length: 2000 }, () => normal());
  return {
    name: 'gumbel-softmax',
    component,
    moments: { mean: [0.02, 0, 0, 0], bias: 0.01, sd: 0.05, snr: 0.4 },
    shown: { mean: [0.02], bias: 0.01, sd: 0.05, snr: 0.4 },
  };
}

function sweepPoints(): Parameters<typeof drawSweep>[1] {
  return [0.05, 0.1, 0.2, 0.35, 0.6, 1, 1.7, 3, 5, 10].map((tau) => ({
    tau,
    gumbel: { mean: [0], bias: 0.02 * Math.log1p(tau), sd: 0.3 / Math.sqrt(tau), snr: 1 },
    straightThrough: { mean: [0], bias: 0.05 + 0.01 * tau, sd: 0.1, snr: 1 },
  }));
}

/** Three-class relaxed samples at τ from seeded Gumbel noise. */
function simplexSamples(n: number): Float32Array {
  const noise = Float32Array.from(gumbels(2016, 3 * n));
  return relaxedSamples(PI3.map(Math.log), noise, TAU, new Float32Array(3 * n));
}

/** Images of blurred blobs in [0, 1], count × side², from a fixed seed. */
function blobImages(count: number, side: number): Float32Array {
  const u = uniforms(42);
  const out = new Float32Array(count * side * side);
  for (let n = 0; n < count; n++) {
    const cx = u() * side;
    const cy = u() * side;
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++)
        out[n * side * side + y * side + x] = Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / 6);
  }
  return out;
}

/** Every figure by name, each drawn as its widget draws it (sizes as the views use). */
const figures: Record<string, () => Snapshot> = {
  'plots-categoryBars': () =>
    inSvg((svg) =>
      drawCategoryBars(svg, {
        width: 300,
        height: 140,
        categories: ['1', '2', '3', '4'],
        series: [
          { name: 'a', values: [0.1, 0.25, 0.3, 0.35], color: 'var(--series-1)' },
          { name: 'b', values: [-0.5, 0.4, 1.2, -1], color: 'var(--series-2)' },
        ],
        reference: { values: PI4, band: [0.02, 0.03, 0.03, 0.04], label: 'π ± 2 SE' },
        highlight: 2,
        yLabel: 'value',
      }),
    ),
  'plots-densityHistogram': () =>
    inSvg((svg) => {
      const d = gumbelMaxDraws();
      drawDensityHistogram(svg, {
        width: 268,
        height: 130,
        low: -3,
        high: 9,
        counts: d.noiseCounts,
        total: d.n * 4,
        density: gumbelPdf,
        xLabel: 'g',
      });
    }),
  'plots-lineChart': () =>
    inSvg((svg) =>
      drawLineChart(svg, {
        width: 400,
        height: 200,
        xLabel: 'step',
        yLabel: 'y',
        series: [
          { name: 'up', color: 'var(--series-1)', xs: [0, 100, 200, 300], ys: [0, 0.5, 0.7, 0.8] },
          {
            name: 'down',
            color: 'var(--series-2)',
            xs: [0, 100, 200, 300],
            ys: [1, 0.6, 0.4, 0.3],
            dashed: true,
          },
        ],
      }),
    ),
  'plots-lineChart-logX': () =>
    inSvg((svg) =>
      drawLineChart(svg, {
        width: 330,
        height: 250,
        logX: true,
        yDomain: [0, 1],
        series: [{ name: 'a', color: 'var(--series-3)', xs: [0.05, 0.5, 5], ys: [0.9, 0.4, 0.1] }],
      }),
    ),
  'estimator-graphs-structure': () =>
    inSvg((svg) =>
      drawGraphs(
        svg,
        viewAt(0, undefined).graphs,
        'structure',
        layoutGraphs(viewAt(0, undefined).graphs, 1160, 410),
      ),
    ),
  'estimator-graphs-gumbel-backward': () =>
    inSvg((svg) => {
      const view = viewAt(1, 'gumbel');
      drawGraphs(svg, view.graphs, 'backward', layoutGraphs(view.graphs, 560, 430));
    }),
  'estimator-lab-strip': () =>
    inSvg((svg) =>
      drawEstimateStrip(svg, estimateDistribution(), 0.01, [-0.2, 0.2], 480, 30, true),
    ),
  'estimator-lab-objective': () =>
    inSvg((svg) => drawTraining(svg, labLines(), 'objective', 400, 200)),
  'estimator-lab-best': () => inSvg((svg) => drawTraining(svg, labLines(), 'best', 400, 180)),
  'estimator-lab-sweep': () => inSvg((svg) => drawSweep(svg, sweepPoints(), 330, 250)),
  'gumbel-max-editor': () => inSvg((svg) => drawProbabilityEditor(svg, PI4, noop, 540, 120)),
  'gumbel-max-one-draw': () => inSvg((svg) => drawOneDraw(svg, oneDraw(), 540, 120)),
  'gumbel-max-frequencies': () =>
    inSvg((svg) => drawClassFrequencies(svg, gumbelMaxDraws(), PI4, 266, 130)),
  'gumbel-max-noise': () =>
    inSvg((svg) => drawNoiseHistogram(svg, gumbelMaxDraws(), PI4.length, 266, 130)),
  'temperature-sweep-cell': () =>
    inSvg((svg) => {
      const noise = Float32Array.from(gumbels(1, 7));
      const sample = relaxedSamples(PI7.map(Math.log), noise, TAU, new Float32Array(7));
      drawFigureCell(svg, Array.from(sample), 'var(--series-3)');
    }),
  'temperature-sweep-overlay': () => inSvg((svg) => drawSimplexOverlay(svg, PI3, noop)),
  'temperature-sweep-canvas': () =>
    inCanvas((canvas) => drawSimplexCanvas(canvas, simplexSamples(3000), densityHeatMap(PI3, TAU))),
  'vae-race-curves': () => inSvg((svg) => drawCurves(svg, raceLines(), 470, 250)),
  'vae-race-images': () => inCanvas((canvas) => drawImageRow(canvas, blobImages(8, 8), 8, 8, 8, 3)),
};

/** The names of every figure case, in a fixed order. */
export const figureNames = () => Object.keys(figures);

/** Draws figure `name` with its fixed data and returns it as structured data. */
export function drawFigure(name: string): Snapshot {
  const draw = figures[name];
  if (!draw) throw new Error(`No figure case named ${name}.`);
  return draw();
}
