import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { disclosure as disclosureSchema } from "../../domain/model";
import { importDisclosure, importDisclosureText } from "./import-disclosure";
import { sanhe2020, sanhe2020Text } from "../../domain/__fixtures__/sanhe-2020";

const fixture = sanhe2020Text();
const golden = sanhe2020();

const lines = fixture.split("\n");
const lineOf = (text: string) => lines.indexOf(text) + 1;
const withoutLines = (...numbers: number[]) => lines.filter((_, i) => !numbers.includes(i + 1)).join("\n");

describe("the 2020 三河 fixture", () => {
  const result = importDisclosureText(fixture);
  const d = result.disclosure;

  it("imports to the golden JSON without a problem", () => {
    expect(result.problems).toEqual([]);
    expect(result.readable).toBe(true);
    expect(d).toEqual(golden);
    expect(disclosureSchema.parse(d)).toEqual(d);
  });

  it("holds every part the disclosure has", () => {
    expect(d.department).toEqual({ code: "434", name: "三河市人民政府办公室" });
    expect(d.fiscalYear).toBe(2020);
    expect(d.responsibilities).toHaveLength(16);
    expect(d.orgUnits).toEqual([
      { name: "三河市人民政府办公室", nature: "行政", level: "正科级", fundingForm: "财政拨款" },
    ]);
    expect(d.performance.subGoals).toHaveLength(9);
    expect(d.performance.safeguards).toHaveLength(5);
    expect(d.performance.framework).toBe("2020");
    expect(d.performance.projects).toHaveLength(13);
    expect(d.procurement.items).toHaveLength(3);
    expect(d.glossary).toHaveLength(10);
    expect(d.otherMatters).toBe("我部门无其他需要说明的事项。");
  });

  it("reads 107 indicator rows with all six cells, 一级/二级 filled down", () => {
    const indicators = d.performance.projects.flatMap((p) => p.indicators);
    expect(indicators).toHaveLength(107);
    for (const i of indicators) {
      for (const cell of [i.level1, i.level2, i.name, i.description, i.target.raw, i.basis]) expect(cell).not.toBe("");
    }
    expect(d.performance.projects.every((p) => p.amount === null && p.goal !== "")).toBe(true);
    // The row the source splits with two blank lines after its 指标值.
    const split = d.performance.projects[3].indicators[12];
    expect(split).toMatchObject({
      level1: "满意度指标",
      name: "群众满意度",
      target: { raw: "=90.00%" },
      basis: "三编【2015】10号三河市机构编制委员会关于成立政府金融信用办公室的批复",
    });
  });

  it("reads the figures of sections 2–4 and derives last year's from the stated changes", () => {
    expect(d.budget.income).toEqual({
      total: "2765.39",
      generalPublicBudget: "2765.39",
      governmentFund: "0.00",
      fiscalSpecialAccount: "0.00",
      other: "0.00",
    });
    expect(d.budget.expenditure).toMatchObject({
      total: "2765.39",
      basic: "1162.43",
      personnel: "1062.44",
      publicOperating: "99.99",
      project: "1602.96",
      other: "0.00",
    });
    expect(d.budget.priorYear).toEqual({ total: "2671.20", basic: "1364.26", project: "1306.94" });
    expect(d.operatingExpenses.amount).toBe("99.99");
    expect(d.threePublic.current).toEqual({
      total: "252.89",
      outbound: "0.00",
      vehiclePurchase: "53.94",
      vehicleOperation: "30.00",
      reception: "168.95",
    });
    expect(d.threePublic.priorYear).toEqual({
      total: "253.00",
      outbound: "0.00",
      vehiclePurchase: "0.00",
      vehicleOperation: "33.00",
      reception: "220.00",
    });
  });

  it("keeps the department's own typos, but not the sentence's stop as part of a reason", () => {
    expect(d.budget.changeReasons.project).toBe("主要为增加金融贡献奖励资金");
    expect(d.threePublic.changeReasons.reception).toBe(
      "主要原因是我部门切实落实勤俭节约各项规定，严格控制公务接待费支出",
    );
    expect(d.performance.projects[6].indicators[5].description).toBe("对接企业满意苏");
    expect(d.performance.projects[2].indicators[8].target).toEqual({ raw: "=0.00健全", kind: "unparsed" });
  });

  it("reads the procurement and asset tables", () => {
    expect(d.procurement.total).toBe("99.00");
    expect(d.procurement.items[0]).toMatchObject({
      project: "政府其他综合业务费",
      projectBudget: "53.94",
      item: "轿车",
      catalogCode: "A02030501",
      unit: "辆",
      quantity: 3,
      unitPrice: "17.98",
      amount: "53.94",
    });
    expect(d.assets).toMatchObject({
      asOf: "2019-12-31",
      fixedAssetsTotal: "1153.01",
      plannedPurchase: "99.00",
      vehicles: { count: 20, value: "224.84" },
      equipmentOver200k: { count: null, value: null },
      other: { value: "496.79" },
    });
  });
});

