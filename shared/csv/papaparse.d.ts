// The part of Papa Parse (papaparse, MIT) the core uses. Declared here rather than taken from
// @types/papaparse, which pulls Node's types into the pure core.
declare module 'papaparse' {
  interface ParseConfig {
    delimiter?: string;
    newline?: string;
    quoteChar?: string;
    skipEmptyLines?: boolean | 'greedy';
    fastMode?: boolean;
    preview?: number;
  }
  interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean };
  }
  interface UnparseConfig {
    delimiter?: string;
    newline?: string;
    quotes?: boolean | boolean[];
  }
  const Papa: {
    parse<T = string[]>(input: string, config?: ParseConfig): ParseResult<T>;
    unparse(data: unknown[][], config?: UnparseConfig): string;
  };
  export default Papa;
}
