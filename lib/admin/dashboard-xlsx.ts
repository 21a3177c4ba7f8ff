import ExcelJS from "exceljs";
import { xmlSafe } from "../export/xml-safe";
import { keepText } from "../export/xlsx-text";
import { formatDate, formatDateTime } from "../i18n/format";
import { zhCN } from "../i18n/zh-CN";
import { adminMessages } from "../i18n/zh-CN/admin";
import { latenessNotes } from "./lateness";
import type { DashboardRow, DashboardTotals, FigureKey } from "./year-dashboard";

/**
 * The year dashboard as the admin filtered and sorted it, as an Excel sheet: a title, when and
 * with which filter it was taken, one row per department and a totals row. Amounts are number
 * cells (so Excel can add them up again) in 万元 with two decimals; the totals row holds the exact
 * decimal sums, not a formula that a later filter in Excel would change; a figure no department
 * has stated is left empty rather than shown as 0.00.
 */

const m = adminMessages.dashboard;

type Column = {
  header: string;
  width: number;
  kind: "text" | "count" | "amount";
  value: (r: DashboardRow) => string | number | null;
  figure?: FigureKey;
};

const amountColumn = (header: string, figure: FigureKey): Column => ({
  header,
  width: 14,
  kind: "amount",
  value: (r) => r.figures[figure],
  figure,
});

export const dashboardColumns: Column[] = [
  { header: zhCN.common.departmentCode, width: 10, kind: "text", value: (r) => r.departmentCode },
  { header: zhCN.common.department, width: 30, kind: "text", value: (r) => r.departmentName },
  { header: m.desk, width: 10, kind: "text", value: (r) => r.groupName },
  { header: m.state, width: 10, kind: "text", value: (r) => (r.state ? zhCN.states[r.state] : m.notStarted) },
  { header: zhCN.common.revision, width: 6, kind: "count", value: (r) => r.revision },
  { header: m.submittedAt, width: 14, kind: "text", value: (r) => formatDate(r.submittedAt) || null },
  { header: m.approvedAt, width: 14, kind: "text", value: (r) => formatDate(r.approvedAt) || null },
  { header: m.publishedAt, width: 14, kind: "text", value: (r) => formatDate(r.publishedAt) || null },
  { header: m.daysLate, width: 14, kind: "text", value: (r) => latenessNotes(r.lateness, m).join("；") || null },
  { header: m.errors, width: 6, kind: "count", value: (r) => r.findings?.error ?? null },
  { header: m.warnings, width: 6, kind: "count", value: (r) => r.findings?.warning ?? null },
  { header: m.openComments, width: 10, kind: "count", value: (r) => r.openComments },
  amountColumn(m.income, "income"),
  amountColumn(m.expenditure, "expenditure"),
  amountColumn(`${m.threePublic}${m.total}`, "threePublic"),
  amountColumn(m.outbound, "outbound"),
  amountColumn(m.vehiclePurchase, "vehiclePurchase"),
  amountColumn(m.vehicleOperation, "vehicleOperation"),
  amountColumn(m.reception, "reception"),
  amountColumn(m.procurement, "procurement"),
];

function cell(value: string | number | null, kind: Column["kind"]): ExcelJS.CellValue {
  if (value == null || value === "") return null;
  if (kind === "text") return xmlSafe(String(value));
  // A two-decimal string as a number is exact to the cent for display at these magnitudes.
  return typeof value === "number" ? value : Number(value);
}

export type DashboardSheetInput = {
  year: number;
  rows: readonly DashboardRow[];
  totals: DashboardTotals;
  filterNote: string;
  exportedAt: Date;
};

export async function renderDashboardXlsx(input: DashboardSheetInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = input.exportedAt;
  const sheet = workbook.addWorksheet(m.sheetName, { views: [{ state: "frozen", ySplit: 3, xSplit: 2 }] });
  sheet.columns = dashboardColumns.map((c) => ({ width: c.width }));

  sheet.addRow([m.exportTitle(input.year)]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, dashboardColumns.length);
  sheet.addRow([xmlSafe(`${m.exportedAt(formatDateTime(input.exportedAt))}　${input.filterNote}　${m.unit}`)]);
  sheet.mergeCells(2, 1, 2, dashboardColumns.length);
  const header = sheet.addRow(dashboardColumns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };

  const format = (row: ExcelJS.Row) =>
    dashboardColumns.forEach((c, i) => {
      const target = row.getCell(i + 1);
      // A department named "=…" by an admin stays text in the sheet, even once edited.
      keepText(target);
      if (c.kind === "amount") target.numFmt = "#,##0.00";
      if (c.kind !== "text") target.alignment = { horizontal: "right" };
    });
  for (const r of input.rows) format(sheet.addRow(dashboardColumns.map((c) => cell(c.value(r), c.kind))));

  const totals = sheet.addRow(
    dashboardColumns.map((c, i) =>
      i === 0
        ? m.total
        : i === 1
          ? adminMessages.departments.count(input.rows.length)
          : c.figure && input.totals.reporting[c.figure] > 0
            ? Number(input.totals[c.figure])
            : null,
    ),
  );
  totals.font = { bold: true };
  format(totals);
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: dashboardColumns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