describe("encodings and layout", () => {
  it.each(["gbk", "gb18030"])("reads the fixture saved as %s to the same JSON", (encoding) => {
    const bytes = iconv.encode(fixture, encoding);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const result = importDisclosureText(bytes);
    expect(result.encoding).toBe("gb18030");
    expect(result.disclosure).toEqual(golden);
  });

  it("reads UTF-8 with a BOM, UTF-16 with a BOM and CRLF line ends", () => {
    const bom = importDisclosureText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(fixture, "utf8")]));
    expect(bom.encoding).toBe("utf-8");
    expect(bom.disclosure).toEqual(golden);
    const utf16 = importDisclosureText(new Uint8Array([0xff, 0xfe, ...Buffer.from(fixture, "utf16le")]));
    expect(utf16.disclosure).toEqual(golden);
    const crlf = importDisclosureText(Buffer.from(fixture.replace(/\n/g, "\r\n"), "utf8"));
    expect(crlf.disclosure).toEqual(golden);
    expect(crlf.problems).toEqual([]);
  });

  it("does not mind extra blank lines", () => {
    const result = importDisclosureText(fixture.replace(/\n\n/g, "\n\n\n").replace(/^/, "\n\n"));
    expect(result.disclosure).toEqual(golden);
  });

  it("reads the 金融信用办 row whether its stray gap after 指标值 is blank lines or empty cells", () => {
    expect(lines.slice(477, 481)).toEqual([
      "\t=90.00%",
      "",
      "",
      "\t三编【2015】10号三河市机构编制委员会关于成立政府金融信用办公室的批复",
    ]);
    const asCells = [...lines.slice(0, 478), "\t", "\t", ...lines.slice(480)].join("\n");
    const result = importDisclosureText(asCells);
    expect(result.problems).toEqual([]);
    expect(result.disclosure).toEqual(golden);
  });

  it("finds a project heading that follows the previous table without a blank line", () => {
    const at = lineOf("2、政务公开专项经费绩效目标表");
    expect([lines[at - 3], lines[at - 2], lines[at]]).toEqual(["", "", ""]);
    expect(lines[at + 1]).toBe("\t绩效目标");
    const result = importDisclosureText(withoutLines(at - 2, at - 1, at + 1));
    expect(result.problems).toEqual([]);
    expect(result.disclosure).toEqual(golden);
  });

  it("takes the department and year the caller names, and says where the document differs", () => {
    const result = importDisclosureText(fixture, {
      department: { code: "435", name: "三河市财政局" },
      fiscalYear: 2021,
    });
    expect(result.disclosure.department).toEqual({ code: "435", name: "三河市财政局" });
    expect(result.disclosure.fiscalYear).toBe(2021);
    expect(result.disclosure.performance.framework).toBe("2021");
    expect(result.problems.map((p) => p.message)).toEqual([
      "标题中的年度 2020 与指定的预算年度 2021 不一致，按指定年度导入",
      "文件中的部门编码 434 与指定的部门编码 435 不一致，按指定部门导入",
      "文件中的部门“三河市人民政府办公室”与指定的部门“三河市财政局”不一致，按指定部门导入",
    ]);
    expect(
      importDisclosureText(fixture, { department: { code: "434", name: "三河市人民政府办公室" } }).problems,
    ).toEqual([]);
  });

  it("reads the canonical JSON back, and a disclosure given as JSON is the same as its text", () => {
    const json = importDisclosure(Buffer.from(JSON.stringify(golden, null, 2)), "sanhe.json");
    expect(json).toEqual({ disclosure: golden, problems: [], findings: [], readable: true, encoding: "utf-8" });
    expect(importDisclosure(Buffer.from(fixture), "sanhe.txt").disclosure).toEqual(golden);
  });
});

