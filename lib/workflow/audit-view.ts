import { sections } from "../domain/model";
import { describePath } from "../domain/paths";
import { zhCN } from "../i18n/zh-CN";

/** One audit row as a person reads it on /disclosures/[id]/audit: the action's name and what changed. */

const m = zhCN.workflow.audit;
type Detail = Record<string, unknown>;
type RowChanges = { added?: unknown[]; updated?: unknown[]; removed?: unknown[] };

const stateLabel = (s: unknown) => (typeof s === "string" && s in zhCN.states ? zhCN.states[s as keyof typeof zhCN.states] : String(s ?? ""));
const text = (v: unknown) => (typeof v === "string" ? v : "");
const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

export function auditActionLabel(action: string): string {
  return m.actions[action] ?? action;
}

export type CommentIndex = ReadonlyMap<string, { anchorPath: string; body: string }>;

/** The comments opened in a trail, by id: a later resolve or reply row names the one it is about. */
export function commentIndex(entries: ReadonlyArray<{ action: string; detail: Detail }>): CommentIndex {
  const index = new Map<string, { anchorPath: string; body: string }>();
  for (const e of entries) if (e.action === "comment.add" && text(e.detail.commentId)) index.set(text(e.detail.commentId), { anchorPath: text(e.detail.anchorPath), body: text(e.detail.body) });
  return index;
}

/** What an audit row says changed, in one or a few short phrases. */
export function describeAuditDetail(action: string, detail: Detail, comments: CommentIndex = new Map()): string[] {
  const out: string[] = [];
  if (action.startsWith("disclosure.") && typeof detail.from === "string" && typeof detail.to === "string") {
    out.push(m.transition(stateLabel(detail.from), stateLabel(detail.to)));
    if (detail.reasonLabel) out.push(m.reason(text(detail.reasonLabel)));
    if (text(detail.note)) out.push(`“${text(detail.note)}”`);
    if (detail.waived) out.push(m.waived);
  }
  if (action === "disclosure.save" || action === "disclosure.create") {
    const names = (Array.isArray(detail.sections) ? detail.sections : [])
      .map((id) => sections.find((s) => s.id === id || (s.fields as readonly string[]).includes(String(id)))?.title ?? String(id))
      .filter((v, i, all) => all.indexOf(v) === i);
    if (names.length > 0) out.push(m.sections(names.join("、")));
    for (const kind of ["projects", "indicators", "procurement"] as const) {
      const rows = detail[kind] as RowChanges | undefined;
      if (rows && count(rows.added) + count(rows.updated) + count(rows.removed) > 0) out.push(m.rows(m.rowKinds[kind], count(rows.added), count(rows.updated), count(rows.removed)));
    }
    if (typeof detail.fiscalYear === "number") out.push(zhCN.common.yearSuffix(detail.fiscalYear));
  }
  if (action === "comment.add") {
    if (text(detail.anchorPath)) out.push(`${describePath(text(detail.anchorPath))}：`);
    out.push(text(detail.body));
  }
  if (action === "comment.reply") out.push(text(detail.body));
  if (action === "comment.resolve" || action === "comment.reopen" || action === "comment.reply") {
    const about = comments.get(text(action === "comment.reply" ? detail.parentId : detail.commentId));
    if (about) out.unshift(`${describePath(about.anchorPath)}：“${about.body}”`);
  }
  if (action === "warning.explain") out.push(`${text(detail.ruleId)}：${text(detail.explanation) || "（撤回说明）"}`);
  if (typeof detail.version === "number" && action !== "comment.add") out.push(zhCN.workflow.screen.version(detail.version));
  return out.filter(Boolean);
}
