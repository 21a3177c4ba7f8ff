import ExcelJS from "exceljs";
import { quote, spreadsheetText } from "../export/csv";
import { keepText } from "../export/xlsx-text";
import { xmlSafe } from "../export/xml-safe";
import { formatDateTime } from "../i18n/format";
import { auditMessages } from "../i18n/zh-CN/audit";
import { auditActionLabel } from "./audit-actions";
import { describeAudit, describeAuditEntity, describeAuditFilter } from "./audit-sentence";

/**
 * The admin's view of the whole audit log and its export: the filter from the URL, one row as
 * people read it (lib/security/audit-sentence.ts), and the same rows as CSV (UTF-8 with BOM, so
 * Excel opens the Chinese right) or as .xlsx. Pure apart from exceljs; the page, the export route
 * and the tests share it.
 */

const m = auditMessages.log;

export type AuditFilterInput = {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entity?: string;
  ip?: string;
};
export type ParsedAuditFilter = { filter: AuditFilterInput; errors: Partial<Record<"from" | "to", string>> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Reads the filter from query parameters; a bad date is reported for its field and left out. */
export function parseAuditFilter(params: Record<string, unknown>): ParsedAuditFilter {
  const filter: AuditFilterInput = {};
  const errors: ParsedAuditFilter["errors"] = {};
  for (const key of ["from", "to", "actor", "action", "entity", "ip"] as const) {
    const raw = first(params[key]);
    if (typeof raw !== "string") continue;
    const value = raw.trim().slice(0, 200);
    if (!value) continue;
    if (
      (key === "from" || key === "to") &&
      (!DATE.test(value) || Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()))
    ) {
      errors[key] = m.badDate;
      continue;
    }
    filter[key] = value;
  }
  return { filter, errors };
}

/** The filter back as a query string (for the export links). */
export function auditFilterQuery(filter: AuditFilterInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params.toString();
}

export type AuditViewRow = {
  id: number;
  at: Date;
  actorUsername: string | null;
  actorName: string | null;
  actorId: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** What the log found the entity to be (db/queries/audit.ts searchAudit). */
  entityFacts?: readonly string[] | null;
  detail: Record<string, unknown>;
  hash: string;
};

export function actorLabel(row: Pick<AuditViewRow, "actorId" | "actorName" | "actorUsername" | "entityType">): string {
  if (row.actorName) return `${row.actorName}（${row.actorUsername}）`;
  if (row.actorId) return row.actorId;
  // No one signed in: someone trying to, or the system itself (the seed, a command-line task).
  return row.entityType === "sign-in" ? m.unknownActor : auditMessages.system;
}

/** The row as stored: every field its hash covers (db/queries/audit.ts), for an auditor checking the chain from the file. */
const record = (row: AuditViewRow) =>
  JSON.stringify({
    at: row.at.toISOString(),
    actorId: row.actorId,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    detail: row.detail,
  });

/** The columns of both exports, in the view's order; the action keeps its code for filtering in Excel. */
export function exportCells(row: AuditViewRow): string[] {
  return [
    String(row.id),
    formatDateTime(row.at),
    actorLabel(row),
    row.ip ?? "",
    `${auditActionLabel(row.action)}（${row.action}）`,
    describeAuditEntity(row),
    describeAudit(row),
    row.hash,
    record(row),
  ];
}
export const exportHeaders = () => [
  m.columns.id,
  m.columns.at,
  m.columns.actor,
  m.columns.ip,
  m.columns.action,
  m.columns.entity,
  m.columns.detail,
  m.exportColumns.hash,
  m.exportColumns.record,
];

/** The line above an .xlsx export's header: when it was taken, with which filter, how many rows. */
export const exportNote = (filter: AuditFilterInput, rows: number, at: Date = new Date()) =>
  m.exportNote(formatDateTime(at), describeAuditFilter(filter), rows);

/**
 * A cell a spreadsheet would run as a formula (a username typed as "=HYPERLINK(…)" at sign-in) is
 * written as the export CSVs write it (lib/export/csv.ts): shown as typed, never run.
 */
const csvField = (value: string) => quote(spreadsheetText(value));

export function auditCsv(rows: readonly AuditViewRow[]): string {
  const lines = [exportHeaders(), ...rows.map(exportCells)].map((cells) => cells.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function auditXlsx(rows: readonly AuditViewRow[], note: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  const sheet = book.addWorksheet(m.sheetName, { views: [{ state: "frozen", ySplit: 2 }] });
  sheet.addRow([xmlSafe(note)]);
  sheet.addRow(exportHeaders());
  sheet.getRow(2).font = { bold: true };
  // Text cells only (exceljs writes strings as strings, never formulas; formula-like ones stay text
  // when edited), cleaned of characters XML cannot hold.
  for (const row of rows)
    sheet.addRow(exportCells(row).map((cell) => xmlSafe(cell))).eachCell((cell) => keepText(cell));
  [8, 18, 24, 14, 30, 30, 60, 66, 60].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
