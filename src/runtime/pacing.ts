/**
 * How the training worker spends time: pure, so it is unit-tested. A run
 * plays at a speed in steps per second (a token bucket), in slices of about
 * one frame, and posts at most one snapshot per frame, and only once the view
 * has taken the previous one.
 */

/** One slice of steps lasts about this long before the worker looks at its messages and posts. */
export const SLICE_MS = 16;
/** The shortest time between two snapshots while playing (one frame at 60 Hz). */
export const FRAME_MS = 16;

/** Steps per second at a speed setting: the old "steps per frame" at 60 frames per second. */
export const STEPS_PER_SECOND_PER_SPEED = 60;
export const stepsPerSecondAt = (speed: number) => speed * STEPS_PER_SECOND_PER_SPEED;

/**
 * A token bucket of steps: `rate` steps per second accrue, at most one
 * slice's worth plus one, so a run slower than its speed never bursts to
 * catch up and a resumed run does not spend the pause.
 */
export class StepPacer {
  private credit = 1;
  private last: number;

  constructor(
    private rate: number,
    now: number,
  ) {
    this.last = now;
  }

  setRate(rate: number): void {
    this.rate = rate;
  }

  private get cap(): number {
    return 1 + (this.rate * SLICE_MS) / 1000;
  }

  /** Whole steps due at `now`. */
  due(now: number): number {
    this.credit = Math.min(this.cap, this.credit + ((now - this.last) * this.rate) / 1000);
    this.last = now;
    return Math.floor(this.credit);
  }

  spend(steps: number): void {
    this.credit -= steps;
  }

  /** ms until the next whole step is due (0 if one is due now). */
  waitMs(): number {
    return this.credit >= 1 ? 0 : ((1 - this.credit) * 1000) / this.rate;
  }
}

/**
 * When to post a snapshot: only when there is news, and, while playing, only
 * when the view has taken the previous one (acknowledged it) or a frame has
 * passed since it was posted. So a busy page is never flooded (the page keeps
 * only the latest and draws once a frame), and a step that took longer than
 * a frame is shown as soon as it is applied, before the next one starts. At
 * rest (paused, a single step, a measurement) news goes out at once.
 */
export class SnapshotGate {
  private waitingForAck = false;
  private lastPost = -Infinity;
  private news = false;

  changed(): void {
    this.news = true;
  }

  acknowledged(): void {
    this.waitingForAck = false;
  }

  /** Forget the unacknowledged snapshot (the view went away and came back). */
  reset(): void {
    this.waitingForAck = false;
    this.news = true;
  }

  /** Whether to post now; if so, the snapshot counts as posted. */
  shouldPost(now: number, playing: boolean): boolean {
    if (!this.news) return false;
    if (playing && this.waitingForAck && now - this.lastPost < FRAME_MS) return false;
    this.news = false;
    this.waitingForAck = true;
    this.lastPost = now;
    return true;
  }
}

/**
 * The achieved speed: steps per second of wall-clock time over the last few
 * seconds of playing. `restart()` when playing starts again, so that the time
 * at rest does not count.
 */
export class RateMeter {
  private marks: { at: number; step: number }[] = [];
  private rate: number | null = null;

  constructor(private readonly windowMs = 3000) {}

  /** The run reached `step` at time `now` (ms). */
  record(step: number, now: number): void {
    this.marks.push({ at: now, step });
    while (this.marks.length > 2 && now - this.marks[0]!.at > this.windowMs) this.marks.shift();
    const first = this.marks[0]!;
    if (now > first.at) this.rate = ((step - first.step) * 1000) / (now - first.at);
  }

  restart(): void {
    this.marks = [];
  }

  /** Steps per second, or null before two marks. */
  get stepsPerSecond(): number | null {
    return this.rate;
  }
}

/** The status line's speed: what a playing run achieves against its cap, or "paused". */
export function achievedSpeed(playing: boolean, stepsPerSecond: number | null, speed: number) {
  if (!playing) return 'paused';
  const achieved = stepsPerSecond === null ? '…' : stepsPerSecond.toFixed(0);
  return `${achieved} steps/s (at most ${stepsPerSecondAt(speed)})`;
}
