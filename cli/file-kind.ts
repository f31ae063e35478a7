/**
 * Recognising files that are not delimited text from their first bytes (the "magic numbers" of
 * ZIP/OOXML, OLE2, PNG, JPEG, GIF, PDF, gzip …), so that a workbook or a picture gets "this is an
 * Excel file — save it as CSV" rather than a complaint about missing columns.
 */
import { fill } from '../shared/i18n/messages';
import { texts } from '../shared/i18n/texts';
import type { Lang } from '../shared/types';

interface Magic {
  bytes: readonly number[];
  kind: string;
}

const MAGIC: readonly Magic[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' }, // .xlsx, .ods, .numbers and every other zip
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'zip' }, // empty zip
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'xls' }, // OLE2: .xls, .doc
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'image' }, // PNG
  { bytes: [0xff, 0xd8, 0xff], kind: 'image' }, // JPEG
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'image' }, // GIF8
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' }, // %PDF
  { bytes: [0x1f, 0x8b], kind: 'archive' }, // gzip
  { bytes: [0x42, 0x5a, 0x68], kind: 'archive' }, // bzip2
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: 'archive' }, // 7z
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], kind: 'archive' }, // xz
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'binary' }, // ELF program
];

/**
 * The kind of a non-text file from its first bytes: 'zip' (an .xlsx workbook is a zip), 'xls',
 * 'image', 'pdf', 'archive', 'binary' (NUL bytes in text that is not UTF-16), or null for text.
 * `utf16` says the caller already found a UTF-16 pattern, whose NUL bytes are expected.
 */
export function binaryKind(head: Uint8Array, utf16: boolean): string | null {
  for (const m of MAGIC) if (head.length >= m.bytes.length && m.bytes.every((b, i) => head[i] === b)) return m.kind;
  if (utf16) return null;
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) if (head[i] === 0) return 'binary';
  return null;
}

const TEXT = texts({
  zh: {
    zip: '"{name}" 是 Excel 工作簿 (.xlsx) 或其他压缩文件, 不是 CSV。请在 Excel 中选择 "文件 → 另存为 → CSV UTF-8 (逗号分隔)" 后再分析。',
    xls: '"{name}" 是旧版 Excel 文件 (.xls), 不是 CSV。请在 Excel 中选择 "文件 → 另存为 → CSV UTF-8 (逗号分隔)" 后再分析。',
    image: '"{name}" 是图片, 不是表格。请提供 CSV 或 TSV 文件。',
    pdf: '"{name}" 是 PDF, 不是表格。请从原系统导出 CSV 文件。',
    archive: '"{name}" 是压缩文件。请先解压, 再分析其中的 CSV 文件。',
    binary: '"{name}" 不是文本文件 (含有二进制数据)。请提供 CSV 或 TSV 文件。',
  },
  en: {
    zip: '"{name}" is an Excel workbook (.xlsx) or another zip file, not CSV. In Excel choose File → Save As → "CSV UTF-8 (Comma delimited)", then analyse that file.',
    xls: '"{name}" is an old-style Excel file (.xls), not CSV. In Excel choose File → Save As → "CSV UTF-8 (Comma delimited)", then analyse that file.',
    image: '"{name}" is a picture, not a table. Give Rapport a CSV or TSV file.',
    pdf: '"{name}" is a PDF, not a table. Export the data from its system as CSV.',
    archive: '"{name}" is a compressed file. Unpack it first, then analyse the CSV inside.',
    binary: '"{name}" is not a text file (it holds binary data). Give Rapport a CSV or TSV file.',
  },
});

/** What to tell the user about a file of that kind. */
export function binaryMessage(kind: string, name: string, lang: Lang): string {
  const t = TEXT[lang];
  return fill(Object.hasOwn(t, kind) ? t[kind as keyof typeof t] : t.binary, { name });
}