describe("bad input gives problems and a partial result, never an exception", () => {
  it("empty and blank files", () => {
    for (const input of ["", "\n\n  \n", new Uint8Array()]) {
      const result = importDisclosureText(input);
      expect(result.readable).toBe(false);
      expect(result.problems).toEqual([{ line: null, message: "文件是空的" }]);
    }
  });

  it("binary files", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const result = importDisclosureText(png);
    expect(result.readable).toBe(false);
    expect(result.problems[0].message).toMatch(/不是文本/);
  });

  it("text that is not a disclosure", () => {
    const result = importDisclosure(Buffer.from("会议纪要\n今天开会讨论了三件事。\n"), "notes.txt");
    expect(result.readable).toBe(false);
    expect(result.problems[0].message).toMatch(/不是部门预算信息公开文本/);
  });

  it("a file truncated halfway keeps the first half and names the sections it lacks", () => {
    const result = importDisclosureText(fixture.slice(0, Math.floor(fixture.length / 2)));
    const d = result.disclosure;
    expect(result.readable).toBe(true);
    expect(d.responsibilities).toHaveLength(16);
    expect(d.threePublic.priorYear).toEqual(golden.threePublic.priorYear);
    expect(d.performance.projects.length).toBeGreaterThan(0);
    expect(d.performance.projects.length).toBeLessThan(13);
    for (const missing of ["六、政府采购预算情况", "七、国有资产信息", "八、名词解释", "九、其他需要说明的事项"]) {
      expect(result.problems.map((p) => p.message)).toContain(`未找到“${missing}”一节`);
    }
    expect(result.problems.find((p) => p.path === "department.code")?.message).toMatch(/未找到部门编码/);
  });

  it("a table missing a column: reported once, the other columns still read", () => {
    // Drop the 指标值 header cell and every 指标值 cell of the first project table.
    const header = lineOf("\t指标值");
    const targets = [159, 166, 173, 180, 187, 194, 201, 208];
    expect(lines[targets[0] - 1]).toBe("\t=2.00次");
    const result = importDisclosureText(withoutLines(header, ...targets));
    const project = result.disclosure.performance.projects[0];
    expect(result.problems).toContainEqual({
      line: 148,
      path: "performance.projects[0].indicators",
      message: "绩效目标表缺少“指标值”列",
    });
    expect(project.indicators).toHaveLength(8);
    expect(project.indicators[0]).toMatchObject({ name: "培训修志队伍", description: "培训次数", target: { raw: "" } });
    expect(project.indicators[0].basis).toMatch(/^为贯彻落实/);
    expect(result.disclosure.performance.projects[1]).toEqual(golden.performance.projects[1]);
  });

  it("a table with a 评(扣)分标准 column: each row keeps its own, the other tables are as before", () => {
    const header = lineOf("\t指标值确定依据");
    const next = lineOf("2、政务公开专项经费绩效目标表");
    const basisLines = lines.flatMap((line, i) =>
      i + 1 > header && i + 1 < next && line.startsWith("\t为贯彻落实") ? [i + 1] : [],
    );
    expect(basisLines).toHaveLength(8);
    const text = lines
      .flatMap((line, i) =>
        i + 1 === header
          ? [line, "\t评(扣)分标准"]
          : basisLines.includes(i + 1)
            ? [line, `\t未完成第 ${basisLines.indexOf(i + 1) + 1} 项扣 2 分`]
            : [line],
      )
      .join("\n");
    const result = importDisclosureText(text);
    expect(result.problems).toEqual([]);
    const [first, ...others] = result.disclosure.performance.projects;
    expect(first.indicators.map((i) => i.scoringStandard)).toEqual(
      basisLines.map((_, n) => `未完成第 ${n + 1} 项扣 2 分`),
    );
    expect(first.indicators.map((i) => i.basis)).toEqual(golden.performance.projects[0].indicators.map((i) => i.basis));
    expect(others).toEqual(golden.performance.projects.slice(1));
  });

  it("a row missing a cell is reported with its line", () => {
    const result = importDisclosureText(withoutLines(166));
    expect(result.problems).toContainEqual({
      line: 162,
      path: "performance.projects[0].indicators[1]",
      message: "这一行只有 5 个单元格，少于表头的 6 列，缺少的单元格按空白读取",
    });
    expect(result.disclosure.performance.projects[0].indicators).toHaveLength(8);
  });

  it("numbers typed with grouping, spaces and full-width digits are read as a person reads them", () => {
    const typed = fixture
      .replace("人员经费1062.44万元", "人员经费1,0６2.4４万元")
      .replace("公务接待费168.95万元", "公务接待费 １68.95 万元");
    const result = importDisclosureText(typed);
    expect(result.disclosure.budget.expenditure.personnel).toBe("1062.44");
    expect(result.disclosure.threePublic.current.reception).toBe("168.95");
    expect(result.problems).toEqual([]);
  });

  it("a number that cannot be read is a problem on its line, the rest is kept", () => {
    const result = importDisclosureText(fixture.replace("人员经费1062.44万元", "人员经费1.06.2万元"));
    expect(result.problems).toContainEqual({
      line: 62,
      path: "budget.expenditure.personnel",
      message: "无法读取金额“1.06.2万元”",
    });
    expect(result.disclosure.budget.expenditure.personnel).toBeNull();
    expect(result.disclosure.budget.expenditure.basic).toBe("1162.43");
  });

  it("amounts in 元 are converted to 万元 and the importer says so", () => {
    const result = importDisclosureText(
      fixture.replace("机关运行经费共计安排99.99万元", "机关运行经费共计安排999900元"),
    );
    expect(result.disclosure.operatingExpenses.amount).toBe("99.99");
    expect(result.problems).toContainEqual({
      line: 68,
      path: "operatingExpenses.amount",
      message: "金额“999900元”以元为单位，已换算为 99.99 万元",
    });
  });

  it("JSON that is broken or fails the schema", () => {
    const broken = importDisclosure(Buffer.from('{\n  "schemaVersion": 1,\n  "department": }\n'), "x.json");
    expect(broken.readable).toBe(false);
    expect(broken.problems[0]).toMatchObject({ line: 3 });
    expect(broken.problems[0].message).toMatch(/^JSON 格式错误/);
    const bad = structuredClone(golden) as unknown as { budget: { income: { total: string } } };
    bad.budget.income.total = "2765.4";
    const invalid = importDisclosure(Buffer.from(JSON.stringify(bad)), "x.json");
    expect(invalid.readable).toBe(false);
    expect(invalid.problems).toEqual([
      { line: null, path: "budget.income.total", message: "金额须为两位小数的万元数，如 2765.39" },
    ]);
  });
});
