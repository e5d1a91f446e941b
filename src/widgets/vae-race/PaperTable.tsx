import { memo } from 'react';
import { estimatorById, type EstimatorId } from '../../ml/estimators/registry';
import type { RaceLine } from '../../ml/vaeObjective';
import { paperColumns as columns, paperRows, starNote } from '../shared/paperTable1';
import type { LineHistory } from './raceRun';

interface PaperTableProps {
  lines: readonly LineHistory[];
  /** How often the held-out −ELBO is evaluated, in steps. */
  evaluateEvery: number;
  datasetLabel: string;
  latents: number;
  classes: number;
  /** Where the browser's data comes from. */
  credit: string;
}

/** The paper's Table 1 with this browser's held-out −ELBO as the last row (memoized: it changes with an evaluation). */
export const PaperTable = memo(function PaperTable({
  lines,
  evaluateEvery,
  datasetLabel,
  latents,
  classes,
  credit,
}: PaperTableProps) {
  const ours = (name: RaceLine | null) => {
    const line = lines.find((l) => l.name === name);
    if (!line) return '—';
    const last = line.heldOut.values.at(-1);
    const text = last === undefined ? '…' : last.toFixed(1);
    return line.stopped ? `${text} (stopped)` : text;
  };
  const exact = lines.find((l) => l.name === 'exact');
  // Estimators the paper has no column for (those since 2017) get one of their own where they ran.
  const extra = lines
    .map((l) => l.name)
    .filter((n): n is EstimatorId => n !== 'exact' && !estimatorById(n).paperColumn)
    .map((id) => ({ id, label: estimatorById(id).label }));
  // The numbers come from the latest evaluation, not from the live step.
  const evaluatedAt = Math.max(-1, ...lines.map((l) => l.heldOut.steps.at(-1) ?? -1));
  // Three or more columns of ours do not fit the stage at 17 px: they go to a table of their
  // own under the paper's, a column each and the race's numbers as its one row.
  const apart = extra.length >= 3;
  const beside = apart ? [] : extra;
  const ourRowHead = (
    <th scope="row">
      This browser: {datasetLabel}, {latents}×{classes} VAE, held-out −ELBO (evaluated every{' '}
      {evaluateEvery} steps) {evaluatedAt < 0 ? 'not evaluated yet' : `at step ${evaluatedAt}`}
    </th>
  );
  return (
    <div className={apart ? 'race-table race-table--apart' : 'race-table'}>
      <table>
        <caption>
          Table 1 of Jang, Gu &amp; Poole (2017), MNIST, and this browser’s race: −ELBO or NLL in
          nats, lower is better
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            {columns.map((c) => (
              <th scope="col" key={c.label}>
                {c.label}
              </th>
            ))}
            {beside.map((c) => (
              <th scope="col" key={c.id} title="ours, not in the paper">
                {c.label}‡
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paperRows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.values.map((v, i) => (
                <td key={i}>
                  {v === null ? '—' : v.toFixed(1)}
                  {row.starred === i ? '*' : ''}
                </td>
              ))}
              {beside.map((c) => (
                <td key={c.id}>—</td>
              ))}
            </tr>
          ))}
          <tr className="race-table__ours">
            {ourRowHead}
            {columns.map((c) => (
              <td key={c.label}>{c.ours ? ours(c.ours) : '—'}</td>
            ))}
            {beside.map((c) => (
              <td key={c.id}>{ours(c.id)}</td>
            ))}
          </tr>
        </tbody>
      </table>
      {apart ? (
        <table className="race-table__since">
          <caption>‡ Estimators since 2017, not in the paper: this browser’s race</caption>
          <thead>
            <tr>
              {extra.map((c) => (
                <th scope="col" key={c.id} title="ours, not in the paper">
                  {c.label}‡
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="race-table__since-ours">
              {extra.map((c) => (
                <td key={c.id}>{ours(c.id)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      ) : null}
      {/* A phone turns the table: an estimator a row, so that 17 px text fits its width. */}
      <table className="race-table__turned">
        <caption>
          Table 1 of Jang, Gu &amp; Poole (2017) and this browser’s race (
          {evaluatedAt < 0 ? 'not evaluated yet' : `step ${evaluatedAt}`}), lower is better
        </caption>
        <thead>
          <tr>
            <th scope="col">Estimator</th>
            {paperRows.map((row) => (
              <th scope="col" key={row.short}>
                {row.short}
              </th>
            ))}
            <th scope="col">Ours</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c, i) => (
            <tr key={c.label}>
              <th scope="row">{c.label}</th>
              {paperRows.map((row) => (
                <td key={row.short}>
                  {row.values[i] == null ? '—' : row.values[i]!.toFixed(1)}
                  {row.starred === i ? '*' : ''}
                </td>
              ))}
              <td>{c.ours ? ours(c.ours) : '—'}</td>
            </tr>
          ))}
          {extra.map((c) => (
            <tr key={c.id}>
              <th scope="row" title="ours, not in the paper">
                {c.label}‡
              </th>
              {paperRows.map((row) => (
                <td key={row.short}>—</td>
              ))}
              <td>{ours(c.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="race-table__note">
        The paper writes τ for the temperature T and π for the class probabilities p. {starNote} †
        Ours only: a moving-average baseline. The paper trains on 28×28 MNIST for hundreds of
        thousands of steps; compare the order of the estimators here, not the numbers.
        {extra.length > 0
          ? ' ‡ Ours, not in the paper: estimators since 2017, measured in this browser only.'
          : ''}
        {exact ? ` Exact marginalization (unbiased reference): ${ours('exact')}.` : ''} Data:{' '}
        {credit}.
      </p>
    </div>
  );
});
