import type { PredictQuestion, Slide } from '../../deck/types';
import { getStages, nextStage, setStage, type QuestionStage } from './questionStore';

/** The questions of a slide whose figures are shown at `step`. */
export const questionsAt = (slide: Slide, step: number): PredictQuestion[] =>
  slide.blocks.flatMap((b) =>
    b.kind === 'widget' && b.step <= step && b.question ? [b.question] : [],
  );

/**
 * The lecturer's key (V) on a slide: its questions move on together, from the
 * stage they are shown at (`defaultStage` if nobody moved them): asked, then
 * revealed, then hidden. Returns a notice for a slide without a question.
 */
export function advanceQuestions(
  slide: Slide,
  step: number,
  defaultStage: QuestionStage,
): string | null {
  const questions = questionsAt(slide, step);
  if (questions.length === 0) {
    // A question whose figure comes at a later step: say where, not that there is none.
    const later = slide.blocks.find((b) => b.kind === 'widget' && b.question && b.step > step);
    return later
      ? `This slide's question comes with its figure, at step ${later.step + 1}.`
      : 'This slide has no question to ask.';
  }
  const stages = getStages();
  const first = stages[questions[0]!.id] ?? defaultStage;
  const next = nextStage(first);
  for (const q of questions) setStage(q.id, next);
  return next === 'asked'
    ? 'Question asked.'
    : next === 'revealed'
      ? 'Answer revealed.'
      : 'Question hidden.';
}
