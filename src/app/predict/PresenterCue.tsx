import type { PredictQuestion, Slide } from '../../deck/types';
import { isResultKey, useFigureResult, type ResultKey } from '../../deck/stores/figureResults';
import { useQuestionState } from './questionStore';
import { judge } from './verdict';

/** The presenter's view of the slide's questions: what V does next, and the figure's answer so far. */
export function PresenterCue({ slide }: { slide: Slide }) {
  const questions = slide.blocks.flatMap((b) =>
    b.kind === 'widget' && b.question ? [b.question] : [],
  );
  if (questions.length === 0) return null;
  return (
    <section className="presenter-panel__question">
      <h2>Question</h2>
      {questions.map((q) => (
        <Cue key={q.id} question={q} />
      ))}
    </section>
  );
}

const nextKey = { hidden: 'V asks it.', asked: 'V reveals the answer.', revealed: 'V hides it.' };

function Cue({ question }: { question: PredictQuestion }) {
  const { stage = 'hidden' } = useQuestionState(question.id);
  const result = useFigureResult(
    isResultKey(question.result) ? question.result : ('' as ResultKey),
  );
  const verdict = judge(question, result, null);
  return (
    <p data-question-cue={question.id}>
      {question.text}{' '}
      <strong>
        Now {stage}: {nextKey[stage]}
      </strong>{' '}
      {verdict.kind === 'judged' ? `The figure so far: ${verdict.why}` : verdict.text}
    </p>
  );
}
