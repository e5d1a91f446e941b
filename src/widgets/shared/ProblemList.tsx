import { Fragment } from 'react';
import { splitIsolates, type Problems } from './settings';

/** A message with its echoed user text isolated in <bdi>, so it cannot reorder the sentence. */
export function IsolatedText({ text }: { text: string }) {
  return (
    <>
      {splitIsolates(text).map((part, i) =>
        part.isolated ? <bdi key={i}>{part.text}</bdi> : part.text,
      )}
    </>
  );
}

/** The messages about refused or clamped input, one per link key, shown as an alert. */
export function ProblemList({ problems }: { problems: Problems }) {
  const entries = Object.entries(problems);
  if (entries.length === 0) return null;
  return (
    <p className="widget__problem widget__problem--input" role="alert">
      {entries.map(([key, text], i) => (
        <Fragment key={key}>
          {i > 0 && ' '}
          <span data-setting={key}>
            <IsolatedText text={text} />
          </span>
        </Fragment>
      ))}
    </p>
  );
}
