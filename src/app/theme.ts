/** Projector themes, remembered between visits. */

export type Theme = 'light' | 'dark' | 'contrast';
export const themes: readonly Theme[] = ['light', 'dark', 'contrast'];
export const themeNames: Record<Theme, string> = {
  light: 'light',
  dark: 'dark',
  contrast: 'high contrast',
};

const KEY = 'gsx.theme';

/** The remembered theme; storage may be unavailable (private mode, policies). */
export function loadTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(KEY);
    return themes.includes(saved as Theme) ? (saved as Theme) : 'light';
  } catch {
    return 'light';
  }
}

export function applyTheme(theme: Theme, remember = true) {
  document.documentElement.dataset.theme = theme;
  if (!remember) return;
  try {
    window.localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered, but still applied.
  }
}

export const nextTheme = (theme: Theme): Theme =>
  themes[(themes.indexOf(theme) + 1) % themes.length]!;
