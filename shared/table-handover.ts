/**
 * A table handed over to the analysis, which lets go of it once it has read it: when the caller
 * keeps no other reference, the rows (often most of the memory, a string per cell) are freed
 * before the customers are scored, so memory grows with the customers, not with the file.
 */
export class TableHandover {
  #rows: unknown[][] | null;

  constructor(rows: unknown[][]) {
    this.#rows = rows;
  }

  /** The rows, once; the handover is empty afterwards. */
  take(): unknown[][] {
    const rows = this.#rows;
    if (rows === null) throw new Error('the table was already read');
    this.#rows = null;
    return rows;
  }
}
