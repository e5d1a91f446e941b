/**
 * What every widget receives from its slot: the one contract between the deck
 * and a live figure. A module of its own, so that a widget can name it without
 * importing the registry (which imports every widget).
 */
export interface WidgetProps {
  /** The current step of the slide the widget sits on (widgets may step with the deck). */
  step: number;
  /** False while the widget's slide is not on screen: it must do no work then. */
  active: boolean;
  /** The variant the lecture asked for (`@widget name(variant): …`), if any. */
  variant?: string;
}
