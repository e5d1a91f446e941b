/** The VAE race as a training run of the worker runtime (src/runtime/). */
import type { ImageSet } from '../../ml/imageSet';
import type { RaceLine } from '../../ml/vaeObjective';
import type { TrainingRun } from '../../runtime/trainingRun';
import type { RaceSettings } from './model';
import { RaceSession, type RaceSnapshot } from './session';

/** What the page sends to start a race: its settings and the data set it loaded. */
export interface RaceRunParams {
  key: string;
  settings: RaceSettings;
  data: ImageSet;
}

export function createRaceRun({ key, settings, data }: RaceRunParams): TrainingRun<RaceSnapshot> {
  const session = new RaceSession(key, settings, data);
  return {
    get step() {
      return session.step;
    },
    get finished() {
      return session.finished;
    },
    prepare: () => session.ensureEvaluated(),
    advance: (proceed) => session.advanceGated(proceed),
    // The held-out evaluation is part of advance(), at every EVALUATE_EVERY steps.
    measure: async () => false,
    resumeTiming: () => session.pauseTiming(),
    snapshot: () => session.snapshot(),
    injectFault: (line) => session.injectFault(line as RaceLine),
    dispose: () => session.dispose(),
  };
}
