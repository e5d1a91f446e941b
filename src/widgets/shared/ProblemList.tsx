import { Fragment, memo } from 'react';
import { IsolatedText } from '../../deck/IsolatedText';
import type { Problems } from './settings';

/** The messages about refused or clamped input, one per link key, shown as an alert. */
export const ProblemList = memo(function ProblemList({ problems }: { problems: Problems }) {
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
});
