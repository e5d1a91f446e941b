import katex from 'katex';
import { lectureMacros, normalizeLectureTex } from './macros.ts';

/**
 * Typesets TeX in the lecture's notation to HTML with KaTeX's MathML beside it
 * (screen readers read the MathML). Throws on a TeX error so that a typo in the
 * lecture fails the build instead of showing red text in class.
 */
export function renderTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(normalizeLectureTex(tex), {
    displayMode,
    output: 'htmlAndMathml',
    throwOnError: true,
    strict: 'error',
    macros: { ...lectureMacros },
  });
}
