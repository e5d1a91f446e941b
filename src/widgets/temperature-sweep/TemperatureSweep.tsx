import { useEffect, useMemo, useRef, useState } from 'react';
import '../shared/widget.css';
import type { WidgetProps } from '../registry';
import { useComputeStatus } from '../shared/ComputeStatus';
import { WidgetHeader } from '../shared/WidgetHeader';
import { pictureSettings } from '../shared/figureFiles';
import { NumberField } from '../shared/NumberField';
import { useWidgetState } from '../shared/useWidgetState';
import { usePlaying } from '../shared/playing';
import { useThemeName } from '../shared/useThemeName';
import { useMediaQuery } from '../../app/useMediaQuery';
import { deriveSeed } from '../../ml/counterHash';
import { temperature, type Temperature } from '../../ml/types';
import {
  drawFigureCell,
  drawSimplexCanvas,
  drawSimplexOverlay,
  densityHeatMap,
  PAD,
  SIMPLEX_HEIGHT,
  SIMPLEX_SIZE,
} from './draw';
import { drawnNoise } from './noise';
import {
  defaultSweepState,
  FIGURE_PROBABILITIES,
  FIGURE_TEMPERATURES,
  formatSweepState,
  MAX_TAU,
  MIN_TAU,
  tauAfterKey,
  parseSweepState,
  pointsFingerprint,
  relaxedSamples,
  simplexSetting,
  sliderFromTau,
  tauFromSlider,
} from './model';
import { setProbability } from '../gumbel-max/model';

const model = { parse: parseSweepState, format: formatSweepState, defaults: defaultSweepState };
/** Monte Carlo rows behind the E[y] row of the figure. */
const EXPECTATION_ROWS = 4000;
/** One sweep from τ = 0.05 to 10 takes this long (then it comes back). */
const SWEEP_MS = 8000;

