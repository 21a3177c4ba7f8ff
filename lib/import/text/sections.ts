import type { SectionId } from "../../domain/model";
import type { Problems } from "./problems";
import type { SourceLine } from "./source";

/**
 * Finds the nine section headings ("一、部门职责及机构设置情况" …). A heading is recognised by its
 * words, not only by its number, because departments renumber or merge sections and a free-text
 * line can start with "一、" too.
 */

export type SectionText = { id: SectionId; heading: SourceLine; lines: SourceLine[] };

export type SplitDocument = {
  /** Lines before the first heading: the title and the preamble. */
  front: SourceLine[];
  sections: Partial<Record<SectionId, SectionText>>;
};

const HEADING = /^[\s\u3000]*([一二三四五六七八九十]{1,3})[\s\u3000]*[、.．][\s\u3000]*(.+)$/;

// Order matters: "三公" and "机关运行经费" headings also contain "预算" and "安排".
const HEADING_WORDS: ReadonlyArray<[SectionId, RegExp]> = [
  ["threePublic", /三公/],
  ["operatingExpenses", /机关运行经费/],
  ["performance", /绩效/],
  ["procurement", /政府采购/],
  ["assets", /国有资产|固定资产/],
  ["glossary", /名词解释/],
  ["otherMatters", /其他.*(说明|事项)/],
  ["budget", /总体情况|预算安排|收支/],
  ["organisation", /职责|机构设置/],
];

const MAX_HEADING_LENGTH = 40;

export function sectionOfHeading(text: string): SectionId | null {
  if (text.length > MAX_HEADING_LENGTH) return null;
  const match = HEADING.exec(text);
  if (!match) return null;
  for (const [id, words] of HEADING_WORDS) if (words.test(match[2])) return id;
  return null;
}

export function splitSections(lines: ReadonlyArray<SourceLine>, problems: Problems): SplitDocument {
  const front: SourceLine[] = [];
  const sections: Partial<Record<SectionId, SectionText>> = {};
  let current: SectionText | null = null;
  for (const line of lines) {
    const id = line.text.startsWith("\t") ? null : sectionOfHeading(line.text);
    if (id && !sections[id]) {
      current = { id, heading: line, lines: [] };
      sections[id] = current;
      continue;
    }
    if (id) problems.add(line.no, `章节“${line.text.trim()}”重复出现，按上一章节的正文读取`);
    if (current) current.lines.push(line);
    else front.push(line);
  }
  return { front, sections };
}
