/**
 * The slice of Papa Parse (https://www.papaparse.com/docs) the core uses. Declared here and
 * imported through 'papaparse/papaparse.js' because @types/papaparse references Node's types,
 * which would leak Node globals into the ES2022-only core.
 */
declare module 'papaparse/papaparse.js' {
  interface PapaParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  interface PapaParseResult {
    data: string[][];
    errors: PapaParseError[];
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean };
  }
  interface PapaParseConfig {
    delimiter?: string;
    newline?: string;
    quoteChar?: string;
    escapeChar?: string;
    header?: false;
    dynamicTyping?: false;
    skipEmptyLines?: boolean | 'greedy';
    fastMode?: boolean;
  }
  const Papa: {
    parse(input: string, config?: PapaParseConfig): PapaParseResult;
  };
  export default Papa;
}