/** Jang et al.'s Fig. 1, live, and the three-class simplex swept by τ. */
export function TemperatureSweep({ active }: WidgetProps) {
  const { state, setState, problems, setProblem, reset } = useWidgetState(model);
  const compute = useComputeStatus();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const theme = useThemeName();
  const [playing, setPlaying] = usePlaying('temperature-sweep');
  const [figureNoise, setFigureNoise] = useState<Float32Array | null>(null);
  const [simplexNoise, setSimplexNoise] = useState<Float32Array | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<SVGSVGElement>(null);
  const cells = useRef<(SVGSVGElement | null)[]>([]);
  const tauRef = useRef(state.tau);
  tauRef.current = state.tau;

  // Noise is drawn once per seed and size by the numerics core, then held while τ moves.
  useEffect(() => {
    if (!backend || !active) return;
    let stale = false;
    void Promise.all([
      drawnNoise([EXPECTATION_ROWS + 1, 7], deriveSeed(state.seed, 10)),
      drawnNoise([state.points, 3], deriveSeed(state.seed, 11)),
    ]).then(([fig, simplex]) => {
      if (stale) return;
      setFigureNoise(fig);
      setSimplexNoise(simplex);
    });
    return () => {
      stale = true;
    };
  }, [backend, active, state.seed, state.points]);

  const logPi7 = useMemo(() => FIGURE_PROBABILITIES.map(Math.log), []);
  const figure = useMemo(() => {
    if (!figureNoise) return null;
    const sampleNoise = figureNoise.subarray(0, 7);
    const rest = figureNoise.subarray(7);
    const columns = FIGURE_TEMPERATURES.map((tau) => {
      const all = relaxedSamples(logPi7, rest, tau, new Float32Array(rest.length));
      const mean = new Array<number>(7).fill(0);
      for (let r = 0; r < EXPECTATION_ROWS; r++)
        for (let i = 0; i < 7; i++) mean[i]! += all[r * 7 + i]! / EXPECTATION_ROWS;
      return {
        tau,
        mean,
        sample: Array.from(relaxedSamples(logPi7, sampleNoise, tau, new Float32Array(7))),
      };
    });
    const perturbed = logPi7.map((l, i) => l + sampleNoise[i]!);
    const winner = perturbed.indexOf(Math.max(...perturbed));
    return { columns, categoricalSample: logPi7.map((_, i) => (i === winner ? 1 : 0)) };
  }, [figureNoise, logPi7]);

  useEffect(() => {
    if (!figure) return;
    const rows = [
      [FIGURE_PROBABILITIES, ...figure.columns.map((c) => c.mean)],
      [figure.categoricalSample, ...figure.columns.map((c) => c.sample)],
    ];
    rows.forEach((row, r) =>
      row.forEach((values, c) => {
        const svg = cells.current[r * 5 + c];
        if (svg) drawFigureCell(svg, values, r === 0 ? 'var(--series-1)' : 'var(--series-3)');
      }),
    );
  }, [figure]);

  const heat = useMemo(
    () => densityHeatMap(state.simplexPi, state.tau),
    [state.simplexPi, state.tau],
  );
  const samples = useMemo(() => {
    if (!simplexNoise) return null;
    return relaxedSamples(
      state.simplexPi.map(Math.log),
      simplexNoise,
      state.tau,
      new Float32Array(simplexNoise.length),
    );
  }, [simplexNoise, state.simplexPi, state.tau]);

  useEffect(() => {
    if (!canvas.current || !samples) return;
    drawSimplexCanvas(canvas.current, samples, heat);
    // The benchmark reads the work of each animation frame: from the tick to the drawn canvas.
    if (__TEST_HOOKS__ && performance.getEntriesByName('sweep-tick').length > 0) {
      performance.measure('sweep-frame', 'sweep-tick');
    }
  }, [samples, heat, theme]);

  useEffect(() => {
    if (overlay.current) {
      drawSimplexOverlay(overlay.current, state.simplexPi, (pi) =>
        setState((s) => ({ ...s, simplexPi: pi })),
      );
    }
  }, [state.simplexPi, setState]);

  // Play: sweep τ on the log scale, back and forth; nothing runs while hidden.
  useEffect(() => {
    if (!playing || !active) return;
    let frame = 0;
    let last = performance.now();
    let direction = sliderFromTau(tauRef.current) >= 1 ? -1 : 1;
    const tick = (now: number) => {
      if (__TEST_HOOKS__) performance.mark('sweep-tick');
      const dt = reducedMotion ? 0 : now - last;
      last = now;
      let s = sliderFromTau(tauRef.current) + (direction * dt) / SWEEP_MS;
      if (s >= 1 || s <= 0) {
        direction = -direction;
        s = Math.min(1, Math.max(0, s));
      }
      setState((old) => ({ ...old, tau: tauFromSlider(s) }));
      frame = requestAnimationFrame(tick);
    };
    if (reducedMotion) {
      // No smooth motion: step through the figure's temperatures once a second.
      const steps = FIGURE_TEMPERATURES;
      let i = 0;
      const timer = window.setInterval(() => {
        i = (i + 1) % steps.length;
        setState((old) => ({ ...old, tau: temperature(steps[i]!) }));
      }, 1000);
      return () => window.clearInterval(timer);
    }
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, active, reducedMotion, setState]);

  // Like a Gumbel-max bar: class i takes the value, the other two keep their ratio.
  const setPi = (i: number, value: number) =>
    setState((s) => ({ ...s, simplexPi: setProbability(s.simplexPi, i, value) ?? s.simplexPi }));

  const summary = samples
    ? `${state.points} Gumbel-Softmax samples at τ = ${state.tau.toFixed(2)} with π = (${state.simplexPi.map((x) => x.toFixed(2)).join(', ')}). ` +
      `${Math.round((100 * countNearVertex(samples)) / state.points)}% lie within 0.05 of a vertex.`
    : 'Computing…';

  return (
    <div className="widget temperature-sweep">
      <WidgetHeader
        title="Temperature sweep"
        onNewSeed={(seed) => setState((s) => ({ ...s, seed }))}
        onReset={() => {
          setPlaying(false);
          reset();
        }}
        problems={problems}
        save={{ settings: pictureSettings(formatSweepState(state)), svg: false }}
      />
      <div className="widget__row temperature-sweep__main">
        <figure className="widget__panel">
          <figcaption>
            Seven classes (after Jang et al. 2017, Fig. 1): top E[y], bottom one sample (same noise
            in every column)
          </figcaption>
          <div className="figure-grid" role="img" aria-label={figureText(figure)}>
            {['categorical', ...FIGURE_TEMPERATURES.map((t) => `τ = ${t}`)].map((title) => (
              <span key={title} className="figure-grid__head">
                {title}
              </span>
            ))}
            {Array.from({ length: 10 }, (_, i) => (
              <svg key={i} ref={(el) => void (cells.current[i] = el)} aria-hidden="true" />
            ))}
          </div>
        </figure>
        <figure className="widget__panel">
          <figcaption>
            <label>
              τ = <output>{state.tau.toFixed(2)}</output>{' '}
              <input
                type="range"
                min={0}
                max={1000}
                value={Math.round(sliderFromTau(state.tau) * 1000)}
                aria-label={`Temperature, ${MIN_TAU} to ${MAX_TAU} on a log scale`}
                aria-valuetext={`τ = ${state.tau.toFixed(2)}`}
                onKeyDown={(e) => {
                  const { key, shiftKey } = e;
                  if (tauAfterKey(state.tau, key, shiftKey) === null) return;
                  e.preventDefault();
                  setState((s) => ({ ...s, tau: tauAfterKey(s.tau, key, shiftKey) ?? s.tau }));
                }}
                onChange={(e) =>
                  setState((s) => ({
                    ...s,
                    tau: tauFromSlider(Number(e.target.value) / 1000) as Temperature,
                  }))
                }
              />
            </label>
            <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
              {playing ? 'Pause' : 'Play'}
            </button>
          </figcaption>
          <div
            className="simplex"
            style={{
              width: SIMPLEX_SIZE + 2 * PAD,
              aspectRatio: `${SIMPLEX_SIZE + 2 * PAD} / ${SIMPLEX_HEIGHT + 2 * PAD}`,
            }}
            data-tau={state.tau.toFixed(4)}
            data-fingerprint={samples ? pointsFingerprint(samples) : ''}
          >
            <canvas ref={canvas} aria-hidden="true" />
            <svg ref={overlay} className="draggable-chart" role="group" aria-label={summary} />
          </div>
          <div className="widget__inputs">
            {state.simplexPi.map((x, i) => (
              <NumberField
                key={i}
                setting={simplexSetting(i)}
                value={x}
                ariaLabel={`Simplex probability of class ${i + 1}`}
                onChange={(v) => setPi(i, v)}
                onProblem={setProblem}
              />
            ))}
          </div>
          <p className="drag-hint">drag the point or use the arrow keys</p>
        </figure>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {playing ? '' : summary}
      </p>
    </div>
  );
}

function countNearVertex(samples: Float32Array): number {
  let near = 0;
  for (let r = 0; r < samples.length / 3; r++) {
    if (Math.max(samples[3 * r]!, samples[3 * r + 1]!, samples[3 * r + 2]!) > 0.95) near += 1;
  }
  return near;
}

function figureText(figure: { columns: { tau: number; mean: number[] }[] } | null): string {
  if (!figure) return 'Computing the seven-class figure';
  return (
    'Expected Gumbel-Softmax sample for seven classes: ' +
    figure.columns
      .map((c) => `at τ = ${c.tau}, largest component ${Math.max(...c.mean).toFixed(2)}`)
      .join('; ') +
    '. Low τ gives near one-hot samples and E[y] close to π; τ = 10 makes both nearly uniform.'
  );
}
