import ExcelJS from "exceljs";

/**
 * Sheets as an admin would prepare them, generated for the tests (server and browser): a city's
 * departments with a title row, the header, and a unit or two each.
 */

export const departmentHeader = [
  "部门编码",
  "部门名称",
  "审核科室",
  "单位名称",
  "单位性质",
  "单位规格",
  "经费保障形式",
];

export type BadRow = { sheetRow: number; why: string };

/**
 * `count` departments coded from `firstCode` (all on desk 一科), each with its own unit; every
 * fifth department also has a 事业 unit on a second row. Row 1 is a title and row 2 the header,
 * so the first department is on sheet row 3. `spoil` lists sheet rows to break and how.
 */
export function departmentSheet(
  count: number,
  opts: { firstCode?: number; spoil?: Record<number, "nature" | "desk" | "name-clash"> } = {},
): { rows: string[][]; bad: BadRow[] } {
  const first = opts.firstCode ?? 7001;
  const rows: string[][] = [["三河市部门名录（批量导入）"], departmentHeader];
  for (let i = 0; i < count; i++) {
    const code = String(first + i);
    const name = `三河市测试部门${code}`;
    rows.push([code, name, "一科", name, "行政", "正科级", "财政拨款"]);
    if (i % 5 === 4) rows.push([code, "", "", `${name}服务中心`, "事业", "股级", "财政补助"]);
  }
  const bad: BadRow[] = [];
  for (const [sheetRow, how] of Object.entries(opts.spoil ?? {})) {
    const row = rows[Number(sheetRow) - 1];
    if (how === "nature") {
      row[4] = "行政单位";
      bad.push({ sheetRow: Number(sheetRow), why: "单位性质“行政单位”应为 行政、参公 或 事业。" });
    } else if (how === "desk") {
      row[2] = "九科";
      bad.push({ sheetRow: Number(sheetRow), why: "审核科室“九科”不存在" });
    } else {
      // The department on the row before takes this row's code under another name.
      const previous = rows[Number(sheetRow) - 2];
      row[0] = previous[0];
      row[1] = `${previous[1]}（重名）`;
      bad.push({
        sheetRow: Number(sheetRow),
        why: `部门编码“${previous[0]}”在第 ${Number(sheetRow) - 1} 行是“${previous[1]}”`,
      });
    }
  }
  return { rows, bad };
}

/** The rows as an .xlsx workbook with one sheet. */
export async function toXlsx(rows: string[][], sheetName = "部门"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The rows as a UTF-8 CSV with a BOM, as Excel saves "CSV UTF-8". */
export function toCsv(rows: string[][]): Uint8Array {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return new TextEncoder().encode(`\uFEFF${rows.map((row) => row.map(quote).join(",")).join("\r\n")}\r\n`);
}
