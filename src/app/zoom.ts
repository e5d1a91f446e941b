/**
 * Zooms one figure so it is readable from the back of the room: the element is
 * scaled about its centre to fill most of the window, the rest dimmed. Returns
 * a function that undoes it.
 */
export function zoomElement(element: HTMLElement): () => void {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return () => {};
  const factor = Math.min(
    (0.96 * window.innerWidth) / rect.width,
    (0.9 * window.innerHeight) / rect.height,
  );
  // Translations are in the element's own (stage) pixels: divide by the stage's scale.
  const stageScale = rect.width / element.offsetWidth || 1;
  const dx = (window.innerWidth / 2 - (rect.left + rect.width / 2)) / stageScale;
  const dy = (window.innerHeight / 2 - (rect.top + rect.height / 2)) / stageScale;
  element.classList.add('zoomed');
  element.style.transform = `translate(${dx}px, ${dy}px) scale(${factor})`;
  return () => {
    element.classList.remove('zoomed');
    element.style.transform = '';
  };
}
