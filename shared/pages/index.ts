export { html, raw, escapeHtml, SafeHtml } from './html.ts';
export { layout, type LayoutOptions } from './layout.ts';
export { PASSPORT_CSS } from './style.ts';
export { formatNumber, formatHours, formatDate, formatDateRange, formatDateTime, formatTime, shortIdentifier, LOCALES, TIME_ZONE } from './format.ts';
