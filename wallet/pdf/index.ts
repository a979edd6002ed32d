export { createPassportPdfRouter } from './router.ts';
export { passportPdf } from './passport.ts';
export { renderPassportPdf, formatHours, type PassportPdfContent } from './render.ts';
