import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import '../shared/widget.css';
import './lab.css';
import type { WidgetProps } from '../widgetProps';
import { BackendBadge } from '../shared/ComputeStatus';
import { useWidgetState } from '../shared/useWidgetState';
import { usePlaying } from '../../deck/stores/playing';
import { achievedSpeed, stepsPerSecondAt } from '../../runtime/pacing';
import { useSnapshotPart, useTrainingBackend, useTrainingRun } from '../../runtime/useTrainingRun';
import { freshSeed } from '../shared/settings';
import { estimatorById, type EstimatorId } from '../../ml/estimators/registry';
import { labModelOf, labSchemaOf, type LabSettings } from './model';
import { restartNotice } from '../shared/restartNotice';
import { makeProblem, presets, type PresetName } from '../../ml/toyProblems';
import { labRunKey, type LabRunParams, type LabSnapshot } from './labRun';
import { formatMoments } from './draw';
import { lineLabels } from '../shared/estimatorLines';
import { RunAlerts } from '../shared/RunAlerts';
import { LabControls } from './LabControls';
import { ProblemList } from '../shared/ProblemList';
import { EstimateStrips } from './EstimateStrips';
import { TrainingCurves } from './TrainingCurves';
import { TauSweepPanel } from './TauSweepPanel';
import { LabSaveMenu } from './LabSaveMenu';
import { usePublishResult } from '../../deck/stores/figureResults';
import { spreadResult } from './spreadResult';

/**
 * Bias and variance on a toy problem, measured live, and a training race of
 * the estimators. The `beyond` variant (the appendix slide) lets the
 * estimators be chosen, new ones among them, and compares at equal
 * evaluations of f.
 */
