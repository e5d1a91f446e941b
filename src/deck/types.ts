/** What the lecture compiler produces for one slide, and what the deck engine consumes. */

/** Names of the live widgets a slide can embed; each has a folder in `src/widgets/`. */
export type WidgetName =
  'estimator-graphs' | 'gumbel-max' | 'temperature-sweep' | 'estimator-lab' | 'vae-race';

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
    };

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
