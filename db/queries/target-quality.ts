import type { EditableDisclosure } from "@/lib/domain/editable";
import { toCanonical } from "@/lib/domain/editable";
import { UserError } from "@/lib/errors";
import { reviewMessages } from "@/lib/i18n/zh-CN/review";
import { checkDisclosure } from "@/lib/rules/engine";
import { targetQualityQuote, withQuote } from "@/lib/rules/target-quality";
import type { Db } from "../client";
import { loadCheckOptions } from "./settings";

/**
 * The note a 绩效目标质量 return stores (issue 16): the approver's own words, then the projects
 * graded 中 or 差 and their findings as the server finds them now, on the content the return
 * locks. Refused when no project grades 中 or 差: the reason would quote nothing.
 */
export async function targetQualityNote(db: Db, content: EditableDisclosure, note: string): Promise<string> {
  const disclosure = toCanonical(content);
  // One read after the other: `db` is the return's transaction.
  const options = await loadCheckOptions(db, disclosure.fiscalYear, disclosure.department.code);
  const quote = targetQualityQuote(disclosure, checkDisclosure(disclosure, options));
  if (quote === null) throw new UserError(reviewMessages.grading.noWeakProjects);
  return withQuote(note, quote);
}
