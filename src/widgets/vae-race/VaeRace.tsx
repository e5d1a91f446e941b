import { useEffect, useRef, useState } from 'react';
import '../shared/widget.css';
import './race.css';
import type { WidgetProps } from '../registry';
import { WidgetHeader } from '../shared/WidgetHeader';
import { pictureSettings } from '../shared/figureFiles';
import { RACE_COLUMNS, raceCurvesTable } from './tables';
import { useWidgetState } from '../shared/useWidgetState';
import { usePlaying } from '../shared/playing';
import { achievedSpeed, stepsPerSecondAt } from '../../runtime/pacing';
import { trainingClient, useTrainingBackend, useTrainingRun } from '../../runtime/useTrainingRun';
import { lineLabels } from '../shared/estimatorLines';
import { LineLegend } from '../shared/RunControls';
import { datasets } from './datasets';
import {
  defaultRaceSettings,
  formatRaceSettings,
  parseRaceSettings,
  runKey,
  type RaceSettings,
} from './model';
import { describeLoadError, loadImageSet, type LoadState } from './loadDataset';
import { EVALUATE_EVERY, IMAGES_SHOWN, type RaceSnapshot } from './session';
import type { RaceRunParams } from './raceRun';
import { curvesText, drawCurves, drawImageRow } from './draw';
import { RaceControls } from './RaceControls';
import { PaperTable } from './PaperTable';

const model = {
  parse: parseRaceSettings,
  format: formatRaceSettings,
  defaults: defaultRaceSettings,
};

