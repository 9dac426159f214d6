// Pure catalogue domain: parsing the national catalogue and provinces' templates, fingerprints for re-import.
export * from './types.ts';
export { parseProcessingTime, chooseDefaultTime, formatProcessingTime, approximateWorkingHours } from './processing-time.ts';
export type { DefaultTimeChoice } from './processing-time.ts';
export { parseFee, readVndAmount, amountsInNote, MINIMUM_PLAUSIBLE_FEE_VND } from './fee.ts';
export { parseChannelTable } from './channel-table.ts';
export { parseCatalogueDocuments, parseDocumentLine, splitFormFile } from './documents.ts';
export {
  parseCatalogueProcedure,
  parseCatalogue,
  formatCatalogueReport,
  parseLegalBasis,
  parseResults,
} from './catalogue.ts';
export type {
  CatalogueRecord,
  CatalogueFile,
  CatalogueParseResult,
  CatalogueImport,
  CatalogueImportReport,
  ReviewItem,
} from './catalogue.ts';
export { fingerprintProcedure, canonicalJson } from './fingerprint.ts';
export { readCsv, writeCsv, detectDelimiter, CsvError } from './csv.ts';
export {
  catalogueTemplateColumns,
  buildCatalogueTemplateCsv,
  buildCatalogueTemplateXlsx,
  parseCatalogueTemplateCsv,
  parseCatalogueTemplateXlsx,
  parseCatalogueTemplateRows,
} from './template.ts';
export type { TemplateColumn, TemplateKey, TemplateRowError, TemplateParseResult } from './template.ts';
