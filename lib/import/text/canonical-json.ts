import type { z } from "zod";
import { disclosure as disclosureSchema, type Disclosure } from "../../domain/model";
import { MAX_INPUT_DEPTH, nestingDepth } from "../../domain/text-hygiene";
import { inputMessages } from "../../i18n/zh-CN/input";
import type { ImportProblem, ImportResult } from "./problems";

/**
 * The canonical JSON (the public export, a backup, the golden file) read back. It is machine
 * written, so anything the schema rejects makes the whole file unreadable rather than half-read;
 * every rejected field is listed with its path.
 */
export function readCanonicalJson(text: string, blank: () => Disclosure): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node quotes the text around the error, newlines included; a problem is one line.
    const oneLine = message.replace(/\s*\n\s*/g, " ");
    return {
      disclosure: blank(),
      problems: [{ line: jsonErrorLine(text, message), message: `JSON 格式错误：${oneLine}` }],
      findings: [],
      readable: false,
    };
  }
  // JSON.parse reads any depth; what comes after it (the schema, a deep copy) may not.
  if (nestingDepth(parsed, MAX_INPUT_DEPTH) > MAX_INPUT_DEPTH) {
    return {
      disclosure: blank(),
      problems: [{ line: null, message: inputMessages.structure.jsonTooDeep(MAX_INPUT_DEPTH) }],
      findings: [],
      readable: false,
    };
  }
  const result = disclosureSchema.safeParse(parsed);
  // The JSON holds each figure once: nothing in it can contradict itself the way a document can.
  if (result.success) return { disclosure: result.data, problems: [], findings: [], readable: true };
  const problems: ImportProblem[] = result.error.issues.map((issue) => ({
    line: null,
    path: formatPath(issue.path),
    message: issueMessage(issue),
  }));
  if (!looksLikeDisclosure(parsed)) {
    problems.unshift({
      line: null,
      message: "不是部门预算信息公开的规范 JSON（缺少 schemaVersion、department 等字段）",
    });
  }
  return { disclosure: blank(), problems, findings: [], readable: false };
}

/** `["performance","projects",0,"indicators",6,"target"]` → `performance.projects[0].indicators[6].target`, the rules' path form. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    "",
  );
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") return `类型不对：应为 ${issue.expected}`;
  if (issue.code === "unrecognized_keys") return `多余的字段：${issue.keys.join("、")}`;
  // Schema messages are already zh-CN where the model wrote them ("金额须为两位小数的万元数…").
  return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : `不符合格式：${issue.message}`;
}

function looksLikeDisclosure(value: unknown): boolean {
  return typeof value === "object" && value !== null && ("schemaVersion" in value || "department" in value);
}

function jsonErrorLine(text: string, message: string): number | null {
  const lineOfOffset = (offset: number) => text.slice(0, offset).split("\n").length;
  const position = /position (\d+)/.exec(message);
  if (position) return lineOfOffset(Number(position[1]));
  if (/end of JSON input/.test(message)) return lineOfOffset(text.trimEnd().length);
  // Node 20 names no position, only the text around the bad token: find that text.
  const around = /^Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!around) return null;
  const at = text.indexOf(around[2]);
  return at < 0 ? null : lineOfOffset(at + Math.max(0, around[2].indexOf(around[1])));
}
