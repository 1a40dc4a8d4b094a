// The CRM stand-in: a CSV file with one row per deal registration, keyed by the registration's id.
// A sync updates the rows it knows and appends the new ones; it never duplicates a row, keeps
// rows and columns it did not write (a CRM's own notes, an owner), and replaces the file in one
// rename, so a crash mid-write leaves the previous file whole.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type Row = Record<string, string>;

export interface MergeResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Every row of the file after the merge, in file order. */
  rows: Row[];
  columns: string[];
}

/** Reads the file's rows (none when it does not exist yet). A leading byte-order mark is fine. */
export function readRows(path: string): { columns: string[]; rows: Row[] } {
  if (!existsSync(path)) return { columns: [], rows: [] };
  const text = readFileSync(path, 'utf8');
  const records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  const [header = [], ...body] = records;
  return {
    columns: header,
    rows: body.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i] ?? '']))),
  };
}

/**
 * Merges `incoming` rows into the file at `path` by `key`: a known row gets the incoming values
 * (its other columns kept), a new row is appended; then writes the file. Our `columns` come first,
 * then any the file had besides.
 */
export function mergeRows(path: string, key: string, columns: string[], incoming: Row[]): MergeResult {
  const existing = readRows(path);
  const all = [...columns, ...existing.columns.filter((c) => !columns.includes(c))];
  const byKey = new Map(existing.rows.map((row) => [row[key], row]));
  const result: MergeResult = { added: 0, updated: 0, unchanged: 0, rows: existing.rows, columns: all };
  for (const row of incoming) {
    const known = byKey.get(row[key]);
    if (!known) {
      result.rows.push(row);
      byKey.set(row[key], row);
      result.added++;
    } else if (columns.some((c) => (known[c] ?? '') !== (row[c] ?? ''))) {
      Object.assign(known, row);
      result.updated++;
    } else {
      result.unchanged++;
    }
  }
  const csv = stringify(
    result.rows.map((row) => all.map((c) => row[c] ?? '')),
    { header: true, columns: all, quoted_match: /^\s|\s$/ },
  );
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, csv);
  renameSync(temporary, path);
  return result;
}
