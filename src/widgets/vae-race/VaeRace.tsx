import { useEffect, useMemo, useRef, useState } from 'react';
import '../shared/widget.css';
import './race.css';
import type { WidgetProps } from '../registry';
import { useComputeStatus } from '../shared/ComputeStatus';
import { WidgetHeader } from '../shared/WidgetHeader';
import { useWidgetState } from '../shared/useWidgetState';
import { usePlaying } from '../shared/playing';
import { useFrameLoop } from '../shared/useFrameLoop';
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
import {
  discardSession,
  EVALUATE_EVERY,
  IMAGES_SHOWN,
  obtainSession,
  RaceSession,
} from './session';
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
  const compute = useComputeStatus();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const info = datasets[state.dataset];
  const [attempt, setAttempt] = useState(0);
  const loadKey = `${info.file}#${attempt}`;
  const [loaded, setLoaded] = useState<{ key: string; state: LoadState } | null>(null);
  const load: LoadState =
    loaded?.key === loadKey ? loaded.state : { status: 'loading', received: 0, total: null };
  const [generation, setGeneration] = useState(0);
  const [version, setVersion] = useState(0);
  const [runError, setRunError] = useState<string | null>(null);
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

  const key = backend ? runKey(state, backend) : null;
  const created = useMemo((): { session: RaceSession | null; error: string | null } => {
    if (!key || load.status !== 'ready') return { session: null, error: null };
    try {
      return {
        session: obtainSession(key, () => new RaceSession(key, state, load.set)),
        error: null,
      };
    } catch (e) {
      return { session: null, error: e instanceof Error ? e.message : String(e) };
    }
    // state is read through key; generation restarts a run after Reset.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, load, generation]);
  const session = created.session;

  // Resume a race that was playing when the slide was left (the session remembers).
  useEffect(() => {
    if (session?.wantsPlay) setPlaying(true);
  }, [session, setPlaying]);
  useEffect(() => {
    session?.rememberPlaying(playing);
  }, [session, playing]);

  useEffect(() => {
    if (__TEST_HOOKS__)
      (
        window as unknown as { __explorer: { vaeRace?: () => RaceSession | null } }
      ).__explorer.vaeRace = () => session;
  }, [session]);

  // The training loop: `speed` steps per animation frame, never while the slide or tab is hidden.
  const running = playing && active && session !== null;
  useEffect(() => {
    if (running) session?.pauseTiming(); // steps/s counts from here, not across the pause
  }, [running, session]);
  useFrameLoop(running, async (stopped) => {
    if (!session) return false;
    try {
      await session.advance(state.speed);
    } catch (e) {
      setRunError(`Training stopped: ${e instanceof Error ? e.message : String(e)}`);
      setPlaying(false);
      return false;
    }
    if (stopped()) return false;
    setVersion((v) => v + 1);
    if (session.finished) setPlaying(false);
    return !session.finished;
  });

  // A new session has its first evaluation (step 0) drawn at once.
  useEffect(() => {
    if (!session || !active || session.evaluation) return;
    void session.advance(0).then(() => setVersion((v) => v + 1));
  }, [session, active]);

  useEffect(() => {
    if (!session) return;
    if (curvesSvg.current) drawCurves(curvesSvg.current, session.lines, 470, 250);
    const evaluation = session.evaluation;
    const side = Math.sqrt(session.race.config.size.pixels);
    const scale = side <= 8 ? 3 : 1;
    const draw = (id: string, pixels: Float32Array | null) => {
      const canvas = canvases.current.get(id);
      if (canvas) drawImageRow(canvas, pixels, IMAGES_SHOWN, side, side, scale);
    };
    draw('originals', evaluation?.originals ?? null);
    session.lines.forEach((line, l) => {
      draw(
        `${line.name}-reconstructions`,
        line.stopped ? null : (evaluation?.reconstructions[l] ?? null),
      );
      draw(`${line.name}-prior`, line.stopped ? null : (evaluation?.priorSamples[l] ?? null));
    });
  }, [session, version]);

  const update = (patch: Partial<RaceSettings>) => {
    setPlaying(false);
    setRunError(null);
    setState((s) => ({ ...s, ...patch }));
  };
  const restart = () => {
    setPlaying(false);
    setRunError(null);
    discardSession();
    setGeneration((g) => g + 1);
  };
  const step = session?.step ?? 0;
  const stopped = session?.lines.filter((l) => l.stopped) ?? [];
  const canRun = session !== null && !session.finished;
  const rate = session?.stepsPerSecond;

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
        onReset={restart}
        problems={problems}
      />
      <RaceControls
        state={state}
        playing={playing}
        canRun={canRun}
        onChange={update}
        onProblem={setProblem}
        onPlay={() => setPlaying((p) => !p)}
        onStep={async () => {
          if (!session) return;
          setPlaying(false);
          await session.advance(1);
          setVersion((v) => v + 1);
        }}
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
      {(created.error ?? runError) && (
        <p className="widget__problem" role="alert">
          {created.error ?? runError}
        </p>
      )}
      {stopped.length > 0 && (
        <p className="widget__problem" role="alert">
          {stopped.map((l) => `${lineLabels[l.name]} ${l.stopped}.`).join(' ')} The others go on.
        </p>
      )}
      <p className="race-status" aria-live="off">
        Step {step} · τ = {session ? session.race.temperature.toFixed(3) : '…'} ·{' '}
        {rate != null && playing ? `${rate.toFixed(0)} steps/s` : 'paused'} · held-out −ELBO every{' '}
        {EVALUATE_EVERY} steps on {info.heldOut} images, one-hot samples for every estimator
      </p>
      <div className="race-grid">
        <figure className="widget__panel">
          <figcaption>
            −ELBO per image: held-out (solid), training with each estimator’s own samples (dashed)
          </figcaption>
          <svg
            ref={curvesSvg}
            role="img"
            aria-label={session ? curvesText(session.lines, step) : 'No run yet'}
          />
          <LineLegend lines={session?.lines ?? []} />
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
          {(session?.lines ?? []).map((l) => (
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
        lines={session?.lines ?? []}
        step={step}
        datasetLabel={info.label}
        latents={state.latents}
        classes={state.classes}
        credit={info.credit}
      />
    </div>
  );
}
