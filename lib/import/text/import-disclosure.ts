import { defaultFrameworkId } from "../../domain/frameworks";
import { emptyDisclosure, type Department, type Disclosure, type SectionId } from "../../domain/model";
import { toHalfWidth } from "../../domain/money";
import { DecodeError, decodeText, normaliseLineBreaks } from "../decode";
import { emptyAssets, readAssets } from "./assets";
import { readBudget, readOperatingExpenses } from "./budget";
import { readCanonicalJson } from "./canonical-json";
import { readGlossary, readOtherMatters } from "./glossary";
import { readFront, readOrganisation } from "./organisation";
import { readPerformance } from "./performance";
import { narrativeFigureFindings, StatedFigures } from "./narrative-figures";
import { Problems, type ImportResult } from "./problems";
import { readProcurement } from "./procurement";
import { splitSections, type SectionText } from "./sections";
import { readableSource, textFaultProblems } from "./text-faults";
import { paragraphs, toItems, toLines, type Paragraph } from "./source";
import { readThreePublic } from "./three-public";

export type { ImportProblem, ImportResult } from "./problems";

export type ImportOptions = { department?: Department; fiscalYear?: number };

const SECTION_NAMES: Record<SectionId, string> = {
  organisation: "一、部门职责及机构设置情况",
  budget: "二、部门预算安排的总体情况",
  operatingExpenses: "三、机关运行经费安排情况",
  threePublic: "四、财政拨款“三公”经费预算情况及增减变化原因",
  performance: "五、预算绩效信息",
  procurement: "六、政府采购预算情况",
  assets: "七、国有资产信息",
  glossary: "八、名词解释",
  otherMatters: "九、其他需要说明的事项",
  tables: "部门预算公开表",
};

const TITLE = /^(.*?)\s*(\d{4})\s*年(?:度)?\s*(?:部门)?预算/;

/**
 * A published disclosure as text (the form of e2e/fixtures/sanhe-2020-government-office.txt)
 * into the canonical model. Never throws: what it cannot read is listed in `problems`.
 */
export function importDisclosureText(input: string | Uint8Array, opts: ImportOptions = {}): ImportResult {
  const decoded = toText(input);
  if ("error" in decoded) return unreadable(decoded.error, opts);
  return withEncoding(readDocument(decoded.text, opts), decoded.encoding);
}

