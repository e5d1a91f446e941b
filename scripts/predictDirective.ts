/**
 * The `@predict` directive of the lecture's Markdown (syntax in
 * `src/lecture/README.md`): a question written right after the `@widget` line
 * of the figure that answers it, and its choices, one `- key: words` line each.
 * Every mistake is an error with the file and line of the directive.
 */
import type { PredictQuestion, WidgetName } from '../src/deck/types.ts';
import {
  figureResultSpecs,
  isResultKey,
  type ResultKey,
} from '../src/deck/stores/figureResults.ts';

import { LectureError } from './lectureError.ts';

const directive = /^@predict\s+([a-z0-9-]+)(?:\s+at\s+step\s+([\d,]+))?\s*:\s*(\S.*)$/;
const choiceLine = /^-\s+([a-z0-9-]+)\s*:\s*(\S.*)$/;

/** A question being read: it takes its choice lines, then is finished by its figure. */
export interface PredictDraft {
  where: string;
  /** Takes the line if it is one of the question's choices; false for any other line. */
  takeChoice: (line: string) => boolean;
  /** The question for the figure `widget` on slide `slideId`; `inline` turns Markdown into HTML. */
  finish: (widget: WidgetName, slideId: string, inline: (md: string) => string) => PredictQuestion;
}

export function parsePredict(line: string, where: string): PredictDraft {
  const match = directive.exec(line.trim());
  if (!match) {
    throw new LectureError(
      `${where}: write "@predict result-key: the question?" (optionally "@predict result-key at step 2000: …")`,
    );
  }
  const [, result = '', step, text = ''] = match;
  if (!isResultKey(result)) {
    throw new LectureError(
      `${where}: no figure publishes the result "${result}" (use ${Object.keys(figureResultSpecs).join(', ')})`,
    );
  }
  const known: readonly string[] = figureResultSpecs[result].choices;
  const atStep = step === undefined ? undefined : Number(step.replace(/,/g, ''));
  if (atStep !== undefined && !Number.isSafeInteger(atStep)) {
    throw new LectureError(`${where}: "at step ${step}" needs a whole number`);
  }
  const choices: { key: string; text: string }[] = [];
  let choicesOver = false;
  return {
    where,
    takeChoice(l) {
      if (choicesOver || !l.startsWith('-')) {
        // A blank line or any text ends the list of choices.
        choicesOver = true;
        return false;
      }
      const choice = choiceLine.exec(l.trim());
      if (!choice)
        throw new LectureError(`${where}: write each choice as "- key: words", not "${l}"`);
      const [, key = '', words = ''] = choice;
      if (!known.includes(key)) {
        throw new LectureError(
          `${where}: "${key}" is not a value of "${result}" (use ${known.join(', ')})`,
        );
      }
      if (choices.some((c) => c.key === key)) {
        throw new LectureError(`${where}: the choice "${key}" is listed twice`);
      }
      choices.push({ key, text: words.trim() });
      return true;
    },
    finish(widget, slideId, inline) {
      const spec = figureResultSpecs[result as ResultKey];
      if (spec.widget !== widget) {
        throw new LectureError(
          `${where}: "${result}" is computed by ${spec.widget}, not by the ${widget} above it`,
        );
      }
      if (choices.length < 2) {
        throw new LectureError(`${where}: a question needs at least two "- key: words" choices`);
      }
      return {
        id: `${slideId}/${result}`,
        result,
        ...(atStep === undefined ? {} : { atStep }),
        html: inline(text.trim()),
        text: text.replace(/[$*_`\\]/g, '').trim(),
        choices: choices.map((c) => ({ key: c.key, text: c.text })),
      };
    },
  };
}
