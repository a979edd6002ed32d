/** The PDF's colours: those of the pages' stylesheet (shared/pages/style.ts), so paper and screen match. */
export const INK = '#14213d';
export const MUTED = '#5c677d';
export const LINE = '#d9dee7';
export const SHADE = '#f0f3f7';
export const ACCENT = '#0b6e99';
export const OK = '#1b7f3b';
export const BAD = '#b3261e';
export const WARN = '#8a5a00';
