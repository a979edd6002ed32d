export { createPassportPdfRouter } from './router.ts';
export { passportPdf, PDF_SHARE_DAYS } from './passport.ts';
export { renderPassportPdf, formatHours, type PassportPdfContent } from './render.ts';
