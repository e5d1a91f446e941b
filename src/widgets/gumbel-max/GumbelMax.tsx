import { useEffect, useRef, useState } from 'react';
import '../shared/widget.css';
import type { WidgetProps } from '../registry';
import { useComputeStatus } from '../shared/ComputeStatus';
import { WidgetHeader } from '../shared/WidgetHeader';
import { pictureSettings } from '../shared/figureFiles';
import { useWidgetState } from '../shared/useWidgetState';
import { LabelledNumberField, NumberField } from '../shared/NumberField';
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
const W = 540;

/** The Gumbel-max trick, live: edit π, explain one draw, histogram many. */
export function GumbelMax({ active }: WidgetProps) {
  const { state, setState, problems, setProblem, reset } = useWidgetState(model);
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
  }, [one, k]);
  // The last finished result, while it still fits the number of classes.
  const shown = many?.result.counts.length === k ? many.result : null;
  useEffect(() => {
    if (!shown) return;
    if (freqSvg.current)
      drawClassFrequencies(freqSvg.current, shown, state.probabilities, W / 2 - 4, 130);
    if (noiseSvg.current) drawNoiseHistogram(noiseSvg.current, shown, k, W / 2 - 4, 130);
  }, [shown, k, state.probabilities]);

  const test = shown ? chiSquareText(shown.counts, state.probabilities) : null;
  const summary = one
    ? `One draw: the largest of log π plus noise is class ${one.winner + 1}.` +
      (shown && test
        ? ` ${shown.n.toLocaleString('en')} draws: ` +
          shown.counts
            .map(
              (c, i) =>
                `class ${i + 1} ${(c / shown.n).toFixed(3)} (π ${state.probabilities[i]!.toFixed(3)})`,
            )
            .join(', ') +
          `; ${test}.`
        : '')
    : 'Computing…';

  return (
    <div className="widget gumbel-max" data-busy={busy || undefined}>
      <WidgetHeader
        title="Gumbel-max"
        onNewSeed={(seed) => setState((s) => ({ ...s, seed }))}
        onReset={reset}
        problems={problems}
        save={{ settings: pictureSettings(formatGumbelMaxState(state)), svg: true }}
      />
      <figure className="widget__panel">
        <figcaption>
          <span>
            Class probabilities π:{' '}
            <span className="drag-hint">drag the bars or use the arrow keys</span>, or type
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
          One draw: <span className="key key--1">log π</span> <span className="key key--2">g</span>{' '}
          <span className="key key--3">log π + g</span>, the argmax outlined{' '}
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
          <span className="gumbel-max__test">{busy ? 'drawing…' : (test ?? '')}</span>
        </figcaption>
        <div className="widget__row">
          <svg
            ref={freqSvg}
            role="img"
            aria-label="Class frequencies against π with a two-standard-error band"
          />
          <svg
            ref={noiseSvg}
            role="img"
            aria-label="Histogram of the Gumbel noise against its density"
          />
        </div>
      </figure>
      <p className="visually-hidden" aria-live="polite">
        {summary}
      </p>
    </div>
  );
}
