/**
 * How a prediction is judged: by the values the figure published (never by a
 * stored answer). Pure, so the rules are unit-tested: the point judged, ties,
 * choices the figure did not measure, and the one sentence that says why.
 */
import type { PredictQuestion } from '../../deck/types';
import type { FigureResult } from '../../deck/stores/figureResults';

export type Verdict =
  /** Nothing to judge yet: the figure has not computed it (or not reached the step). */
  | { kind: 'waiting'; text: string }
  | {
      kind: 'judged';
      /** The choices with the best value (more than one on an exact tie). */
      winners: string[];
      /** Whether the given answer is among them; null without an answer. */
      right: boolean | null;
      /** Why, in one sentence with the figure's numbers. */
      why: string;
    };

export function formatValue(value: number, format: FigureResult['format']): string {
  return format === 'percent' ? `${Math.round(100 * value)}%` : value.toFixed(format.digits);
}

export function judge(
  question: Pick<PredictQuestion, 'choices' | 'atStep'>,
  result: FigureResult | null,
  answer: string | null,
): Verdict {
  if (!result || result.points.length === 0) {
    return { kind: 'waiting', text: 'The figure has not computed its answer yet.' };
  }
  const last = result.points.at(-1)!;
  const at = question.atStep;
  const point = at === undefined ? last : result.points.find((p) => p.step === at);
  if (!point) {
    return {
      kind: 'waiting',
      text:
        last.step > at!
          ? `The figure has no measurement at step ${at!.toLocaleString('en')}; reset it and train again.`
          : `The answer comes at step ${at!.toLocaleString('en')}; the figure is at step ${last.step.toLocaleString('en')}.`,
    };
  }
  const measured = question.choices
    .map((c) => ({ ...c, value: point.values[c.key] }))
    .filter((c): c is typeof c & { value: number } => Number.isFinite(c.value));
  if (measured.length < 2) {
    return {
      kind: 'waiting',
      text: 'With these settings the figure measures fewer than two of the choices.',
    };
  }
  const sign = result.best === 'lowest' ? 1 : -1;
  measured.sort((a, b) => sign * (a.value - b.value));
  const bestValue = measured[0]!.value;
  const winners = measured.filter((c) => c.value === bestValue);
  const names = winners.map((w) => w.text).join(' and ');
  const step = at === undefined ? '' : ` at step ${at.toLocaleString('en')}`;
  const context = result.context ? ` ${result.context}` : '';
  const list = measured.map((c) => `${c.text} ${formatValue(c.value, result.format)}`).join(', ');
  const why =
    `${names} ${winners.length > 1 ? 'share' : 'has'} the ${result.best} ` +
    `${result.measure}${step}${context}: ${list}.`;
  return {
    kind: 'judged',
    winners: winners.map((w) => w.key),
    right: answer === null ? null : winners.some((w) => w.key === answer),
    why,
  };
}
