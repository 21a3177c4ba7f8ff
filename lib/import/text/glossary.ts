import type { GlossaryEntry } from "../../domain/model";
import type { Problems } from "./problems";
import type { Paragraph } from "./source";

/** 八、名词解释 ("N、term：definition") and 九、其他需要说明的事项 (free text). */

const NUMBER = /^\d{1,2}\s*(?:、|[.．](?!\d))/;
const ENTRY = /^(?:\d{1,2}\s*(?:、|[.．](?!\d))\s*)?([^：:]{1,40})[：:]\s*(.*)$/s;

export function readGlossary(
  paras: ReadonlyArray<Paragraph>,
  problems: Problems,
  headingLine: number,
): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  for (const para of paras) {
    const numbered = NUMBER.exec(para.text);
    const entry = numbered || entries.length === 0 ? ENTRY.exec(para.text) : null;
    if (entry) {
      entries.push({ term: entry[1].trim(), definition: entry[2].trim() });
      continue;
    }
    if (numbered) {
      problems.add(para.no, "名词解释缺少“：”，整段按名词读取", `glossary[${entries.length}]`);
      entries.push({ term: para.text.slice(numbered[0].length).trim(), definition: "" });
      continue;
    }
    const last = entries[entries.length - 1];
    if (last) last.definition = `${last.definition}\n${para.text}`;
    else problems.add(para.no, "名词解释应为“N、名词：解释”，这段无法识别", "glossary");
  }
  if (entries.length === 0) problems.add(headingLine, "未找到名词解释", "glossary");
  return entries;
}

export function readOtherMatters(paras: ReadonlyArray<Paragraph>): string {
  return paras.map((p) => p.text).join("\n");
}
