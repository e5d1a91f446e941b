import { useEffect, useRef, useState } from 'react';
import '../shared/widget.css';
import type { WidgetProps } from '../registry';
import { useComputeStatus } from '../shared/ComputeStatus';
import { WidgetHeader } from '../shared/WidgetHeader';
import { useWidgetState } from '../shared/useWidgetState';
import { LabelledNumberField, NumberField } from '../shared/NumberField';
import { useElementWidth } from '../shared/useElementWidth';
import { drawMany, explainOneDraw, type ManyDraws, type OneDraw } from './compute';
import {
  drawClassFrequencies,
  drawNoiseHistogram,
  drawOneDraw,
  drawProbabilityEditor,
} from './draw';
import {
  addClass,
  chiSquareText,
  defaultGumbelMaxState,
  formatGumbelMaxState,
  gumbelMaxSchema,
  MAX_CLASSES,
  MIN_CLASSES,
  parseGumbelMaxState,
  probabilitySetting,
  removeClass,
  setProbability,
} from './model';

const model = {
  parse: parseGumbelMaxState,
  format: formatGumbelMaxState,
  defaults: defaultGumbelMaxState,
};
/** The figure's widest drawing (CSS px); narrower where its box is (a phone). */
const MAX_WIDTH = 540;
/** Below this width the two histograms stack instead of standing side by side. */
const SIDE_BY_SIDE = 480;

