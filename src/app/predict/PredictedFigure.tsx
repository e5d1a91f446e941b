import { useContext, useId, useState, type ReactNode } from 'react';
import './predict.css';
import type { PredictQuestion } from '../../deck/types';
import { isResultKey, useFigureResult, type ResultKey } from '../../deck/stores/figureResults';
import { answer, setStage, useQuestionState } from './questionStore';
import { PredictViewContext } from './predictView';
import { judge } from './verdict';

/**
 * A live figure with its prediction: the question first, covering the figure,
 * then, once answered or revealed, the figure shows and a line (over its foot
 * on the stage, above it on a phone) says whether the answer was right, and
 * why, from the figure's own result. The figure keeps its place
 * in the tree in every stage, so a question never restarts it.
 */
export function PredictedFigure({
  question,
  children,
}: {
  question: PredictQuestion;
  children: ReactNode;
}) {
  const view = useContext(PredictViewContext);
  const state = useQuestionState(question.id);
  const stage = state.stage ?? view.defaultStage;
  // In a presenter session the room answers aloud: no answer of this browser shows.
  const given = view.answering ? state.answer : null;
  const asking = stage === 'asked' && given === null;
  const cover = view.placement === 'cover';
  const panel =
    stage === 'hidden' ? null : (
      <QuestionPanel
        question={question}
        asking={asking}
        answering={view.answering}
        hideable={cover}
        given={given}
        unsaved={state.unsaved}
      />
    );
  return (
    <div
      className={`predict-host predict-host--${view.placement}`}
      data-question={question.id}
      data-stage={stage}
    >
      {!cover && !asking && panel}
      <div className="predict-host__figure" inert={asking || undefined}>
        {children}
      </div>
      {(cover || asking) && panel}
    </div>
  );
}

function QuestionPanel(p: {
  question: PredictQuestion;
  asking: boolean;
  answering: boolean;
  /** On the stage the verdict covers the figure's foot, so it can be put away. */
  hideable: boolean;
  given: string | null;
  unsaved: boolean;
}) {
  const { question, given } = p;
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const result = useFigureResult(
    isResultKey(question.result) ? question.result : ('' as ResultKey),
  );
  const verdict = judge(question, result, given);
  const textOf = (key: string | null) => question.choices.find((c) => c.key === key)?.text ?? key;
  const heading = (
    <p className="predict__question" id={`${id}-q`}>
      <span className="predict__label">Predict:</span>{' '}
      <span dangerouslySetInnerHTML={{ __html: question.html }} />
    </p>
  );
  if (p.asking && !p.answering) {
    return (
      <section className="predict predict--asking" aria-labelledby={`${id}-q`}>
        {heading}
        <ul className="predict__choices predict__choices--room">
          {question.choices.map((c) => (
            <li key={c.key}>{c.text}</li>
          ))}
        </ul>
        <p className="predict__hint">Ask the room; V reveals what the figure computes.</p>
      </section>
    );
  }
  if (p.asking) {
    return (
      <form
        className="predict predict--asking"
        aria-labelledby={`${id}-q`}
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen !== null) answer(question.id, chosen);
        }}
      >
        {heading}
        <div className="predict__choices" role="radiogroup" aria-labelledby={`${id}-q`}>
          {question.choices.map((c) => (
            <label key={c.key} className="predict__choice">
              <input
                type="radio"
                name={`${id}-choice`}
                value={c.key}
                checked={chosen === c.key}
                onChange={() => setChosen(c.key)}
              />{' '}
              {c.text}
            </label>
          ))}
        </div>
        <p className="predict__actions">
          <button type="submit" disabled={chosen === null}>
            Lock in my answer
          </button>{' '}
          <span className="predict__hint">It cannot be changed; then the figure runs.</span>
        </p>
      </form>
    );
  }
  const outcome =
    verdict.kind === 'waiting'
      ? verdict.text
      : verdict.right === null
        ? verdict.why
        : `${verdict.right ? 'Right.' : 'Not this time.'} ${verdict.why}`;
  return (
    <section
      className={`predict predict--verdict${verdict.kind === 'judged' && verdict.right !== null ? (verdict.right ? ' predict--right' : ' predict--wrong') : ''}`}
      aria-labelledby={`${id}-q`}
      data-verdict={
        verdict.kind === 'judged'
          ? verdict.right === null
            ? 'shown'
            : verdict.right
              ? 'right'
              : 'wrong'
          : 'waiting'
      }
    >
      <p className="predict__question visually-hidden" id={`${id}-q`}>
        Prediction: {question.text}
      </p>
      <p className="predict__answer">
        {given !== null ? (
          <>
            <span className="predict__label">Predicted:</span> <strong>{textOf(given)}</strong>{' '}
            (locked in).
          </>
        ) : p.answering ? (
          <>
            <span className="predict__label">Revealed:</span> no answer was given here.
          </>
        ) : (
          <span className="predict__label">Revealed to the room:</span>
        )}
        {p.unsaved && ' This browser could not store it: it lasts until the page is reloaded.'}{' '}
        <span className="predict__outcome" role="status">
          {outcome}
        </span>{' '}
        {p.hideable && (
          <button
            type="button"
            className="predict__hide"
            onClick={() => setStage(question.id, 'hidden')}
          >
            Hide
          </button>
        )}
      </p>
    </section>
  );
}
