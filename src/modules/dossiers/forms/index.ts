// The one-stop forms 01–06 rendered from plain data (no database): PDF buffers, and XLSX for the register.
export { renderForm01, receiptQrText, FORM_01_TITLE } from './form01-receipt.ts';
export { renderForm02, FORM_02_TITLE } from './form02-supplement.ts';
export { renderForm03, FORM_03_TITLE } from './form03-refusal.ts';
export { renderForm04, FORM_04_TITLE } from './form04-apology.ts';
export { renderForm05, FORM_05_TITLE } from './form05-control-sheet.ts';
export { renderRegisterPdf, renderRegisterXlsx, registerPeriod, FORM_06_TITLE } from './form06-register.ts';
export { CHANNEL_LABELS, COPY_TYPE_LABELS, RESULT_LABELS } from './common.ts';
export type * from './types.ts';
