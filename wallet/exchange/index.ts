export { createExchangeRouter } from './router.ts';
export { exportPassport, EXPORT_TYPE, type PassportExport } from './export.ts';
export { importPassport, type ImportResult } from './import.ts';
