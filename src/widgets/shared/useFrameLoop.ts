import { useEffect, useEffectEvent } from 'react';

/**
 * While `running`, does `work` once per animation frame, one frame after the
 * other: the next frame is asked for only when this one's work has finished,
 * so slow work lowers the frame rate instead of piling up. `work` always sees
 * the latest props. It gets `stopped()`, true once `running` turned false or
 * the widget went away meanwhile (then it should change nothing more), and
 * returns whether to go on.
 */
export function useFrameLoop(
  running: boolean,
  work: (stopped: () => boolean) => Promise<boolean>,
): void {
  const onFrame = useEffectEvent(work);
  useEffect(() => {
    if (!running) return;
    let frame = 0;
    let stopped = false;
    const tick = async () => {
      if ((await onFrame(() => stopped)) && !stopped)
        frame = requestAnimationFrame(() => void tick());
    };
    frame = requestAnimationFrame(() => void tick());
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
    };
  }, [running]);
}
