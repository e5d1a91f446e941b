import '../shared/widget.css';
import type { WidgetProps } from '../widgetProps';
import { useComputeStatus } from '../shared/ComputeStatus';
import { WidgetHeader } from '../shared/WidgetHeader';
import { pictureSettings } from '../shared/figureFiles';
import { useWidgetState } from '../shared/useWidgetState';
import { useElementWidth } from '../shared/useElementWidth';
import type { Probabilities } from '../../ml/types';
import type { ManyDraws, OneDraw } from '../../ml/gumbelMaxDraws';
import {
  chiSquareText,
  defaultGumbelMaxState,
  formatGumbelMaxState,
  parseGumbelMaxState,
} from './model';
import { useGumbelDraws } from './useGumbelDraws';
import { ProbabilityEditor } from './ProbabilityEditor';
import { OneDrawPanel } from './OneDrawPanel';
import { ManyDrawsPanel } from './ManyDrawsPanel';

const model = {
  parse: parseGumbelMaxState,
  format: formatGumbelMaxState,
  defaults: defaultGumbelMaxState,
};
/** The figure's widest drawing (CSS px); narrower where its box is (a phone). */
const MAX_WIDTH = 540;

/** The Gumbel-max trick, live: edit p, explain one draw, histogram many. */
export function GumbelMax({ active }: WidgetProps) {
  const { state, setState, problems, setProblem, reset } = useWidgetState(model);
  const [measure, boxWidth] = useElementWidth(MAX_WIDTH);
  const W = Math.min(MAX_WIDTH, boxWidth);
  const compute = useComputeStatus();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  const k = state.probabilities.length;
  const { one, many, busy } = useGumbelDraws({ backend, active, ...state });
  // The last finished result, while it still fits the number of classes.
  const shown = many?.counts.length === k ? many : null;
  const test = shown ? chiSquareText(shown.counts, state.probabilities) : null;

  return (
    <div className="widget gumbel-max" data-busy={busy || undefined} ref={measure}>
      <WidgetHeader
        title="Gumbel-max"
        onNewSeed={(seed) => setState((s) => ({ ...s, seed }))}
        onReset={reset}
        problems={problems}
        save={{ settings: pictureSettings(formatGumbelMaxState(state)), svg: true }}
      />
      <ProbabilityEditor
        probabilities={state.probabilities}
        width={W}
        update={(change) => setState((s) => ({ ...s, probabilities: change(s.probabilities) }))}
        onProblem={setProblem}
      />
      <OneDrawPanel
        one={one}
        k={k}
        width={W}
        onDrawAgain={() => setState((s) => ({ ...s, drawIndex: s.drawIndex + 1 }))}
      />
      <ManyDrawsPanel
        shown={shown}
        probabilities={state.probabilities}
        draws={state.draws}
        busy={busy}
        test={test}
        width={W}
        onDraws={(draws) => setState((s) => ({ ...s, draws }))}
        onProblem={setProblem}
      />
      <p className="visually-hidden" aria-live="polite">
        {gumbelSummary(one, shown, test, state.probabilities)}
      </p>
    </div>
  );
}

/** The widget's state in words, for a screen reader. */
function gumbelSummary(
  one: OneDraw | null,
  shown: ManyDraws | null,
  test: string | null,
  probabilities: Probabilities,
): string {
  if (!one) return 'Computing…';
  return (
    `One draw: the largest of log p plus noise is class ${one.winner + 1}.` +
    (shown && test
      ? ` ${shown.n.toLocaleString('en')} draws: ` +
        shown.counts
          .map(
            (c, i) =>
              `class ${i + 1} ${(c / shown.n).toFixed(3)} (p ${probabilities[i]!.toFixed(3)})`,
          )
          .join(', ') +
        `; ${test}.`
      : '')
  );
}
