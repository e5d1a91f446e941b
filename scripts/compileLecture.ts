/**
 * Build-time compiler of the lecture's Markdown into slides (see
 * `src/lecture/README.md` for the format a lecturer edits). It runs in node, in
 * the Vite plugin and in unit tests, so the browser never loads KaTeX's
 * JavaScript: the math arrives as finished HTML with MathML.
 */
import { Marked } from 'marked';
import { renderTex } from '../src/math/renderTex.ts';
import type { Slide, SlideBlock, SlideLayout, WidgetName } from '../src/deck/types.ts';
import { LectureError } from './lectureError.ts';
import { parsePredict, type PredictDraft } from './predictDirective.ts';

const widgetNames: readonly WidgetName[] = [
  'estimator-graphs',
  'gumbel-max',
  'temperature-sweep',
  'estimator-lab',
  'vae-race',
  'paper-table',
];
const layouts: readonly SlideLayout[] = ['flow', 'split', 'title'];

const marked = new Marked({ gfm: true, breaks: false });

export { LectureError };

/** Replaces `$$…$$` and `$…$` with placeholders, typesets them, and puts them back after Markdown. */
function markdownWithMath(source: string, where: string): string {
  const rendered: string[] = [];
  const hold = (html: string) => `KATEX${rendered.push(html) - 1}X`;
  const withHoles = source
    .replace(/\$\$([\s\S]+?)\$\$/g, (_m, tex: string) => hold(typeset(tex, true, where)))
    .replace(/(?<![\\$])\$([^$\n]+?)\$/g, (_m, tex: string) => hold(typeset(tex, false, where)));
  const html = marked.parse(withHoles, { async: false });
  return html.replace(/KATEX(\d+)X/g, (_m, i: string) => rendered[Number(i)] ?? '');
}

function typeset(tex: string, display: boolean, where: string): string {
  try {
    return renderTex(tex.trim(), display);
  } catch (error) {
    throw new LectureError(`${where}: cannot typeset $${tex}$: ${(error as Error).message}`);
  }
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface Header {
  id?: string;
  section?: string;
  layout?: SlideLayout;
}

/** Compiles one section file (slides separated by `---`) into slides. */
export function compileLecture(source: string, file: string, startSection = ''): Slide[] {
  const slides: Slide[] = [];
  let section = startSection;
  const chunks = source.replace(/\r\n/g, '\n').split(/^---[ \t]*$/m);
  let line = 1;
  for (const chunk of chunks) {
    const where = `${file}:${line + (/^\n*/.exec(chunk)?.[0].length ?? 0)}`;
    const first = line;
    const chunkLines = chunk.split('\n');
    // The line of a directive, for messages that point at it rather than at the slide.
    const lineOf = (text: string) => `${file}:${first + Math.max(0, chunkLines.indexOf(text))}`;
    line += chunkLines.length - 1;
    if (chunk.trim() === '') continue;
    const slide = compileSlide(chunk, where, section, lineOf);
    section = slide.section;
    slides.push(slide);
  }
  return slides;
}

function compileSlide(
  chunk: string,
  where: string,
  section: string,
  lineOf: (text: string) => string = () => where,
): Slide {
  const lines = chunk.replace(/^\n+/, '').split('\n');
  const header: Header = {};
  while (lines.length > 0 && /^(id|section|layout):/.test(lines[0] ?? '')) {
    const [key, ...rest] = (lines.shift() ?? '').split(':');
    const value = rest.join(':').trim();
    if (key === 'layout') {
      if (!layouts.includes(value as SlideLayout)) {
        throw new LectureError(`${where}: unknown layout "${value}" (use ${layouts.join(', ')})`);
      }
      header.layout = value as SlideLayout;
    } else if (key === 'id') header.id = value;
    else header.section = value;
  }
  const headingIndex = lines.findIndex((l) => /^# /.test(l));
  if (headingIndex < 0) throw new LectureError(`${where}: a slide needs a "# Title" line`);
  const titleSource = (lines[headingIndex] ?? '').slice(2).trim();
  lines.splice(headingIndex, 1);

  const title = titleSource.replace(/[$*_`\\]/g, '').trim();
  const id = header.id ?? slugify(title);
  const body = lines.join('\n');
  const [content = '', notes = ''] = body.split(/^Notes:[ \t]*$/m);
  const blocks: SlideBlock[] = [];
  content.split(/^~~~[ \t]*$/m).forEach((stepSource, step) => {
    let text: string[] = [];
    let predict: PredictDraft | null = null;
    const flush = () => {
      const md = text.join('\n').trim();
      if (md) blocks.push({ kind: 'html', step, html: markdownWithMath(md, where) });
      text = [];
    };
    const attachPredict = () => {
      if (!predict) return;
      const draft = predict;
      predict = null;
      const figure = blocks.at(-1);
      if (figure?.kind !== 'widget' || figure.step !== step || text.join('').trim() !== '') {
        throw new LectureError(
          `${draft.where}: @predict must come right after the @widget line of its figure`,
        );
      }
      if (figure.question) {
        throw new LectureError(`${draft.where}: this figure already has a question`);
      }
      figure.question = draft.finish(figure.name, id, (md) =>
        markdownWithMath(md, draft.where)
          .replace(/^<p>|<\/p>\n?$/g, '')
          .trim(),
      );
    };
    for (const l of stepSource.split('\n')) {
      if (predict && predict.takeChoice(l)) continue;
      attachPredict();
      if (l.startsWith('@predict')) {
        predict = parsePredict(l, lineOf(l));
        continue;
      }
      const widget = /^@widget\s+([a-z-]+)(?:\(([a-z0-9-]+)\))?\s*:\s*(.+)$/.exec(l);
      if (!widget) {
        text.push(l);
        continue;
      }
      const name = widget[1] as WidgetName;
      if (!widgetNames.includes(name)) {
        throw new LectureError(
          `${where}: unknown widget "${name}" (use ${widgetNames.join(', ')})`,
        );
      }
      flush();
      const description = (widget[3] ?? '').trim();
      blocks.push(
        widget[2]
          ? { kind: 'widget', step, name, variant: widget[2], description }
          : { kind: 'widget', step, name, description },
      );
    }
    attachPredict();
    flush();
  });
  const titleHtml = markdownWithMath(titleSource, where)
    .replace(/^<p>|<\/p>\n?$/g, '')
    .trim();
  return {
    id,
    section: header.section ?? section,
    title,
    titleHtml,
    layout: header.layout ?? 'flow',
    steps: Math.max(1, ...blocks.map((b) => b.step + 1)),
    blocks,
    notesHtml: notes.trim() ? markdownWithMath(notes.trim(), where) : '',
  };
}
