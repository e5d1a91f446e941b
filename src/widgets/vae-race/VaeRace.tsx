import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import '../shared/widget.css';
import './race.css';
import type { WidgetProps } from '../widgetProps';
import { WidgetHeader } from '../shared/WidgetHeader';
import { pictureSettings } from '../shared/figureFiles';
import { RACE_COLUMNS, raceCurvesTable } from './tables';
import { useWidgetState } from '../shared/useWidgetState';
import { usePlaying } from '../../deck/stores/playing';
import { achievedSpeed, stepsPerSecondAt } from '../../runtime/pacing';
import { useSnapshotPart, useTrainingBackend, useTrainingRun } from '../../runtime/useTrainingRun';
import { usePublishResult } from '../../deck/stores/figureResults';
import { heldOutResult } from './heldOutResult';
import { RunAlerts } from '../shared/RunAlerts';
import { datasets } from '../shared/datasets';
import { restartNotice } from '../shared/restartNotice';
import {
  defaultRaceSettings,
  formatRaceSettings,
  parseRaceSettings,
  raceEstimators,
  raceSchema,
  runKey,
  type RaceSettings,
} from './model';
import { EVALUATE_EVERY, type RaceRunParams, type RaceSnapshot } from './raceRun';
import { RaceControls } from './RaceControls';
import { PaperTable } from './PaperTable';
import { useRaceData } from '../shared/useRaceData';
import { DataLoadStatus } from '../shared/DataLoadStatus';
import { RaceCurves } from './RaceCurves';
import { RaceImages } from './RaceImages';

const noLines: RaceSnapshot['lines'] = [];

const model = {
  parse: parseRaceSettings,
  format: formatRaceSettings,
  defaults: defaultRaceSettings,
};

/** The paper's experiment in miniature: one VAE per estimator, trained live side by side. */
export function VaeRace({ active, step: slideStep }: WidgetProps) {
  const { state, setState, problems, setProblem } = useWidgetState(model);
  const compute = useTrainingBackend();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const info = datasets[state.dataset];
  const { load, retry } = useRaceData(info);
  const [playing, setPlaying] = usePlaying('vae-race');

  // A race needs a copy to train: none chosen (or none that applies to K), none runs.
  const hasCopies = raceEstimators(state).length > 0 || state.exact;
  const key = backend && load.status === 'ready' && hasCopies ? runKey(state, backend) : null;
  const run = useTrainingRun<RaceSnapshot>({
    kind: 'race',
    key,
    params: (): RaceRunParams | null =>
      key && load.status === 'ready' ? { key, settings: state, data: load.set } : null,
    playing,
    setPlaying,
    active,
    stepsPerSecond: stepsPerSecondAt(state.speed),
    testHook: 'vaeRace',
  });
  const race = run.snapshot;
  // Each evaluation's held-out −ELBO, for a question on the slide (a new one per evaluation).
  const lines = race?.lines;
  const evaluations = race?.evaluations;
  const heldOut = useMemo(
    () => (lines && evaluations ? heldOutResult(lines) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the curves change only with an evaluation
    [evaluations],
  );
  usePublishResult('race-held-out', heldOut);

  const step = race?.step ?? 0;
  // A change of the model or optimizer starts a new race, and says so; the speed keeps it
  // playing. Stable across snapshots (the latest state and step through a ref), so that the
  // memoized controls re-render only on a change.
  const [notice, setNotice] = useState('');
  const choosePlaying = run.setPlaying;
  const latest = useRef({ state, step });
  useLayoutEffect(() => {
    latest.current = { state, step };
  });
  const update = useCallback(
    (patch: Partial<RaceSettings>) => {
      const { state: now, step: at } = latest.current;
      if (runKey({ ...now, ...patch }, '') !== runKey(now, '')) {
        choosePlaying(false);
        setNotice(restartNotice(raceSchema, now, patch, at, 'the race'));
      }
      setState((s) => ({ ...s, ...patch }));
    },
    [choosePlaying, setState],
  );
  const onPlay = useCallback(() => {
    setNotice('');
    choosePlaying(!playing);
  }, [choosePlaying, playing]);
  const rate = race?.stepsPerSecond;
  // The table's numbers change only with an evaluation or a stopped line: until then, the same lines.
  const stoppedNames = run.stoppedLines.map((l) => l.name).join(' ');
  const tableLines = useSnapshotPart(
    race?.lines ?? noLines,
    `${key}|${race?.evaluations ?? -1}|${stoppedNames}`,
  );

  return (
    <div
      className="widget vae-race"
      data-step={step}
      // The slide's first step shows the race, its second the paper's table.
      data-view={slideStep >= 1 ? 'table' : 'race'}
      data-playing={playing || undefined}
      data-stopped={stoppedNames || undefined}
    >
      <WidgetHeader
        title="VAE race"
        onNewSeed={(seed) => update({ seed })}
        onReset={() => {
          setNotice('');
          run.reset();
        }}
        problems={problems}
        compute={compute}
        save={{
          settings: pictureSettings(formatRaceSettings(state), { step }),
          svg: false,
          tables: [
            {
              label: 'curves',
              name: 'curves',
              columns: RACE_COLUMNS,
              rows: () => (race ? raceCurvesTable(race.lines) : null),
            },
          ],
        }}
      />
      <RaceControls
        state={state}
        playing={playing}
        canRun={run.canRun}
        onChange={update}
        onProblem={setProblem}
        onPlay={onPlay}
        onStep={run.step}
      />
      <p className="widget__notice" role="status">
        {notice}
      </p>
      <DataLoadStatus load={load} info={info} onRetry={retry} />
      {hasCopies ? null : (
        <p className="race-status" role="status">
          Choose an estimator that applies to K = {state.classes} to start a race.
        </p>
      )}
      <RunAlerts error={run.error} stoppedLines={run.stoppedLines} othersGoOn="The others go on." />
      <p className="race-status" aria-live="off">
        Step {step} · T = {race ? race.temperature.toFixed(3) : '…'} ·{' '}
        {achievedSpeed(playing, rate ?? null, state.speed)}
      </p>
      <div className="race-grid">
        <RaceCurves race={race} heldOut={info.heldOut} />
        <RaceImages race={race} />
      </div>
      <PaperTable
        lines={tableLines}
        evaluateEvery={EVALUATE_EVERY}
        datasetLabel={info.label}
        latents={state.latents}
        classes={state.classes}
        credit={info.credit}
      />
    </div>
  );
}