/** The paper's experiment in miniature: one VAE per estimator, trained live side by side. */
export function VaeRace({ active }: WidgetProps) {
  const { state, setState, problems, setProblem } = useWidgetState(model);
  const compute = useTrainingBackend();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const info = datasets[state.dataset];
  const [attempt, setAttempt] = useState(0);
  const loadKey = `${info.file}#${attempt}`;
  const [loaded, setLoaded] = useState<{ key: string; state: LoadState } | null>(null);
  const load: LoadState =
    loaded?.key === loadKey ? loaded.state : { status: 'loading', received: 0, total: null };
  const [playing, setPlaying] = usePlaying('vae-race');
  const curvesSvg = useRef<SVGSVGElement>(null);
  const canvases = useRef(new Map<string, HTMLCanvasElement | null>());

  useEffect(() => {
    let stale = false;
    const key = `${info.file}#${attempt}`;
    const set = (state: LoadState) => !stale && setLoaded({ key, state });
    loadImageSet(`${import.meta.env.BASE_URL}${info.file}`, (received, total) =>
      set({ status: 'loading', received, total }),
    ).then(
      (images) => set({ status: 'ready', set: images }),
      (e: unknown) => set({ status: 'error', message: describeLoadError(e) }),
    );
    return () => {
      stale = true;
    };
  }, [info.file, attempt]);

  const key = backend && load.status === 'ready' ? runKey(state, backend) : null;
  const run = useTrainingRun<RaceSnapshot>({
    kind: 'race',
    key,
    params: (): RaceRunParams | null =>
      key && load.status === 'ready' ? { key, settings: state, data: load.set } : null,
    playing,
    setPlaying,
    active,
    stepsPerSecond: stepsPerSecondAt(state.speed),
  });
  const race = run.snapshot;

  useEffect(() => {
    if (!__TEST_HOOKS__) return;
    const client = trainingClient();
    (window as unknown as { __explorer: Record<string, unknown> }).__explorer.vaeRace = () =>
      key === null
        ? null
        : {
            get step() {
              return client.state<RaceSnapshot>(key).snapshot?.step ?? 0;
            },
            injectFault: (line: string) => client.injectFault(key, line),
            memory: () => client.memory(),
          };
  }, [key]);

  useEffect(() => {
    if (!race || !curvesSvg.current) return;
    const start = performance.now();
    drawCurves(curvesSvg.current, race.lines, 470, 250);
    // Read by `npm run bench -- responsiveness`: the page's drawing time per snapshot.
    performance.measure('training-draw', { start });
  }, [race]);

  // The images change only with an evaluation (every EVALUATE_EVERY steps) or a stopped line.
  const imagesId = race
    ? `${race.evaluations}|${race.lines.map((l) => (l.stopped ? 1 : 0)).join('')}`
    : '';
  useEffect(() => {
    if (!race) return;
    const evaluation = race.evaluation;
    const side = Math.sqrt(race.pixels);
    const scale = side <= 8 ? 3 : 1;
    const draw = (id: string, pixels: Float32Array | null) => {
      const canvas = canvases.current.get(id);
      if (canvas) drawImageRow(canvas, pixels, IMAGES_SHOWN, side, side, scale);
    };
    draw('originals', evaluation?.originals ?? null);
    race.lines.forEach((line, l) => {
      draw(
        `${line.name}-reconstructions`,
        line.stopped ? null : (evaluation?.reconstructions[l] ?? null),
      );
      draw(`${line.name}-prior`, line.stopped ? null : (evaluation?.priorSamples[l] ?? null));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [imagesId]);

  const update = (patch: Partial<RaceSettings>) => {
    run.setPlaying(false);
    setState((s) => ({ ...s, ...patch }));
  };
  const step = race?.step ?? 0;
  const stopped = race?.lines.filter((l) => l.stopped) ?? [];
  const canRun = race !== null && !race.finished && run.error === null;
  const rate = race?.stepsPerSecond;
  const runError = run.error && `Training stopped: ${run.error}`;

  return (
    <div
      className="widget vae-race"
      data-step={step}
      data-playing={playing || undefined}
      data-stopped={stopped.map((l) => l.name).join(' ') || undefined}
    >
      <WidgetHeader
        title="VAE race"
        onNewSeed={(seed) => update({ seed })}
        onReset={run.reset}
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
        canRun={canRun}
        onChange={update}
        onProblem={setProblem}
        onPlay={() => run.setPlaying(!playing)}
        onStep={run.step}
      />
      {load.status === 'loading' && (
        <p className="race-status">
          <label>
            Loading {info.label}{' '}
            <progress
              max={load.total ?? undefined}
              value={load.total ? load.received : undefined}
            />
          </label>{' '}
          {(load.received / 1024).toFixed(0)} KB
        </p>
      )}
      {load.status === 'error' && (
        <p className="widget__problem" role="alert">
          {load.message}{' '}
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>
            Try again
          </button>
        </p>
      )}
      {runError && (
        <p className="widget__problem" role="alert">
          {runError}
        </p>
      )}
      {stopped.length > 0 && (
        <p className="widget__problem" role="alert">
          {stopped.map((l) => `${lineLabels[l.name]} ${l.stopped}.`).join(' ')} The others go on.
        </p>
      )}
      <p className="race-status" aria-live="off">
        Step {step} · τ = {race ? race.temperature.toFixed(3) : '…'} ·{' '}
        {achievedSpeed(playing, rate ?? null, state.speed)} · held-out −ELBO every {EVALUATE_EVERY}{' '}
        steps on {info.heldOut} images, one-hot samples for every estimator
      </p>
      <div className="race-grid">
        <figure className="widget__panel">
          <figcaption>
            −ELBO per image: held-out (solid), training with each estimator’s own samples (dashed)
          </figcaption>
          <svg
            ref={curvesSvg}
            role="img"
            aria-label={race ? curvesText(race.lines, step) : 'No run yet'}
          />
          <LineLegend lines={race?.lines ?? []} />
        </figure>
        <figure className="widget__panel race-images">
          <figcaption>Reconstructions of held-out images, and samples from the prior</figcaption>
          <div className="race-images__row race-images__head" aria-hidden="true">
            <span />
            <span>reconstructions</span>
            <span>prior samples</span>
          </div>
          <div className="race-images__row">
            <span>held-out images</span>
            <canvas
              ref={(el) => void canvases.current.set('originals', el)}
              role="img"
              aria-label="Six held-out images"
            />
            <span />
          </div>
          {(race?.lines ?? []).map((l) => (
            <div className="race-images__row" key={l.name}>
              <span>{lineLabels[l.name]}</span>
              <canvas
                ref={(el) => void canvases.current.set(`${l.name}-reconstructions`, el)}
                role="img"
                aria-label={`${lineLabels[l.name]}: reconstructions of the six held-out images`}
              />
              <canvas
                ref={(el) => void canvases.current.set(`${l.name}-prior`, el)}
                role="img"
                aria-label={`${lineLabels[l.name]}: six images decoded from prior samples`}
              />
            </div>
          ))}
        </figure>
      </div>
      <PaperTable
        lines={race?.lines ?? []}
        evaluateEvery={EVALUATE_EVERY}
        datasetLabel={info.label}
        latents={state.latents}
        classes={state.classes}
        credit={info.credit}
      />
    </div>
  );
}
