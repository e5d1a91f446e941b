import { afterEach, describe, expect, it, vi } from 'vitest';

/** A Storage over a Map; `full` makes every write throw, as a full or disabled storage does. */
function memoryStorage(initial: Record<string, string> = {}, full = false): Storage {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException('QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

/** The store afresh, reading the given storages as a page load would. */
async function loadStore(local: Storage, session = memoryStorage()) {
  vi.resetModules();
  vi.stubGlobal('window', { localStorage: local, sessionStorage: session });
  return import('./questionStore');
}

afterEach(() => vi.unstubAllGlobals());

describe('question store', () => {
  it('locks the first answer and keeps it for the next page load', async () => {
    const local = memoryStorage();
    const store = await loadStore(local);
    store.answer('toy-lab/lab-spread', 'gumbel-softmax');
    store.answer('toy-lab/lab-spread', 'reinforce');
    const reloaded = await loadStore(local);
    reloaded.answer('toy-lab/lab-spread', 'straight-through');
    expect(JSON.parse(local.getItem('gsx.predict.answers')!)).toEqual({
      'toy-lab/lab-spread': 'gumbel-softmax',
    });
  });

  it('starts afresh from corrupt storage, and keeps an answer it cannot store until the reload', async () => {
    const corrupt = memoryStorage({
      'gsx.predict.answers': '{not json',
      'gsx.predict.stages': '[1]',
    });
    const store = await loadStore(corrupt);
    expect(store.getStages()).toEqual({});
    const full = await loadStore(memoryStorage({}, true));
    const seen: string[] = [];
    full.subscribeQuestions(() => seen.push('changed'));
    full.answer('q', 'a');
    expect(seen).toEqual(['changed']);
    full.answer('q', 'b'); // still locked, in memory
    expect(seen).toEqual(['changed']);
  });

  it('cycles the stages and takes only valid ones from the other window', async () => {
    const session = memoryStorage();
    const store = await loadStore(memoryStorage(), session);
    expect(['hidden', 'asked', 'revealed'].map((s) => store.nextStage(s as 'hidden'))).toEqual([
      'asked',
      'revealed',
      'hidden',
    ]);
    store.replaceStages({ a: 'asked', b: 'shouted', c: 3 });
    expect(store.getStages()).toEqual({ a: 'asked' });
    expect(JSON.parse(session.getItem('gsx.predict.stages')!)).toEqual({ a: 'asked' });
  });
});
