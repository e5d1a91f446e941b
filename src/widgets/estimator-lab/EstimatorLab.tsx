import { useEffect, useMemo, useRef, useState } from 'react';
import '../shared/widget.css';
import './lab.css';
import type { WidgetProps } from '../registry';
import { BackendBadge, useComputeStatus } from '../shared/ComputeStatus';
import { useWidgetState } from '../shared/useWidgetState';
import { usePlaying } from '../shared/playing';
import { useFrameLoop } from '../shared/useFrameLoop';
import { seed as asSeed } from '../../ml/types';
import type { EstimatorName } from '../../ml/estimators';
import { defaultLabSettings, formatLabSettings, parseLabSettings, type LabSettings } from './model';
import { makeProblem, presets, type PresetName } from './problems';
import { LabRun } from './run';
import { probeAt, sweepTau, type Probe, type SweepPoint } from './probe';
import { drawEstimateStrip, drawSweep, drawTraining, formatMoments } from './draw';
import { lineColors, lineLabels } from '../shared/estimatorLines';
import { LineLegend } from '../shared/RunControls';
import { LabControls } from './LabControls';
import { ProblemList } from '../shared/ProblemList';

const model = { parse: parseLabSettings, format: formatLabSettings, defaults: defaultLabSettings };
/** While playing, the estimate distributions are refreshed every this many steps. */
const PROBE_EVERY = 50;

