import { describe, expect, it } from 'vitest';
import { compileLecture, LectureError } from './compileLecture';
import { lectureSlides } from '../src/lecture';

describe('compileLecture', () => {
  it('splits slides on --- and steps on ~~~, with widgets, layout and notes', () => {
    const slides = compileLecture(
      [
        'id: one',
        'section: First',
        'layout: split',
        '',
        '# One $\\argmax$',
        'Intro with $→θ$.',
        '~~~',
        '@widget gumbel-max: What the figure shows.',
        'Notes:',
        'Say *this*.',
        '---',
        '# Two',
        'Text',
      ].join('\n'),
      'test.md',
    );
    expect(slides).toHaveLength(2);
    const [one, two] = slides;
    expect(one).toMatchObject({ id: 'one', section: 'First', layout: 'split', steps: 2 });
    expect(one!.blocks.map((b) => [b.kind, b.step])).toEqual([
      ['html', 0],
      ['widget', 1],
    ]);
    expect(one!.blocks[1]).toMatchObject({
      name: 'gumbel-max',
      description: 'What the figure shows.',
    });
    expect(one!.titleHtml).toContain('class="katex"');
    expect(one!.blocks[0]).toMatchObject({ html: expect.stringContaining('<math') });
    // →θ is a bold theta, as in the lecture.
    expect(one!.blocks[0]).toMatchObject({ html: expect.stringContaining('boldsymbol') });
    expect(one!.notesHtml).toContain('<em>this</em>');
    expect(two).toMatchObject({ id: 'two', section: 'First', layout: 'flow', steps: 1 });
  });

  it('fails with the file and line on a TeX error, an unknown widget or a missing title', () => {
    expect(() => compileLecture('# A\n\n$\\frac{1}{$', 'a.md')).toThrow(LectureError);
    expect(() => compileLecture('# A\n---\n# B\n$\\nosuchmacro$', 'a.md')).toThrow(/a\.md:3/);
    expect(() => compileLecture('# A\n@widget nope: x', 'a.md')).toThrow(/unknown widget "nope"/);
    expect(() => compileLecture('no title here', 'a.md')).toThrow(/needs a "# Title"/);
  });
});

describe('the lecture', () => {
  it('mirrors the source lecture: its slides, sections and incremental steps in order', () => {
    // Step counts follow the `~~~` of NPFL122 lecture 12 slide by slide; the figure
    // slide of the estimators adds two steps (forward, then backward pass), the toy
    // lab is a slide of our own, and the results slide shows the race, then the
    // paper's table (both at a legible size would not fit one step), and the live Table 1
    // after it is ours (its curves, then its table, each at a step); the appendix
    // (estimators since 2017: a slide of words, then the lab with them) is ours too.
    expect(lectureSlides.map((s) => [s.id, s.steps])).toEqual([
      ['title', 1],
      ['discrete-latent-variables', 3],
      ['estimator-graphs', 3],
      ['estimators', 4],
      ['gumbel-max', 4],
      ['temperature', 2],
      ['gumbel-softmax-estimator', 4],
      ['toy-lab', 1],
      ['results', 2],
      ['results-table', 2],
      ['beyond', 1],
      ['beyond-lab', 1],
      ['credits', 1],
      ['credits-since-2017', 1],
    ]);
    expect(new Set(lectureSlides.map((s) => s.id)).size).toBe(lectureSlides.length);
  });

  it('has a figure slot where the lecture has a figure, and speaker notes on every slide', () => {
    const widgets = lectureSlides.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'widget' ? [`${s.id}:${b.name}`] : [])),
    );
    expect(widgets).toEqual([
      'estimator-graphs:estimator-graphs',
      'gumbel-max:gumbel-max',
      'temperature:temperature-sweep',
      'gumbel-softmax-estimator:estimator-graphs',
      'toy-lab:estimator-lab',
      'results:vae-race',
      'results-table:paper-table',
      'beyond-lab:estimator-lab',
    ]);
    // Each slide's notes say what it is for, what to point at, a question and a misconception.
    for (const slide of lectureSlides) {
      for (const part of ['For:', 'Point at:', 'Ask:', 'Misconception:']) {
        expect(slide.notesHtml, `${slide.id} ${part}`).toContain(part);
      }
    }
  });

  it('credits the lecture, the papers and the data sets', () => {
    // The credits and, after them, the appendix's papers: the last slides.
    const credits = lectureSlides
      .filter((s) => s.id.startsWith('credits'))
      .flatMap((s) => s.blocks.map((b) => (b.kind === 'html' ? b.html : '')))
      .join();
    expect(lectureSlides.at(-1)!.id).toBe('credits-since-2017');
    for (const name of [
      'Milan Straka',
      'CC BY-NC-SA',
      'Jang',
      'Maddison',
      'Bengio',
      'Williams',
      'Gumbel',
      'Kool',
      'Yin',
      'Dong',
      'Paulus',
      'Liu',
      'Tucker',
      'Grathwohl',
      'Fashion-MNIST',
      'Alpaydin',
    ]) {
      expect(credits).toContain(name);
    }
  });
});
