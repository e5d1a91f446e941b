import { SaveMenu } from '../shared/SaveMenu';
import { pictureSettings } from '../shared/figureFiles';
import { formatLabSettings, type LabSettings } from './model';
import type { LabSnapshot } from './labRun';
import type { SweepPoint } from './probe';
import {
  CURVE_COLUMNS,
  ESTIMATE_COLUMNS,
  labCurvesTable,
  labEstimatesTable,
  labSweepTable,
  SWEEP_COLUMNS,
} from './tables';

/** The lab's Save menu: its picture, and its numbers as three CSV tables. */
export function LabSaveMenu(p: {
  settings: LabSettings;
  lab: LabSnapshot | null;
  probe: LabSnapshot['probe'];
  sweep: readonly SweepPoint[] | null;
  bestClass: number;
}) {
  const { lab, probe, sweep } = p;
  return (
    <SaveMenu
      settings={pictureSettings(formatLabSettings(p.settings), { step: lab?.step ?? 0 })}
      svg
      tables={[
        {
          label: 'training curves',
          name: 'curves',
          columns: CURVE_COLUMNS,
          rows: () => (lab ? labCurvesTable(lab.lines) : null),
        },
        {
          label: 'estimates',
          name: 'estimates',
          columns: ESTIMATE_COLUMNS,
          rows: () => (probe ? labEstimatesTable(probe, p.bestClass) : null),
        },
        {
          label: 'T sweep',
          name: 'sweep',
          columns: SWEEP_COLUMNS,
          rows: () => (sweep ? labSweepTable(sweep) : null),
        },
      ]}
    />
  );
}
