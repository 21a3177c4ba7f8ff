import { describe, expect, it } from "vitest";
import { findFramework } from "../../domain/frameworks";
import { disclosure as disclosureSchema, type Disclosure } from "../../domain/model";
import { draftFromLastYear, draftFromReading, emptyDraft, readingNotes, type DraftTarget } from "./draft";
import { disclosureLimits } from "../../domain/limits";
import { inputMessages } from "../../i18n/zh-CN/input";
import { readUpload, type UploadReading } from "./read-upload";
import { UploadRefused } from "./sniff";
import { sanhe2020, sanhe2020Bytes } from "../../domain/__fixtures__/sanhe-2020";

const golden: Disclosure = sanhe2020();
const health = { code: "411", name: "三河市卫生健康局" };
const target = (fiscalYear: number): DraftTarget => ({
  department: health,
  fiscalYear,
  framework: findFramework("2021")!,
  orgUnits: [{ name: "三河市卫生健康局", nature: "行政", level: "正科级", fundingForm: "财政拨款" }],
});

describe("the content a new year's draft starts with", () => {
  it("empty: the department, its current units and the year's framework, nothing else", () => {
    const d = emptyDraft(target(2022));
    expect(disclosureSchema.parse(d)).toEqual(d);
    expect(d).toMatchObject({
      department: health,
      fiscalYear: 2022,
      orgUnits: target(2022).orgUnits,
      performance: { framework: "2021", projects: [] },
      responsibilities: [],
    });
  });

  it("from an earlier year: carried forward, the file's figures as the prior-year column, the draft's own department", () => {
    const d = draftFromLastYear(golden, target(2022));
    expect(d.department).toEqual(health);
    expect(d.fiscalYear).toBe(2022);
    expect(d.budget.priorYear).toEqual({ total: "2765.39", basic: "1162.43", project: "1602.96" });
    expect(d.threePublic.priorYear).toEqual(golden.threePublic.current);
    expect(d.performance.projects).toHaveLength(13);
    // 效果指标 of the 2020 framework is 效益指标 in 2021's.
    expect(d.performance.projects.flatMap((p) => p.indicators).some((i) => i.level1 === "效果指标")).toBe(false);
  });

  it("from a file of the draft's own year: taken as it is, on the year's framework", () => {
    const d = draftFromLastYear(golden, { ...target(2020), framework: findFramework("2020")! });
    expect(d.budget).toEqual(golden.budget);
    expect(d.department).toEqual(health);
  });

  it("refuses a file of a later year than the draft", () => {
    expect(() => draftFromLastYear(golden, target(2019))).toThrow(UploadRefused);
    expect(() => draftFromLastYear(golden, target(2019))).toThrow(
      "文件是2020年度的信息公开，不能用来新建2019年度的草稿。",
    );
  });

  it("says how the file becomes the draft, and that the department differs", async () => {
    const reading = await readUpload(sanhe2020Bytes(), "a.txt");
    const notes = readingNotes(reading, target(2022));
    expect(notes[0]).toBe(
      "文件是2020年度的信息公开：接受后生成2022年度草稿，文件中的2020年数字填入“上年数”一列，本年数字先按上年填入。",
    );
    expect(notes.at(-1)).toBe("文件中的部门为“三河市人民政府办公室（434）”，将按“三河市卫生健康局（411）”创建草稿。");
    // Between them, what moving to 2021's framework moves: one note per pair of headings.
    expect(notes.slice(1, -1)).toHaveLength(4);
    expect(notes[1]).toBe(
      "按2021年及以后绩效指标体系，4 行指标由“产出指标 › 成本指标”移至“成本指标 › 经济成本指标”：" +
        "市志编纂业务费 第 4 行“年鉴印刷单册成本”、企业家培训经费（企业上市培训经费） 第 6 行“单次培训”、" +
        "禁毒工作经费 第 8 行“宣传品制作”等。",
    );
    expect(notes[2]).toMatch(
      /^按2021年及以后绩效指标体系，16 行指标由“效果指标 › 社会效益指标”移至“效益指标 › 社会效益指标”/,
    );
  });

  it("a draft on its own year's framework moves nothing and says nothing of it", async () => {
    const reading = await readUpload(sanhe2020Bytes(), "a.txt");
    const notes = readingNotes(reading, { ...target(2020), framework: findFramework("2020")! });
    expect(notes.some((n) => n.includes("移至"))).toBe(false);
  });

  it("an indicator sheet fills the project tables of an otherwise empty draft", async () => {
    const csv = "项目名称\t一级指标\t二级指标\t三级指标\t指标值\n热线经费\t效果指标\t社会效益指标\t群众满意\t>=90%\n";
    const reading = await readUpload(new TextEncoder().encode(csv), "指标.tsv");
    const d = draftFromReading(reading, target(2022));
    expect(d.performance.projects).toEqual([
      {
        name: "热线经费",
        amount: null,
        goal: "",
        indicators: [expect.objectContaining({ level1: "效益指标", level2: "社会效益指标", name: "群众满意" })],
      },
    ]);
    expect(d.orgUnits).toEqual(target(2022).orgUnits);
    expect(d.budget.expenditure.total).toBeNull();
  });

  it("a sheet with more indicator rows than a disclosure may hold is refused, saying so", () => {
    const row = golden.performance.projects[0].indicators[0];
    const over = disclosureLimits.indicators + 1;
    const projects = [
      {
        name: "热线经费",
        amount: null,
        goal: "",
        indicators: Array.from({ length: over }, (_, n) => ({ ...row, name: `指标${n}` })),
      },
    ];
    const reading: UploadReading = {
      kind: "indicators",
      format: "xlsx",
      encoding: null,
      sheets: { projects, problems: [], sheets: [], skipped: [] },
      problems: [],
    };
    expect(() => draftFromReading(reading, target(2022))).toThrow(
      new UploadRefused(inputMessages.rows.indicators(over, disclosureLimits.indicators)),
    );
  });
});
