import { useEffect, useMemo, useRef } from 'react';
import { NumberField } from '../shared/NumberField';
import { setProbability } from '../../ml/probabilityEdits';
import { densityHeatMap, drawSimplexCanvas, drawSimplexOverlay, SIMPLEX_BOX } from './draw';
import {
  MAX_TAU,
  MIN_TAU,
  pointsFingerprint,
  simplexSetting,
  sliderFromTau,
  tauAfterKey,
  tauFromSlider,
  type SweepState,
} from './model';

/** The T slider with Play, and the three-class simplex: density, samples and the handle for p. */
export function SimplexPanel(p: {
  state: SweepState;
  setState: (update: (old: SweepState) => SweepState) => void;
  samples: Float32Array | null;
  summary: string;
  playing: boolean;
  onPlay: () => void;
  /** The theme's name: the canvas is redrawn in the theme's colours when it changes. */
  theme: string;
  onProblem: (key: string, text: string | null) => void;
}) {
  const { state, setState, samples, theme } = p;
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<SVGSVGElement>(null);
  const heat = useMemo(
    () => densityHeatMap(state.simplexPi, state.tau),
    [state.simplexPi, state.tau],
  );

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

  // Like a Gumbel-max bar: class i takes the value, the other two keep their ratio.
  const setPi = (i: number, value: number) =>
    setState((s) => ({ ...s, simplexPi: setProbability(s.simplexPi, i, value) ?? s.simplexPi }));

  return (
    <figure className="widget__panel temperature-sweep__simplex">
      <figcaption>
        <label>
          <span className="key-number">
            T = <output>{state.tau.toFixed(2)}</output>
          </span>{' '}
          <input
            type="range"
            min={0}
            max={1000}
            value={Math.round(sliderFromTau(state.tau) * 1000)}
            aria-label={`Temperature, ${MIN_TAU} to ${MAX_TAU} on a log scale`}
            aria-valuetext={`T = ${state.tau.toFixed(2)}`}
            onKeyDown={(e) => {
              const { key, shiftKey } = e;
              if (tauAfterKey(state.tau, key, shiftKey) === null) return;
              e.preventDefault();
              setState((s) => ({ ...s, tau: tauAfterKey(s.tau, key, shiftKey) ?? s.tau }));
            }}
            onChange={(e) =>
              setState((s) => ({
                ...s,
                tau: tauFromSlider(Number(e.target.value) / 1000),
              }))
            }
          />
        </label>
        <button type="button" onClick={p.onPlay} aria-pressed={p.playing}>
          {p.playing ? 'Pause' : 'Play'}
        </button>
      </figcaption>
      <div className="temperature-sweep__simplex-row">
        <div
          className="simplex"
          style={{
            width: SIMPLEX_BOX.width,
            aspectRatio: `${SIMPLEX_BOX.width} / ${SIMPLEX_BOX.height}`,
          }}
          data-tau={state.tau.toFixed(4)}
          data-fingerprint={samples ? pointsFingerprint(samples) : ''}
        >
          <canvas ref={canvas} aria-hidden="true" />
          <svg ref={overlay} className="draggable-chart" role="group" aria-label={p.summary} />
        </div>
        <div className="temperature-sweep__inputs">
          <span className="drag-hint">drag the point, or type p:</span>
          {state.simplexPi.map((x, i) => (
            <label key={i}>
              {`p${'₁₂₃'[i]!}`}{' '}
              <NumberField
                setting={simplexSetting(i)}
                value={x}
                ariaLabel={`Simplex probability of class ${i + 1}`}
                onChange={(v) => setPi(i, v)}
                onProblem={p.onProblem}
              />
            </label>
          ))}
        </div>
      </div>
    </figure>
  );
}
