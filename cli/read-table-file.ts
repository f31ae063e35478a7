/**
 * Reads a CSV or TSV file into a table of strings, whatever encoding a sales manager's file has
 * (UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text", GB18030/GBK): detected, not asked.
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeBytes } from '../shared/csv/decode-bytes';
import { parseDelimited } from '../shared/csv/parse-delimited';
import type { Lang } from '../shared/types';

/** An input problem the user must fix; main prints `message` and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface TableFile {
  table: string[][];
  encoding: string;
  delimiter: string;
  bytes: number;
}

export function readTableFile(path: string, lang: Lang = 'en'): TableFile {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw new UsageError(lang === 'zh' ? `"${path}" 是文件夹, 不是文件` : `"${path}" is a folder, not a file`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(lang === 'zh' ? `找不到文件 "${path}"` : `No such file: "${path}"`);
    if (code === 'EACCES') throw new UsageError(lang === 'zh' ? `没有权限读取 "${path}"` : `Not allowed to read "${path}"`);
    throw new UsageError(lang === 'zh' ? `无法读取 "${path}": ${(e as Error).message}` : `Cannot read "${path}": ${(e as Error).message}`);
  }
  if (bytes.length === 0) throw new UsageError(lang === 'zh' ? `文件 "${path}" 是空的` : `The file "${path}" is empty`);
  const { text, encoding } = decodeBytes(bytes);
  const { rows, delimiter } = parseDelimited(text);
  if (rows.length === 0 || rows.every((r) => r.every((c) => c.trim() === '')))
    throw new UsageError(lang === 'zh' ? `文件 "${path}" 没有数据` : `The file "${path}" has no data`);
  return { table: rows, encoding, delimiter, bytes: bytes.length };
}
