import { useEffect, useEffectEvent } from 'react';
import { temperature, type Temperature } from '../../ml/types';
import { FIGURE_TEMPERATURES, sliderFromTau, tauFromSlider } from './model';

/** One sweep from τ = 0.05 to 10 takes this long (then it comes back). */
const SWEEP_MS = 8000;

/**
 * Play: sweeps τ on the log scale, back and forth, once a frame; with reduced
 * motion it steps through the figure's temperatures once a second instead.
 * Nothing runs while the slide is hidden.
 */
export function useTauPlayback(p: {
  playing: boolean;
  active: boolean;
  reducedMotion: boolean;
  tau: Temperature;
  setTau: (tau: Temperature) => void;
}) {
  const { playing, active, reducedMotion } = p;
  const currentTau = useEffectEvent(() => p.tau);
  const setTau = useEffectEvent((tau: Temperature) => p.setTau(tau));
  useEffect(() => {
    if (!playing || !active) return;
    let frame = 0;
    let last = performance.now();
    let direction = sliderFromTau(currentTau()) >= 1 ? -1 : 1;
    const tick = (now: number) => {
      if (__TEST_HOOKS__) performance.mark('sweep-tick');
      const dt = reducedMotion ? 0 : now - last;
      last = now;
      let s = sliderFromTau(currentTau()) + (direction * dt) / SWEEP_MS;
      if (s >= 1 || s <= 0) {
        direction = -direction;
        s = Math.min(1, Math.max(0, s));
      }
      setTau(tauFromSlider(s));
      frame = requestAnimationFrame(tick);
    };
    if (reducedMotion) {
      // No smooth motion: step through the figure's temperatures once a second.
      const steps = FIGURE_TEMPERATURES;
      let i = 0;
      const timer = window.setInterval(() => {
        i = (i + 1) % steps.length;
        setTau(temperature(steps[i]!));
      }, 1000);
      return () => window.clearInterval(timer);
    }
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, active, reducedMotion]);
}
