/** Fullscreen on or off; refusals (an iframe without permission, iOS) are reported, not thrown. */
export async function toggleFullscreen(onError: (text: string) => void): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    onError('This browser refused fullscreen here; try its own fullscreen key (often F11).');
  }
}
