/**
 * The training worker: tfjs off the page's main thread. It chooses its
 * backend with the same plan and fallbacks as the page would (WebGL through
 * OffscreenCanvas, else wasm, else cpu), reports it, and hosts the live
 * training runs (see trainingHost.ts).
 */
import * as tf from '../ml/tfjs';
import { initBackend, onBackendChange, type BackendInfo } from '../ml/backend';
import { parseCommand, type Report } from './protocol';
import { TrainingHost } from './trainingHost';
import { createRaceRun } from '../widgets/vae-race/raceRun';
import { createLabRun } from '../widgets/estimator-lab/labRun';
import { createTableRun } from '../widgets/paper-table/tableJob';

const post = (report: Report) => self.postMessage(report);
let backend: Promise<BackendInfo> | null = null;

const host = new TrainingHost({
  post,
  kinds: { race: createRaceRun, lab: createLabRun, table: createTableRun, task: createTableRun },
  ready: () => backend ?? (backend = initBackend(null)),
});

onBackendChange((info) => post({ type: 'backend', info }));

self.onmessage = (event: MessageEvent) => {
  const command = parseCommand(event.data);
  if (typeof command === 'string') return post({ type: 'error', key: null, message: command });
  if (command.type === 'init') {
    backend ??= initBackend(command.backend);
    backend.then(
      (info) => post({ type: 'backend', info }),
      (error: unknown) => post({ type: 'backend-failed', error: String(error) }),
    );
  } else if (command.type === 'memory') {
    const { numTensors, numBytes } = tf.memory();
    post({ type: 'memory', id: command.id, numTensors, numBytes });
  } else host.handle(command);
};