/** The Gumbel-max trick, live: edit p, explain one draw, histogram many. */
export function GumbelMax({ active }: WidgetProps) {
  const { state, setState, problems, setProblem, reset } = useWidgetState(model);
  const [measure, boxWidth] = useElementWidth(MAX_WIDTH);
  const W = Math.min(MAX_WIDTH, boxWidth);
  const histogramWidth = W >= SIDE_BY_SIDE ? Math.floor((W - 12) / 2) : W;
  const compute = useComputeStatus();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const [one, setOne] = useState<OneDraw | null>(null);
  const [many, setMany] = useState<{ key: string; result: ManyDraws } | null>(null);
  const editor = useRef<SVGSVGElement>(null);
  const oneSvg = useRef<SVGSVGElement>(null);
  const freqSvg = useRef<SVGSVGElement>(null);
  const noiseSvg = useRef<SVGSVGElement>(null);
  const k = state.probabilities.length;
  const manyKey = `${state.probabilities.join()}|${state.draws}|${state.seed}`;
  const busy = many?.key !== manyKey;

  useEffect(() => {
    if (!backend || !active) return;
    let stale = false;
    void explainOneDraw(state.probabilities, state.seed, state.drawIndex).then(
      (d) => !stale && setOne(d),
    );
    return () => {
      stale = true;
    };
  }, [backend, active, state.probabilities, state.seed, state.drawIndex]);

  useEffect(() => {
    if (!backend || !active) return;
    let stale = false;
    const key = manyKey;
    const timer = window.setTimeout(() => {
      void drawMany(state.probabilities, state.draws, state.seed, () => stale).then((result) => {
        if (!stale && result) setMany({ key, result });
      });
    }, 120); // a short pause so that dragging a bar does not queue a draw per pixel
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [backend, active, state.probabilities, state.draws, state.seed, manyKey]);

  const setP = (i: number, value: number) => {
    const next = setProbability(state.probabilities, i, value);
    if (next) setState((s) => ({ ...s, probabilities: next }));
  };

  useEffect(() => {
    if (editor.current)
      drawProbabilityEditor(
        editor.current,
        state.probabilities,
        (next) => setState((s) => ({ ...s, probabilities: next })),
        W,
        120,
      );
  });
  useEffect(() => {
    if (oneSvg.current && one && one.logP.length === k) drawOneDraw(oneSvg.current, one, W, 120);
  }, [one, k, W]);
  // The last finished result, while it still fits the number of classes.
  const shown = many?.result.counts.length === k ? many.result : null;
  useEffect(() => {
    if (!shown) return;
    if (freqSvg.current)
      drawClassFrequencies(freqSvg.current, shown, state.probabilities, histogramWidth, 140);
    if (noiseSvg.current) drawNoiseHistogram(noiseSvg.current, shown, k, histogramWidth, 140);
  }, [shown, k, state.probabilities, histogramWidth]);

  const test = shown ? chiSquareText(shown.counts, state.probabilities) : null;
  const summary = one
    ? `One draw: the largest of log p plus noise is class ${one.winner + 1}.` +
      (shown && test
        ? ` ${shown.n.toLocaleString('en')} draws: ` +
          shown.counts
            .map(
              (c, i) =>
                `class ${i + 1} ${(c / shown.n).toFixed(3)} (p ${state.probabilities[i]!.toFixed(3)})`,
            )
            .join(', ') +
          `; ${test}.`
        : '')
    : 'Computing…';

  return (
    <div className="widget gumbel-max" data-busy={busy || undefined} ref={measure}>
      <WidgetHeader
        title="Gumbel-max"
        onNewSeed={(seed) => setState((s) => ({ ...s, seed }))}
        onReset={reset}
        problems={problems}
      />
      <figure className="widget__panel">
        <figcaption>
          <span>
            Class probabilities p: <span className="drag-hint">drag a bar, use the arrow keys</span>{' '}
            or type
          </span>
        </figcaption>
        <svg
          ref={editor}
          className="draggable-chart"
          role="group"
          aria-label={`Probabilities ${state.probabilities.map((x) => x.toFixed(3)).join(', ')}`}
        />
        <div className="widget__inputs">
          {state.probabilities.map((x, i) => (
            <NumberField
              key={`${k}-${i}`}
              setting={probabilitySetting(i, k)}
              value={x}
              ariaLabel={`Probability of class ${i + 1}`}
              onChange={(v) => setP(i, v)}
              onProblem={setProblem}
            />
          ))}
          <button
            type="button"
            disabled={k >= MAX_CLASSES}
            onClick={() => setState((s) => ({ ...s, probabilities: addClass(s.probabilities) }))}
          >
            + class
          </button>
          <button
            type="button"
            disabled={k <= MIN_CLASSES}
            onClick={() =>
              setState((s) => ({ ...s, probabilities: removeClass(s.probabilities, k - 1) }))
            }
          >
            − class
          </button>
        </div>
      </figure>
      <figure className="widget__panel">
        <figcaption>
          <span className="key key--1">log p</span> <span className="key key--2">g</span>{' '}
          <span className="key key--3">log p + g</span>, argmax outlined{' '}
          <button
            type="button"
            onClick={() => setState((s) => ({ ...s, drawIndex: s.drawIndex + 1 }))}
          >
            Draw again
          </button>
        </figcaption>
        <svg
          ref={oneSvg}
          role="img"
          aria-label={one ? `One draw: class ${one.winner + 1} wins` : 'One draw'}
        />
      </figure>
      <figure className="widget__panel">
        <figcaption>
          <LabelledNumberField
            className="widget__draws"
            setting={gumbelMaxSchema.draws}
            value={state.draws}
            onChange={(draws) => setState((s) => ({ ...s, draws }))}
            onProblem={setProblem}
          />{' '}
          <span className="gumbel-max__test key-number">{busy ? 'drawing…' : (test ?? '')}</span>
        </figcaption>
        <div className="widget__row">
          <figure className="gumbel-max__histogram">
            <figcaption>Class frequencies, p ± 2 SE</figcaption>
            <svg
              ref={freqSvg}
              role="img"
              aria-label="Class frequencies against p with a two-standard-error band"
            />
          </figure>
          <figure className="gumbel-max__histogram">
            <figcaption>Noise g, Gumbel density</figcaption>
            <svg
              ref={noiseSvg}
              role="img"
              aria-label="Histogram of the Gumbel noise against its density"
            />
          </figure>
        </div>
      </figure>
      <p className="visually-hidden" aria-live="polite">
        {summary}
      </p>
    </div>
  );
}
