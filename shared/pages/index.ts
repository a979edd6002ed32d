export { html, raw, escapeHtml, SafeHtml } from './html.ts';
export { layout, type LayoutOptions } from './layout.ts';
export { PASSPORT_CSS } from './style.ts';
