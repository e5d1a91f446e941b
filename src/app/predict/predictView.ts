import { createContext } from 'react';
import type { QuestionStage } from './questionStore';

/** How the questions of this window are shown. */
export interface PredictView {
  /** The stage of a question nobody has moved on: asked on a phone, hidden on the stage until `V`. */
  defaultStage: QuestionStage;
  /** Cover the figure while asking (the stage's fixed slide), or sit above it (the reading view). */
  placement: 'cover' | 'inline';
  /**
   * Whether this window takes an answer: not in a presenter session, where the
   * room answers aloud and a lecturer's rehearsal answer must not show.
   */
  answering: boolean;
}

export const PredictViewContext = createContext<PredictView>({
  defaultStage: 'hidden',
  placement: 'cover',
  answering: true,
});