/** Bias and variance on a toy problem, measured live, and a training race of all estimators. */
export function EstimatorLab({ active }: WidgetProps) {
  const { state, setState, problems, setProblem, reset } = useWidgetState(model);
  const compute = useComputeStatus();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const problem = useMemo(() => makeProblem(state.preset, state.k), [state.preset, state.k]);
  /** Bumped by Reset, so that a reset starts a new run even when no setting changed. */
  const [generation, setGeneration] = useState(0);
  const run = useMemo(
    () =>
      new LabRun({
        problem,
        tau: state.tau,
        learningRate: state.learningRate,
        samples: state.samples,
        seed: state.seed,
        withBaseline: state.withBaseline,
      }),
    // generation is a dependency on purpose: Reset bumps it to start over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      problem,
      state.tau,
      state.learningRate,
      state.samples,
      state.seed,
      state.withBaseline,
      generation,
    ],
  );
  const [version, setVersion] = useState(0);
  const [playing, setPlaying] = usePlaying('estimator-lab');
  const [probe, setProbe] = useState<Probe | null>(null);
  const [sweep, setSweep] = useState<SweepPoint[] | null>(null);
  const objectiveSvg = useRef<SVGSVGElement>(null);
  const bestSvg = useRef<SVGSVGElement>(null);
  const sweepSvg = useRef<SVGSVGElement>(null);
  const strips = useRef(new Map<string, SVGSVGElement | null>());

  useEffect(() => {
    if (__TEST_HOOKS__)
      (window as unknown as { __explorer: { labRun?: () => LabRun } }).__explorer.labRun = () =>
        run;
  }, [run]);

  // The training loop: a bounded number of steps per animation frame, never while hidden.
  useFrameLoop(playing && active && backend !== null, async (stopped) => {
    for (let i = 0; i < state.speed && !run.finished && !stopped(); i++) await run.advance();
    if (stopped()) return false;
    setVersion((v) => v + 1);
    if (run.finished) setPlaying(false);
    return !run.finished;
  });

  const probeStep = playing ? Math.floor(run.step / PROBE_EVERY) * PROBE_EVERY : run.step;
  const names = run.lines.map((l) => l.name).filter((n): n is EstimatorName => n !== 'exact');
  // Both measurements follow the reference line: the probe every PROBE_EVERY steps
  // while playing, the τ sweep only when paused (it is the slower of the two).
  const sweepStep = playing ? null : run.step;
  useEffect(() => {
    if (!backend || !active) return;
    let stale = false;
    const estimators = run.lines
      .map((l) => l.name)
      .filter((n): n is EstimatorName => n !== 'exact');
    void probeAt(
      problem,
      [...run.lines[0]!.logits],
      estimators,
      run.settings.tau,
      run.settings.seed,
    ).then((p) => !stale && setProbe(p));
    return () => {
      stale = true;
    };
  }, [backend, active, run, probeStep, problem]);

  useEffect(() => {
    if (!backend || !active || sweepStep === null) return;
    let stale = false;
    void sweepTau(problem, [...run.lines[0]!.logits], run.settings.seed, () => stale).then(
      (points) => !stale && points && setSweep(points),
    );
    return () => {
      stale = true;
    };
  }, [backend, active, run, sweepStep, problem]);

  useEffect(() => {
    if (objectiveSvg.current) drawTraining(objectiveSvg.current, run.lines, 'objective', 400, 200);
    if (bestSvg.current) drawTraining(bestSvg.current, run.lines, 'best', 400, 180);
  }, [run, version]);

  useEffect(() => {
    if (!probe) return;
    const all = probe.distributions.flatMap((d) => d.component);
    const sorted = [...all].sort((a, b) => a - b);
    // A common axis for every strip, from the 1st to the 99th percentile.
    const lo = sorted[Math.floor(0.01 * sorted.length)] ?? -1;
    const hi = sorted[Math.floor(0.99 * sorted.length)] ?? 1;
    const exactValue = probe.exactGradient[problem.bestClass];
    // A probe of the previous problem (K just changed) waits for the new one.
    if (exactValue === undefined || probe.exactGradient.length !== problem.k) return;
    const domain: [number, number] = [
      Math.min(lo, exactValue) - 1e-3,
      Math.max(hi, exactValue) + 1e-3,
    ];
    for (const d of probe.distributions) {
      const svg = strips.current.get(d.name);
      if (svg) drawEstimateStrip(svg, d, exactValue, domain, 200, 46);
    }
  }, [probe, problem.bestClass, problem.k]);

  useEffect(() => {
    if (sweepSvg.current && sweep) drawSweep(sweepSvg.current, sweep, 330, 250);
  }, [sweep]);

  const update = (patch: Partial<LabSettings>) => {
    setPlaying(false);
    setState((s) => ({ ...s, ...patch }));
  };
  const stoppedLines = run.lines.filter((l) => l.stopped);
  const summary =
    `Step ${run.step}. True objective E f: ` +
    run.lines.map((l) => `${lineLabels[l.name]} ${l.objective.at(-1)!.toFixed(4)}`).join(', ') +
    '.' +
    (probe
      ? ' Single-sample estimates: ' +
        probe.distributions
          .map((d) => `${lineLabels[d.name]} ${formatMoments(d.moments, ', ')}`)
          .join('; ') +
        '.'
      : '');

  return (
    <div
      className="widget estimator-lab"
      data-step={run.step}
      data-playing={playing || undefined}
      data-fingerprint={run.fingerprint()}
    >
      <div className="widget__bar">
        <strong>Toy lab</strong>
        <BackendBadge />
      </div>
      <LabControls
        state={state}
        playing={playing}
        canRun={backend !== null && !run.finished}
        presetNames={Object.keys(presets) as PresetName[]}
        fixedK={presets[state.preset].fixedK}
        onChange={update}
        onProblem={setProblem}
        onPlay={() => setPlaying((p) => !p)}
        onStep={async () => {
          setPlaying(false);
          await run.advance();
          setVersion((v) => v + 1);
        }}
        onReset={() => {
          setPlaying(false);
          reset();
          setGeneration((g) => g + 1);
        }}
        onNewSeed={() => update({ seed: asSeed(Math.floor(Math.random() * 2 ** 32)) })}
      />
      <ProblemList problems={problems} />
      {stoppedLines.length > 0 && (
        <p className="widget__problem" role="alert">
          {stoppedLines.map((l) => `${lineLabels[l.name]} ${l.stopped}.`).join(' ')} The other lines
          go on.
        </p>
      )}
      <div className="lab-grid">
        <figure className="widget__panel">
          <figcaption>
            Single-sample estimates of ∂E/∂l (optimal class) at step {probe ? probeStep : '…'}:
            exact (black), mean (dashed)
          </figcaption>
          {names.map((name) => {
            const d = probe?.distributions.find((x) => x.name === name);
            return (
              <div className="lab-strip" key={name}>
                <span className="lab-strip__name">
                  <span
                    className="swatch"
                    style={{ background: lineColors[name] }}
                    aria-hidden="true"
                  />
                  {lineLabels[name]}
                </span>
                <svg
                  ref={(el) => void strips.current.set(name, el)}
                  role="img"
                  aria-label={`${lineLabels[name]} estimates`}
                />
                <span className="lab-strip__numbers">
                  {d ? formatMoments(d.moments, ' · ') : '…'}
                </span>
              </div>
            );
          })}
        </figure>
        <figure className="widget__panel">
          <figcaption>
            Training, step {run.step}: true objective, and the probability of the best class
          </figcaption>
          <svg
            ref={objectiveSvg}
            role="img"
            aria-label="True objective against training step for every estimator"
          />
          <svg
            ref={bestSvg}
            role="img"
            aria-label="Probability of the optimal class against training step"
          />
          <LineLegend lines={run.lines} />
        </figure>
        <figure className="widget__panel">
          <figcaption>
            τ sweep at these logits: bias (solid) and sd (dashed) of GS and ST-GS
          </figcaption>
          <svg
            ref={sweepSvg}
            role="img"
            aria-label={sweep ? sweepText(sweep) : 'Computing the τ sweep'}
          />
        </figure>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {playing ? '' : summary}
      </p>
    </div>
  );
}

function sweepText(points: readonly SweepPoint[]): string {
  return (
    'Over τ from 0.05 to 10: Gumbel-Softmax bias ' +
    points.map((p) => p.gumbel.bias.toFixed(3)).join(', ') +
    '; its standard deviation ' +
    points.map((p) => p.gumbel.sd.toFixed(3)).join(', ') +
    '.'
  );
}
