import { describe, expect, it } from 'vitest';
import { compileLecture, LectureError } from './compileLecture';
import { lectureSlides } from '../src/lecture';

const slide = (...lines: string[]) =>
  ['id: lab', '# Lab', '', 'Some text.', '', ...lines, '', 'Notes:', 'Say it.'].join('\n');
const widget = '@widget estimator-lab: The toy lab.';

describe('@predict', () => {
  it('attaches a question and its choices to the figure above it', () => {
    const [compiled] = compileLecture(
      slide(
        widget,
        '@predict lab-spread: Whose estimates spread *least*?',
        '- reinforce: REINFORCE',
        '- gumbel-softmax: Gumbel-Softmax',
        '',
        'After the figure.',
      ),
      'lab.md',
    );
    const figure = compiled!.blocks.find((b) => b.kind === 'widget');
    expect(figure).toMatchObject({
      name: 'estimator-lab',
      question: {
        id: 'lab/lab-spread',
        result: 'lab-spread',
        text: 'Whose estimates spread least?',
        choices: [
          { key: 'reinforce', text: 'REINFORCE' },
          { key: 'gumbel-softmax', text: 'Gumbel-Softmax' },
        ],
      },
    });
    expect(figure?.kind === 'widget' && figure.question?.html).toContain('<em>least</em>');
    expect(figure?.kind === 'widget' && figure.question?.atStep).toBeUndefined();
    // The text after the choices is ordinary Markdown again, and no choice leaks into it.
    const html = compiled!.blocks.map((b) => (b.kind === 'html' ? b.html : '')).join('');
    expect(html).toContain('After the figure.');
    expect(html).not.toContain('REINFORCE');
  });

  it('reads "at step N" with a thousands separator', () => {
    const [compiled] = compileLecture(
      [
        '# Race',
        '@widget vae-race: The race.',
        '@predict race-held-out at step 2,000: Lowest?',
        '- reinforce: REINFORCE',
        '- straight-through: ST',
      ].join('\n'),
      'race.md',
    );
    const figure = compiled!.blocks[0];
    expect(figure?.kind === 'widget' && figure.question?.atStep).toBe(2000);
  });

  const failures: [string, string[], RegExp][] = [
    [
      'an unknown result key',
      [widget, '@predict lab-speed: Q?', '- reinforce: R', '- straight-through: S'],
      /no figure publishes the result "lab-speed"/,
    ],
    [
      'a choice the result does not measure',
      [widget, '@predict lab-spread: Q?', '- reinforce: R', '- rebar: REBAR'],
      /"rebar" is not a value of "lab-spread"/,
    ],
    [
      'a malformed choice',
      [widget, '@predict lab-spread: Q?', '- reinforce R'],
      /write each choice as "- key: words"/,
    ],
    ['one choice only', [widget, '@predict lab-spread: Q?', '- reinforce: R'], /at least two/],
    [
      'a choice listed twice',
      [widget, '@predict lab-spread: Q?', '- reinforce: R', '- reinforce: R'],
      /listed twice/,
    ],
    [
      'no figure above',
      ['@predict lab-spread: Q?', '- reinforce: R', '- straight-through: S'],
      /right after the @widget line/,
    ],
    [
      'text between figure and question',
      [widget, 'A word.', '@predict lab-spread: Q?', '- reinforce: R', '- straight-through: S'],
      /right after the @widget line/,
    ],
    [
      'a result of another figure',
      [
        '@widget gumbel-max: G.',
        '@predict lab-spread: Q?',
        '- reinforce: R',
        '- straight-through: S',
      ],
      /computed by estimator-lab, not by the gumbel-max/,
    ],
    [
      'a directive without a question',
      [widget, '@predict lab-spread'],
      /write "@predict result-key: the question\?"/,
    ],
  ];
  it.each(failures)('fails the build with file and line for %s', (_name, lines, message) => {
    const source = slide(...lines);
    const line = source.split('\n').findIndex((l) => l.startsWith('@predict')) + 1;
    expect(() => compileLecture(source, 'lab.md')).toThrow(LectureError);
    expect(() => compileLecture(source, 'lab.md')).toThrow(message);
    expect(() => compileLecture(source, 'lab.md')).toThrow(`lab.md:${line}:`);
  });

  it('counts lines from the start of the file, past earlier slides', () => {
    const source = ['# One', 'Text.', '---', '# Two', widget, '@predict nope: Q?'].join('\n');
    expect(() => compileLecture(source, 'two.md')).toThrow('two.md:6:');
  });

  it('the lecture asks at least three questions, each on its own figure', () => {
    const questions = lectureSlides.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'widget' && b.question ? [b.question] : [])),
    );
    expect(questions.map((q) => q.result).sort()).toEqual([
      'lab-spread',
      'race-held-out',
      'simplex-at-low-t',
    ]);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });
});
