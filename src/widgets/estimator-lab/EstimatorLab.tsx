import { useEffect, useMemo, useRef } from 'react';
import '../shared/widget.css';
import './lab.css';
import type { WidgetProps } from '../registry';
import { BackendBadge } from '../shared/ComputeStatus';
import { useWidgetState } from '../shared/useWidgetState';
import { usePlaying } from '../shared/playing';
import { achievedSpeed, stepsPerSecondAt } from '../../runtime/pacing';
import { trainingClient, useTrainingBackend, useTrainingRun } from '../../runtime/useTrainingRun';
import { seed as asSeed } from '../../ml/types';
import type { EstimatorName } from '../../ml/estimators';
import { defaultLabSettings, formatLabSettings, parseLabSettings, type LabSettings } from './model';
import { makeProblem, presets, type PresetName } from './problems';
import { labRunKey, type LabRunParams, type LabSnapshot } from './labSession';
import type { SweepPoint } from './probe';
import { drawEstimateStrip, drawSweep, drawTraining, formatMoments } from './draw';
import { lineColors, lineLabels } from '../shared/estimatorLines';
import { LineLegend } from '../shared/RunControls';
import { LabControls } from './LabControls';
import { ProblemList } from '../shared/ProblemList';
import { SaveMenu } from '../shared/SaveMenu';
import { pictureSettings } from '../shared/figureFiles';
import {
  CURVE_COLUMNS,
  ESTIMATE_COLUMNS,
  labCurvesTable,
  labEstimatesTable,
  labSweepTable,
  SWEEP_COLUMNS,
} from './tables';

const model = { parse: parseLabSettings, format: formatLabSettings, defaults: defaultLabSettings };

/** Bias and variance on a toy problem, measured live, and a training race of all estimators. */
export function EstimatorLab({ active }: WidgetProps) {
  const { state, setState, problems, setProblem, reset } = useWidgetState(model);
  const compute = useTrainingBackend();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const problem = useMemo(() => makeProblem(state.preset, state.k), [state.preset, state.k]);
  const settings: LabRunParams = {
    preset: state.preset,
    k: problem.k,
    tau: state.tau,
    learningRate: state.learningRate,
    samples: state.samples,
    seed: state.seed,
    withBaseline: state.withBaseline,
  };
  const key = backend ? labRunKey(settings, backend) : null;
  const [playing, setPlaying] = usePlaying('estimator-lab');
  const run = useTrainingRun<LabSnapshot>({
    kind: 'lab',
    key,
    params: () => settings,
    playing,
    setPlaying,
    active,
    stepsPerSecond: stepsPerSecondAt(state.speed),
  });
  const lab = run.snapshot;
  const step = lab?.step ?? 0;
  const lines = lab?.lines ?? [];
  // Every snapshot is a new object; the probe and the sweep are redrawn only when they are new.
  const probeId = lab?.probe?.id;
  const sweepId = lab?.sweep?.id;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const probe = useMemo(() => lab?.probe ?? null, [probeId]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sweep = useMemo(() => lab?.sweep?.points ?? null, [sweepId]);
  const objectiveSvg = useRef<SVGSVGElement>(null);
  const bestSvg = useRef<SVGSVGElement>(null);
  const sweepSvg = useRef<SVGSVGElement>(null);
  const strips = useRef(new Map<string, SVGSVGElement | null>());

  useEffect(() => {
    if (!__TEST_HOOKS__) return;
    const client = trainingClient();
    (window as unknown as { __explorer: Record<string, unknown> }).__explorer.labRun = () =>
      key === null
        ? null
        : {
            get step() {
              return client.state<LabSnapshot>(key).snapshot?.step ?? 0;
            },
            fingerprint: () => client.state<LabSnapshot>(key).snapshot?.fingerprint ?? '',
            injectFault: (line: string) => client.injectFault(key, line),
            memory: () => client.memory(),
          };
  }, [key]);

  const names = lines.map((l) => l.name).filter((n): n is EstimatorName => n !== 'exact');

  useEffect(() => {
    const drawn = lab?.lines ?? [];
    const start = performance.now();
    if (objectiveSvg.current) drawTraining(objectiveSvg.current, drawn, 'objective', 400, 200);
    if (bestSvg.current) drawTraining(bestSvg.current, drawn, 'best', 400, 180);
    // Read by `npm run bench -- responsiveness`: the page's drawing time per snapshot.
    performance.measure('training-draw', { start });
  }, [lab]);

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
    run.setPlaying(false);
    setState((s) => ({ ...s, ...patch }));
  };
  const stoppedLines = lines.filter((l) => l.stopped);
  const summary =
    `Step ${step}. True objective E f: ` +
    lines.map((l) => `${lineLabels[l.name]} ${l.objective.at(-1)!.toFixed(4)}`).join(', ') +
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
      data-step={step}
      data-playing={playing || undefined}
      data-fingerprint={lab?.fingerprint ?? ''}
    >
      <div className="widget__bar">
        <strong>Toy lab</strong>
        <BackendBadge status={compute} />
        <SaveMenu
          settings={pictureSettings(formatLabSettings({ ...state, k: problem.k }), { step })}
          svg
          tables={[
            {
              label: 'training curves',
              name: 'curves',
              columns: CURVE_COLUMNS,
              rows: () => (lab ? labCurvesTable(lab.lines) : null),
            },
            {
              label: 'estimates',
              name: 'estimates',
              columns: ESTIMATE_COLUMNS,
              rows: () => (probe ? labEstimatesTable(probe, problem.bestClass) : null),
            },
            {
              label: 'T sweep',
              name: 'sweep',
              columns: SWEEP_COLUMNS,
              rows: () => (sweep ? labSweepTable(sweep) : null),
            },
          ]}
        />
      </div>
      <LabControls
        state={state}
        playing={playing}
        canRun={lab !== null && !lab.finished && run.error === null}
        presetNames={Object.keys(presets) as PresetName[]}
        fixedK={presets[state.preset].fixedK}
        onChange={update}
        onProblem={setProblem}
        onPlay={() => run.setPlaying(!playing)}
        onStep={run.step}
        onReset={() => {
          run.reset();
          reset();
        }}
        onNewSeed={() => update({ seed: asSeed(Math.floor(Math.random() * 2 ** 32)) })}
      />
      <ProblemList problems={problems} />
      <p className="lab-status" aria-live="off">
        Step {step} · {achievedSpeed(playing, lab?.stepsPerSecond ?? null, state.speed)}
      </p>
      {run.error && (
        <p className="widget__problem" role="alert">
          Training stopped: {run.error}
        </p>
      )}
      {stoppedLines.length > 0 && (
        <p className="widget__problem" role="alert">
          {stoppedLines.map((l) => `${lineLabels[l.name]} ${l.stopped}.`).join(' ')} The other lines
          go on.
        </p>
      )}
      <div className="lab-grid">
        <figure className="widget__panel">
          <figcaption>
            Single-sample estimates of ∂E/∂l (optimal class) at step {probe ? probe.step : '…'}:
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
            Training, step {step}: true objective, and the probability of the best class
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
          <LineLegend lines={lines} />
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
