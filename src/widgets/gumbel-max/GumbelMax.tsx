import { useEffect, useRef, useState } from 'react';
import '../shared/widget.css';
import type { WidgetProps } from '../registry';
import { useComputeStatus } from '../shared/ComputeStatus';
import { WidgetHeader } from '../shared/WidgetHeader';
import { useWidgetState } from '../shared/useWidgetState';
import { chiSquareTest } from '../../ml/stats';
import { drawMany, explainOneDraw, type ManyDraws, type OneDraw } from './compute';
import {
  drawClassFrequencies,
  drawNoiseHistogram,
  drawOneDraw,
  drawProbabilityEditor,
} from './draw';
import {
  addClass,
  defaultGumbelMaxState,
  formatGumbelMaxState,
  MAX_CLASSES,
  MAX_DRAWS,
  MIN_CLASSES,
  MIN_DRAWS,
  parseGumbelMaxState,
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
  const { state, setState, problems, setProblems, reset } = useWidgetState(model);
  const compute = useComputeStatus();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const [one, setOne] = useState<OneDraw | null>(null);
  const [many, setMany] = useState<{ key: string; result: ManyDraws } | null>(null);
  /** The draws field while it is being edited (null: it shows the state's value). */
  const [draft, setDraft] = useState<string | null>(null);
  const drawsText = draft ?? String(state.draws);
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
    else setProblems([`Class ${i + 1}: “${value}” is not a probability; nothing changed.`]);
  };
  /** From a text field: an empty or unreadable entry is refused, not read as 0. */
  const setPFromText = (i: number, text: string) =>
    text.trim() === ''
      ? setProblems([`Class ${i + 1}: type a probability between 0 and 1.`])
      : setP(i, Number(text));

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

  const commitDraws = () => {
    const value = Number(drawsText);
    setDraft(null);
    if (!Number.isFinite(value) || drawsText.trim() === '') {
      setProblems([`“${drawsText}” is not a number of draws.`]);
      return;
    }
    const clamped = Math.min(MAX_DRAWS, Math.max(MIN_DRAWS, Math.round(value)));
    setProblems(
      clamped !== value
        ? [`Draws go from ${MIN_DRAWS} to ${MAX_DRAWS.toLocaleString('en')}; using ${clamped}.`]
        : [],
    );
    setState((s) => ({ ...s, draws: clamped }));
  };

  const test = shown ? chiSquareTest(shown.counts, state.probabilities) : null;
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
          `; chi-square p = ${test.pValue.toFixed(3)}.`
        : '')
    : 'Computing…';

  return (
    <div className="widget gumbel-max" data-busy={busy || undefined}>
      <WidgetHeader
        title="Gumbel-max"
        onNewSeed={(seed) => setState((s) => ({ ...s, seed }))}
        onReset={reset}
        problems={problems}
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
            <input
              key={`${k}-${i}-${x.toFixed(4)}`}
              type="number"
              step="0.01"
              min="0"
              max="1"
              defaultValue={x.toFixed(3)}
              aria-label={`Probability of class ${i + 1}`}
              onBlur={(e) => setPFromText(i, e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && setPFromText(i, e.currentTarget.value)}
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
          <label>
            Draws{' '}
            <input
              className="widget__draws"
              type="number"
              min={MIN_DRAWS}
              max={MAX_DRAWS}
              value={drawsText}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commitDraws}
              onKeyDown={(e) => e.key === 'Enter' && commitDraws()}
            />
          </label>{' '}
          {busy ? 'drawing…' : test ? `chi-square p = ${test.pValue.toFixed(3)}` : ''}
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
