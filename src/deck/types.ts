/** What the lecture compiler produces for one slide, and what the deck engine consumes. */

/** Names of the live widgets a slide can embed; each has a folder in `src/widgets/`. */
export type WidgetName =
  | 'estimator-graphs'
  | 'gumbel-max'
  | 'temperature-sweep'
  | 'estimator-lab'
  | 'vae-race'
  | 'paper-table';

/** A piece of a slide, shown from step `step` on (0 is the first step). */
export type SlideBlock =
  | { kind: 'html'; step: number; html: string }
  | {
      kind: 'widget';
      step: number;
      name: WidgetName;
      /** A variant the widget understands, from `@widget name(variant): …`. */
      variant?: string;
      /** One sentence saying what the figure shows: the slot's text alternative. */
      description: string;
      /** A prediction asked before the figure runs (`@predict` after `@widget`). */
      question?: PredictQuestion;
    };

/** A question whose answer the figure computes: `@predict result-key: text` and its choices. */
export interface PredictQuestion {
  /** Unique in the deck: the slide's id and the result key (answers are stored under it). */
  id: string;
  /** Which of the figure's published results decides it (see `deck/stores/figureResults.ts`). */
  result: string;
  /** Judge the figure's values at this training step (else at its latest ones). */
  atStep?: number;
  /** The question, as HTML (it may hold math). */
  html: string;
  /** The question as plain text (for labels). */
  text: string;
  /** The choices, each a value the result measures and its words. */
  choices: { key: string; text: string }[];
}

/** How a slide arranges its blocks on the 16:9 stage. */
export type SlideLayout =
  /** Blocks flow top to bottom. */
  | 'flow'
  /** Text on the left, widgets on the right. */
  | 'split'
  /** A title-slide arrangement, centred. */
  | 'title';

export interface Slide {
  /** Unique, readable slug used in the URL hash (`#/gumbel-max/2`). */
  id: string;
  /** The section the slide belongs to, shown in the status bar. */
  section: string;
  /** The slide's heading as plain text (for the overview, hash notices and labels). */
  title: string;
  /** The heading as HTML (it may hold typeset math). */
  titleHtml: string;
  layout: SlideLayout;
  /** Number of incremental steps, at least 1. */
  steps: number;
  blocks: SlideBlock[];
  /** Speaker notes as HTML (empty when the slide has none). */
  notesHtml: string;
}