/** Text or canonical JSON, told apart by the file name or else by the first character. */
export function importDisclosure(
  input: Uint8Array | string,
  filename?: string,
  opts: ImportOptions = {},
): ImportResult {
  const decoded = toText(input);
  if ("error" in decoded) return unreadable(decoded.error, opts);
  const isJson = /\.json$/i.test(filename ?? "") || /^\s*[{[]/.test(decoded.text);
  const result = isJson ? readCanonicalJson(decoded.text, () => blank(opts)) : readDocument(decoded.text, opts);
  return withEncoding(result, decoded.encoding);
}

function toText(input: string | Uint8Array): { text: string; encoding?: string } | { error: string } {
  if (typeof input === "string") return { text: normaliseLineBreaks(input.replace(/^\ufeff/, "")) };
  try {
    return decodeText(input);
  } catch (error) {
    return { error: error instanceof DecodeError ? error.message : `无法读取文件：${String(error)}` };
  }
}

const withEncoding = (result: ImportResult, encoding: string | undefined): ImportResult =>
  encoding ? { ...result, encoding } : result;

function blank(opts: ImportOptions): Disclosure {
  const fiscalYear = opts.fiscalYear ?? new Date().getFullYear();
  const disclosure = emptyDisclosure(
    opts.department ?? { code: "", name: "" },
    fiscalYear,
    defaultFrameworkId(fiscalYear),
  );
  return { ...disclosure, title: "", assets: emptyAssets() };
}

function unreadable(message: string, opts: ImportOptions): ImportResult {
  return { disclosure: blank(opts), problems: [{ line: null, message }], findings: [], readable: false };
}

function readDocument(text: string, opts: ImportOptions): ImportResult {
  const problems = new Problems();
  const stated = new StatedFigures();
  if (text.trim() === "") return unreadable("文件是空的", opts);
  const lines = toLines(readableSource(text));
  const { front, sections } = splitSections(lines, problems);
  // A character no text may hold refuses the document, each place listed: read on, it would be
  // shown in the preview and then refused when the draft is created.
  const faults = textFaultProblems(front, sections);
  if (faults.length > 0) return { disclosure: blank(opts), problems: faults, findings: [], readable: false };
  const { title, titleLine, preamble } = readFront(paragraphs(toItems(front)));
  const titleMatch = TITLE.exec(toHalfWidth(title));
  const found = Object.keys(sections).length;
  if (!titleMatch && found === 0) {
    return unreadable(
      "不是部门预算信息公开文本：没有“××部门2020年部门预算信息公开情况说明”式的标题，也没有“一、部门职责及机构设置情况”等章节",
      opts,
    );
  }
  if (!titleMatch)
    problems.add(titleLine, `第一行“${title.slice(0, 30)}”不是“××部门××××年部门预算信息公开情况说明”式的标题`, "title");

  const fiscalYear = readFiscalYear(titleMatch?.[2], opts, titleLine, problems);
  const disclosure = emptyDisclosure({ code: "", name: "" }, fiscalYear, defaultFrameworkId(fiscalYear));
  disclosure.title = title;
  disclosure.preamble = preamble;
  disclosure.assets = emptyAssets();

  const read = <T>(id: SectionId, fn: (section: SectionText) => T): T | null => {
    const section = sections[id];
    if (!section) {
      problems.add(null, `未找到“${SECTION_NAMES[id]}”一节`, id);
      return null;
    }
    try {
      return fn(section);
    } catch (error) {
      // A defect in one section's reader must not lose the other eight.
      problems.add(
        section.heading.no,
        `读取“${SECTION_NAMES[id]}”时出错：${error instanceof Error ? error.message : String(error)}`,
        id,
      );
      return null;
    }
  };
  const items = (s: SectionText) => toItems(s.lines);
  const paras = (s: SectionText): Paragraph[] => paragraphs(items(s));

  const organisation = read("organisation", (s) => readOrganisation(items(s), problems, s.heading.no));
  if (organisation) Object.assign(disclosure, organisation);
  disclosure.budget = read("budget", (s) => readBudget(paras(s), problems, s.heading.no, stated)) ?? disclosure.budget;
  disclosure.operatingExpenses =
    read("operatingExpenses", (s) => readOperatingExpenses(paras(s), problems, s.heading.no)) ??
    disclosure.operatingExpenses;
  disclosure.threePublic =
    read("threePublic", (s) => readThreePublic(paras(s), problems, s.heading.no, stated)) ?? disclosure.threePublic;
  disclosure.performance =
    read("performance", (s) => readPerformance(items(s), disclosure.performance.framework, problems, s.heading.no)) ??
    disclosure.performance;
  const procurement = read("procurement", (s) => readProcurement(items(s), problems, s.heading.no, stated));
  if (procurement) disclosure.procurement = procurement.procurement;
  const assets = read("assets", (s) => readAssets(items(s), problems, s.heading.no, stated));
  if (assets) disclosure.assets = assets.assets;
  disclosure.glossary = read("glossary", (s) => readGlossary(paras(s), problems, s.heading.no)) ?? [];
  disclosure.otherMatters = read("otherMatters", (s) => readOtherMatters(paras(s))) ?? "";

  const titleName = titleMatch?.[1].trim() ?? "";
  disclosure.department = readDepartment(titleName, procurement?.department ?? null, opts, titleLine, problems);
  // Compared with what the document itself says; a caller's department is reported once above.
  const statedName = titleName || disclosure.department.name;
  if (assets?.preparedBy && statedName && assets.preparedBy !== statedName) {
    problems.add(null, `资产表的编制部门“${assets.preparedBy}”与标题中的部门“${statedName}”不一致`, "assets");
  }
  return { disclosure, problems: problems.list, findings: narrativeFigureFindings(stated), readable: true };
}

function readFiscalYear(
  stated: string | undefined,
  opts: ImportOptions,
  line: number | null,
  problems: Problems,
): number {
  const year = stated ? Number(stated) : null;
  const valid = year !== null && year >= 2000 && year <= 2100 ? year : null;
  if (stated && valid === null) problems.add(line, `标题中的年度“${stated}”不是有效的预算年度`, "fiscalYear");
  if (opts.fiscalYear !== undefined) {
    if (valid !== null && valid !== opts.fiscalYear)
      problems.add(
        line,
        `标题中的年度 ${valid} 与指定的预算年度 ${opts.fiscalYear} 不一致，按指定年度导入`,
        "fiscalYear",
      );
    return opts.fiscalYear;
  }
  if (valid !== null) return valid;
  const fallback = new Date().getFullYear();
  problems.add(line, `未找到预算年度，暂按 ${fallback} 年导入`, "fiscalYear");
  return fallback;
}

/** Name from the title, code from the procurement table's "434-三河市人民政府办公室". */
function readDepartment(
  titleName: string,
  tableDepartment: { code: string; name: string; line: number } | null,
  opts: ImportOptions,
  titleLine: number | null,
  problems: Problems,
): Department {
  const stated = { code: tableDepartment?.code ?? "", name: titleName || tableDepartment?.name || "" };
  if (tableDepartment && titleName && tableDepartment.name !== titleName) {
    problems.add(
      tableDepartment.line,
      `政府采购表中的部门“${tableDepartment.name}”与标题中的部门“${titleName}”不一致`,
      "department.name",
    );
  }
  if (opts.department) {
    if (stated.code && stated.code !== opts.department.code) {
      problems.add(
        tableDepartment?.line ?? null,
        `文件中的部门编码 ${stated.code} 与指定的部门编码 ${opts.department.code} 不一致，按指定部门导入`,
        "department.code",
      );
    }
    if (stated.name && stated.name !== opts.department.name) {
      problems.add(
        titleLine,
        `文件中的部门“${stated.name}”与指定的部门“${opts.department.name}”不一致，按指定部门导入`,
        "department.name",
      );
    }
    return { ...opts.department };
  }
  if (!stated.code)
    problems.add(null, "未找到部门编码（政府采购表第一行的“编码-部门名称”），请在导入时指定部门", "department.code");
  if (!stated.name) problems.add(titleLine, "未找到部门名称", "department.name");
  return stated;
}
