import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import {
  type BudgetTables,
  budgetTables,
  computeTable,
  numberedTitle,
  type TableDefinition,
} from "../../domain/budget-tables";
import { classification2020, sanhe2020Tables } from "../../domain/__fixtures__/sanhe-2020-tables";
import { centsToAmount } from "../../domain/money";
import { sheetHeader } from "../../import/budget-tables";

/**
 * Writes e2e/fixtures/sanhe-2020-tables.xlsx from the demo's tables
 * (lib/domain/__fixtures__/sanhe-2020-tables.ts, an ILLUSTRATIVE RECONSTRUCTION of 434's 2020
 * budget, not published data): one sheet per table as budget systems export them — title, 单位
 * line, two header rows (group headings merged over their columns), 类/款 subtotal rows, 合计 row,
 * codes as text, figures as numbers in 万元. Run: `npx tsx lib/tools/tasks/sanhe-tables-xlsx.ts`.
 */

const OUT = fileURLToPath(new URL("../../../e2e/fixtures/sanhe-2020-tables.xlsx", import.meta.url));
const DEPARTMENT = "三河市人民政府办公室";

function addSheet(book: ExcelJS.Workbook, def: TableDefinition, tables: BudgetTables) {
  const catalogue = classification2020();
  const c = computeTable(def, tables[def.id], (kind, code) => catalogue.nameOf(kind, code));
  const header = sheetHeader(def);
  const ws = book.addWorksheet(`表${def.number}`);
  const width = header.length;
  ws.addRow([numberedTitle(def)]);
  ws.mergeCells(1, 1, 1, width);
  const unitRow = Array<string>(width).fill("");
  unitRow[0] = `单位名称：${DEPARTMENT}`;
  unitRow[width - 1] = "单位：万元";
  ws.addRow(unitRow);
  ws.addRow(header.map((h) => h.top));
  ws.addRow(header.map((h) => h.bottom));
  // Merge a heading over its group, and down both rows where it has no group.
  for (let j = 0; j < width; ) {
    let k = j;
    while (k + 1 < width && header[k + 1].top === header[j].top && header[j].top !== header[j].bottom) k++;
    if (k > j) ws.mergeCells(3, j + 1, 3, k + 1);
    else if (header[j].top === header[j].bottom) ws.mergeCells(3, j + 1, 4, j + 1);
    j = k + 1;
  }
  // Line labels and row cells side by side, as 部门收支总表 prints 收入 beside 支出.
  const lineRows = def.lines
    ? def.lines.lines
        .filter((l) => l.key !== "total")
        .concat(def.lines.lines.filter((l) => l.key === "total"))
        .map((l) => [
          `${l.level === 2 ? "其中：" : ""}${l.label}`,
          ...def.lines!.columns.map((col) => Number(centsToAmount(c.lines[l.key][col.key]))),
        ])
    : [];
  const rowCells = def.rows
    ? [
        ...c.rows.map((r) => [
          r.code,
          r.name,
          ...def.rows!.columns.map((col) => Number(centsToAmount(r.values[col.key]))),
        ]),
        [
          "",
          def.lines ? "支出合计" : "合计",
          ...def.rows.columns.map((col) => Number(centsToAmount(c.total[col.key]))),
        ],
      ]
    : [];
  const lineWidth = def.lines ? 1 + def.lines.columns.length : 0;
  for (let i = 0; i < Math.max(lineRows.length, rowCells.length); i++) {
    const left = lineRows[i] ?? Array(lineWidth).fill("");
    const row = ws.addRow([...left, ...(rowCells[i] ?? [])]);
    row.eachCell((cell) => {
      if (typeof cell.value === "number") cell.numFmt = "0.00";
    });
  }
  ws.columns.forEach((col, j) => {
    col.width = header[j]?.role.kind === "name" || header[j]?.role.kind === "lineLabel" ? 34 : 14;
  });
}

export async function writeSanheTablesXlsx(path: string = OUT): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = "budget-disclosure-workbench (illustrative reconstruction)";
  const tables = sanhe2020Tables();
  for (const def of budgetTables) addSheet(book, def, tables);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeSanheTablesXlsx();
  process.stdout.write(`${OUT}\n`);
}
