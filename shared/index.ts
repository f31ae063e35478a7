/** The Rapport core: one pure entry point for the CLI, the Sheets add-on and the extension. */
export * from './types';
export * from './settings';
export { analyze, detectKind } from './analyze';
export { AnalyzeError } from './ingest/analyze-error';
export { readTransactions } from './ingest/read-transactions';
export { matchHeaders, fieldOfHeader, HEADER_SYNONYMS, understoodHeaders } from './ingest/headers';
export { formatRowError } from './i18n/messages';
export * from './result-columns';
export { label, formatReason, LABELS } from './i18n/labels';
export { validateLog } from './validate-log';
export type { LogValidation, ValidateLogResult } from './validate-log';
