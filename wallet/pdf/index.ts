export { createPassportPdfRouter } from './router.ts';
export { passportPdf } from './passport.ts';
export { renderPassportPdf, type PassportPdfContent } from './render.ts';
