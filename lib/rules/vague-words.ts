/**
 * The words reviewers strike out of a 指标值 (lib/domain/spec/rules.md, "Targets that can be judged"): they
 * say which way things should go, or that they went well, but not how far, so at the year's end
 * nobody can say whether the target was met. The one list of them; the rules and the grid's hints
 * read it here.
 *
 * A qualitative target that names a state someone can check (健全, 已建立, 按时完成, 合法合规,
 * 无明显影响) is not vague: only these phrases are.
 */
const VAGUE_PHRASES: ReadonlyArray<string> = [
  "效果明显",
  "效果显著",
  "成效明显",
  "成效显著",
  "明显提升",
  "明显提高",
  "明显改善",
  "明显增强",
  "明显加强",
  "显著提升",
  "显著提高",
  "显著改善",
  "大幅提升",
  "大幅提高",
  "进一步提高",
  "进一步提升",
  "进一步改善",
  "进一步加强",
  "进一步增强",
  "进一步完善",
  "进一步规范",
  "逐步提高",
  "逐步提升",
  "逐步改善",
  "逐步完善",
  "稳步提升",
  "稳步提高",
  "不断提高",
  "不断提升",
  "持续提升",
  "持续提高",
  "持续改善",
  "有所提高",
  "有所提升",
  "有所改善",
  "有效提升",
  "有效提高",
  "有效改善",
  "得到提升",
  "得到提高",
  "得到改善",
  "达成预期",
  "达到预期",
  "符合预期",
  "预期目标",
  "预期效果",
  "效果较好",
  "一定程度",
];

/** A direction alone, as the whole 指标值: 提升 by how much? */
const BARE_DIRECTIONS = new Set(["提升", "提高", "改善", "增强", "加强", "增加", "扩大", "较好"]);

/** The vague phrase a text uses, or null: the rule quotes it back to the clerk. */
export function vaguePhraseIn(text: string): string | null {
  const compact = text.replace(/[\s\u3000。.！!]/g, "");
  if (BARE_DIRECTIONS.has(compact)) return compact;
  return VAGUE_PHRASES.find((phrase) => compact.includes(phrase)) ?? null;
}
