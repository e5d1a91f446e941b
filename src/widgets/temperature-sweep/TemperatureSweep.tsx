import { useMemo } from 'react';
import '../shared/widget.css';
import type { WidgetProps } from '../widgetProps';
import { useComputeStatus } from '../shared/ComputeStatus';
import { WidgetHeader } from '../shared/WidgetHeader';
import { pictureSettings } from '../shared/figureFiles';
import { useWidgetState } from '../shared/useWidgetState';
import { usePlaying } from '../../deck/stores/playing';
import { useThemeName } from '../shared/useThemeName';
import { useMediaQuery } from '../../deck/stores/useMediaQuery';
import { defaultSweepState, formatSweepState, parseSweepState } from './model';
import { relaxedSamples } from '../../ml/fixedNoiseSamples';
import { useSweepNoise } from './useSweepNoise';
import { useTauPlayback } from './useTauPlayback';
import { SevenClassFigure } from './SevenClassFigure';
import { SimplexPanel } from './SimplexPanel';
import { usePublishResult } from '../../deck/stores/figureResults';
import { lowTemperatureResult } from './lowTemperatureResult';

const model = { parse: parseSweepState, format: formatSweepState, defaults: defaultSweepState };

/** Jang et al.'s Fig. 1, live, and the three-class simplex swept by the temperature T. */
export function TemperatureSweep({ active }: WidgetProps) {
  const { state, setState, problems, setProblem, reset } = useWidgetState(model);
  const compute = useComputeStatus();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const theme = useThemeName();
  const [playing, setPlaying] = usePlaying('temperature-sweep');
  const { figureNoise, simplexNoise } = useSweepNoise(
    backend !== null && active,
    backend,
    state.seed,
    state.points,
  );
  useTauPlayback({
    playing,
    active,
    reducedMotion,
    tau: state.tau,
    setTau: (tau) => setState((old) => ({ ...old, tau })),
  });

  const samples = useMemo(() => {
    if (!simplexNoise) return null;
    return relaxedSamples(
      state.simplexPi.map(Math.log),
      simplexNoise,
      state.tau,
      new Float32Array(simplexNoise.length),
    );
  }, [simplexNoise, state.simplexPi, state.tau]);

  // Where the samples lie at T = 0.1, for a question on the slide: the same noise and p.
  const lowT = useMemo(
    () => (simplexNoise ? lowTemperatureResult(state.simplexPi.map(Math.log), simplexNoise) : null),
    [simplexNoise, state.simplexPi],
  );
  usePublishResult('simplex-at-low-t', lowT);

  const summary = samples
    ? `${state.points} Gumbel-Softmax samples at T = ${state.tau.toFixed(2)} with p = (${state.simplexPi.map((x) => x.toFixed(2)).join(', ')}). ` +
      `${Math.round((100 * countNearVertex(samples)) / state.points)}% lie within 0.05 of a vertex.`
    : 'Computing…';

  return (
    <div className="widget temperature-sweep">
      <WidgetHeader
        title="Temperature sweep"
        onNewSeed={(seed) => setState((s) => ({ ...s, seed }))}
        onReset={() => {
          setPlaying(false);
          reset();
        }}
        problems={problems}
        save={{ settings: pictureSettings(formatSweepState(state)), svg: false }}
      />
      <div className="widget__row temperature-sweep__main">
        <SevenClassFigure figureNoise={figureNoise} />
        <SimplexPanel
          state={state}
          setState={setState}
          samples={samples}
          summary={summary}
          playing={playing}
          onPlay={() => setPlaying((p) => !p)}
          theme={theme}
          onProblem={setProblem}
        />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {playing ? '' : summary}
      </p>
    </div>
  );
}

function countNearVertex(samples: Float32Array): number {
  let near = 0;
  for (let r = 0; r < samples.length / 3; r++) {
    if (Math.max(samples[3 * r]!, samples[3 * r + 1]!, samples[3 * r + 2]!) > 0.95) near += 1;
  }
  return near;
}