export function EstimatorLab({ active, variant }: WidgetProps) {
  const beyond = variant === 'beyond';
  const [model] = useState(() => labModelOf(variant));
  const { state, setState, problems, setProblem, reset } = useWidgetState(model);
  const compute = useTrainingBackend();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const problem = useMemo(() => makeProblem(state.preset, state.k), [state.preset, state.k]);
  // What the run is made of (the speed is not: it only paces the run).
  const paramsOf = (s: LabSettings, k: number): LabRunParams => ({
    preset: s.preset,
    k,
    tau: s.tau,
    learningRate: s.learningRate,
    samples: s.samples,
    seed: s.seed,
    withBaseline: s.withBaseline,
    estimators: s.estimators,
    equalEvaluations: beyond && s.equalEvaluations,
  });
  const settings = paramsOf(state, problem.k);
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
    testHook: 'labRun',
  });
  const lab = run.snapshot;
  const step = lab?.step ?? 0;
  const lines = lab?.lines ?? [];
  // Every snapshot is a new object; the probe and the sweep are redrawn only when they are new.
  const probe = useSnapshotPart(lab?.probe ?? null, lab?.probe?.id);
  const sweep = useSnapshotPart(lab?.sweep?.points ?? null, lab?.sweep?.id);
  // The same array while the lines are the same, for the memoized strips.
  const namesKey = lines.map((l) => l.name).join(' ');
  const names = useMemo(
    () => namesKey.split(' ').filter((n): n is EstimatorId => n !== '' && n !== 'exact'),
    [namesKey],
  );
  // What a question on the slide is judged by: the strips' sd (a probe of the current problem only).
  const current = probe !== null && probe.exactGradient.length === problem.k;
  const spread = useMemo(
    () => (probe && current ? spreadResult(probe, state.tau) : null),
    [probe, current, state.tau],
  );
  usePublishResult('lab-spread', spread);
  // Evaluations of f per step: an estimator's per estimate times the samples; exact sums over K classes.
  const perStep = useCallback(
    (name: EstimatorId | 'exact') =>
      name === 'exact' ? problem.k : estimatorById(name).evaluations * state.samples,
    [problem.k, state.samples],
  );

  // A change of the problem, the estimators or the optimizer starts a new run, and says so;
  // the speed keeps it playing. Handlers keep their identity across snapshots (the latest
  // state and step are read through a ref), so the memoized controls re-render only on a change.
  const [notice, setNotice] = useState('');
  const { setPlaying: choosePlaying, reset: resetRun, step: stepRun } = run;
  const latest = useRef({ state, step, settings, paramsOf });
  useLayoutEffect(() => {
    latest.current = { state, step, settings, paramsOf };
  });
  const update = useCallback(
    (patch: Partial<LabSettings>) => {
      const { state: now, step: at, settings: current, paramsOf: params } = latest.current;
      const next = { ...now, ...patch };
      const nextK = makeProblem(next.preset, next.k).k;
      if (labRunKey(params(next, nextK), '') !== labRunKey(current, '')) {
        choosePlaying(false);
        setNotice(restartNotice(labSchemaOf(variant), now, patch, at, 'the lab'));
      }
      setState((s) => ({ ...s, ...patch }));
    },
    [choosePlaying, setState, variant],
  );
  const onPlay = useCallback(() => {
    setNotice('');
    choosePlaying(!playing);
  }, [choosePlaying, playing]);
  const onReset = useCallback(() => {
    setNotice('');
    resetRun();
    reset();
  }, [resetRun, reset]);
  const onNewSeed = useCallback(() => update({ seed: freshSeed() }), [update]);
  const presetNames = useMemo(() => Object.keys(presets) as PresetName[], []);

  return (
    <div
      className="widget estimator-lab"
      data-step={step}
      data-playing={playing || undefined}
      data-fingerprint={lab?.fingerprint ?? ''}
    >
      <div className="widget__bar">
        <strong>Toy lab</strong>
        <p className="lab-status" aria-live="off">
          Step {step} · {achievedSpeed(playing, lab?.stepsPerSecond ?? null, state.speed)}
        </p>
        <BackendBadge status={compute} />
        <LabSaveMenu
          settings={{ ...state, k: problem.k }}
          lab={lab}
          probe={probe}
          sweep={sweep}
          bestClass={problem.bestClass}
        />
      </div>
      <LabControls
        state={state}
        playing={playing}
        canRun={run.canRun}
        presetNames={presetNames}
        fixedK={presets[state.preset].fixedK}
        chooseEstimators={beyond}
        onChange={update}
        onProblem={setProblem}
        onPlay={onPlay}
        onStep={stepRun}
        onReset={onReset}
        onNewSeed={onNewSeed}
      />
      <p className="widget__notice" role="status">
        {notice}
      </p>
      <ProblemList problems={problems} />
      <RunAlerts
        error={run.error}
        stoppedLines={run.stoppedLines}
        othersGoOn="The other lines go on."
      />
      <div className="lab-grid">
        <EstimateStrips
          names={names}
          probe={probe}
          problem={problem}
          {...(beyond ? { perStep, equalEvaluations: settings.equalEvaluations ?? false } : {})}
        />
        <TrainingCurves lab={lab} perStep={settings.equalEvaluations ? perStep : undefined} />
        <TauSweepPanel sweep={sweep} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {playing ? '' : labSummary(lab, probe)}
      </p>
    </div>
  );
}

/** The lab's state in words, for a screen reader when the run rests. */
function labSummary(lab: LabSnapshot | null, probe: LabSnapshot['probe']): string {
  return (
    `Step ${lab?.step ?? 0}. True objective E f: ` +
    (lab?.lines ?? [])
      .map((l) => `${lineLabels[l.name]} ${l.objective.at(-1)!.toFixed(4)}`)
      .join(', ') +
    '.' +
    (probe
      ? ' Single-sample estimates: ' +
        probe.distributions
          .map((d) => `${lineLabels[d.name]} ${formatMoments(d.shown, ', ')}`)
          .join('; ') +
        '.'
      : '')
  );
}
