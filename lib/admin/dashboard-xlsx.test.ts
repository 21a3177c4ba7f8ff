import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { hasQuotePrefix } from "../export/xlsx-text";
import { readWorkbookRows } from "../import/xlsx-rows";
import { renderDashboardXlsx } from "./dashboard-xlsx";
import { dashboardTotals, withLateness, type DashboardRecord } from "./year-dashboard";

const figures = {
  income: "1062.44",
  expenditure: "1062.44",
  threePublic: "12.30",
  outbound: null,
  vehiclePurchase: null,
  vehicleOperation: "10.20",
  reception: "2.10",
  procurement: "0.10",
};

function record(code: string, name: string, over: Partial<DashboardRecord> = {}): DashboardRecord {
  return {
    departmentId: code,
    departmentCode: code,
    departmentName: name,
    groupName: "一科",
    disclosureId: code,
    state: "draft",
    revision: 1,
    createdAt: null,
    updatedAt: null,
    submittedAt: null,
    approvedAt: null,
    publishedAt: null,
    figures,
    openComments: 1,
    findings: { error: 2, warning: 3 },
    ...over,
  };
}

describe("renderDashboardXlsx", () => {
  it("writes the rows as shown, lateness in words, and exact totals the sheet shows to the cent (the reader drops grouping)", async () => {
    const rows = withLateness(
      [
        record("434", "三河市人民政府办公室"),
        record("402", '=HYPERLINK("x")', {
          state: "submitted",
          submittedAt: new Date("2021-02-03T02:00:00Z"),
          figures: { ...figures, procurement: "0.20" },
        }),
      ],
      "2021-01-31",
      "2021-02-05",
    );
    const bytes = await renderDashboardXlsx({
      year: 2021,
      rows,
      totals: dashboardTotals(rows),
      filterNote: "筛选：一科",
      exportedAt: new Date("2021-02-05T02:00:00Z"),
    });
    const [sheet] = await readWorkbookRows(bytes);
    expect(sheet[0][0]).toBe("2021年度部门预算信息公开总览");
    expect(sheet[1][0]).toBe("导出时间：2021年2月5日 10:00　筛选：一科　单位：万元");
    expect(sheet[2].slice(0, 4)).toEqual(["部门编码", "部门", "审核科室", "状态"]);
    expect(sheet[3]).toEqual([
      "434",
      "三河市人民政府办公室",
      "一科",
      "草稿",
      "1",
      "",
      "",
      "",
      "逾期 5 天",
      "2",
      "3",
      "1",
      "1062.44",
      "1062.44",
      "12.30",
      "",
      "",
      "10.20",
      "2.10",
      "0.10",
    ]);
    // A name that looks like a formula stays text.
    expect(sheet[4].slice(1, 9)).toEqual([
      '=HYPERLINK("x")',
      "一科",
      "已提交",
      "1",
      "2021年2月3日",
      "",
      "",
      "迟交 3 天",
    ]);
    expect(sheet[5]).toEqual([
      "合计",
      "共 2 个部门",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "2124.88",
      "2124.88",
      "24.60",
      "",
      "",
      "20.40",
      "4.20",
      "0.30",
    ]);
  });

  it("stores a formula-like name with the quote prefix, so editing it in Excel or WPS keeps it text", async () => {
    const rows = withLateness(
      [record("434", "三河市人民政府办公室"), record("402", '＝HYPERLINK("x")')],
      "2021-01-31",
      "2021-02-05",
    );
    const bytes = await renderDashboardXlsx({
      year: 2021,
      rows,
      totals: dashboardTotals(rows),
      filterNote: "",
      exportedAt: new Date("2021-02-05T02:00:00Z"),
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    const name = (n: number) => sheet.getRow(n).getCell(2);
    expect([name(5).value, hasQuotePrefix(name(5))]).toEqual(['＝HYPERLINK("x")', true]);
    expect([name(4).value, hasQuotePrefix(name(4))]).toEqual(["三河市人民政府办公室", false]);
  });
});
