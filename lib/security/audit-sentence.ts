import { sections } from "../domain/model";
import { describePath } from "../domain/paths";
import { formatDateTime } from "../i18n/format";
import { zhCN } from "../i18n/zh-CN";
import { adminMessages } from "../i18n/zh-CN/admin";
import { auditMessages } from "../i18n/zh-CN/audit";
import { findRule } from "../rules/catalogue";
import { auditActionLabel, currentSpelling } from "./audit-actions";

/**
 * An audit row in words: what it was done to, and what happened, in one Chinese sentence made from
 * the row's detail. The admin's 审计日志, a disclosure's 操作记录 and both exports say the same.
 * Each stored detail is read defensively: rows written by older versions lack newer fields.
 */

const m = auditMessages;
const say = m.say;

type Detail = Record<string, unknown>;
export type AuditRowFacts = {
  action: string;
  entityType?: string;
  entityId?: string;
  /** What the log found the entity to be (db/queries/audit.ts): [name, username], [code, name], [name], [department, year, revision]. */
  entityFacts?: readonly string[] | null;
  detail: Detail;
};

const text = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const stateLabel = (s: unknown) =>
  typeof s === "string" && Object.hasOwn(zhCN.states, s) ? zhCN.states[s as keyof typeof zhCN.states] : text(s);
const roleLabel = (r: unknown) =>
  typeof r === "string" && Object.hasOwn(zhCN.roles, r) ? zhCN.roles[r as keyof typeof zhCN.roles] : "";
const ruleTitle = (id: unknown) => findRule(text(id))?.title ?? text(id);
const yearOf = (v: unknown) => (typeof v === "number" || typeof v === "string" ? String(v) : "");
const when = (v: unknown) => (typeof v === "string" || v instanceof Date ? formatDateTime(new Date(v)) : "");
/** Phrases joined into one sentence; `tail` (the version, a waiver) follows the last without a comma. */
const sentence = (parts: readonly string[], tail = "") => {
  const joined = `${say.join(parts)}${tail}`;
  // A quoted sentence already ends in its own 。 (“收入合计请与批复核对。”).
  return joined && !joined.endsWith(say.end) && !joined.endsWith(`${say.end}”`) ? `${joined}${say.end}` : joined;
};
const names = (v: unknown, shown = 5) => say.moreNames(list(v).slice(0, shown).map(text).join("、"), count(v) - shown);
const scopeOf = (d: Detail) => say.scope(count(d.departmentIds), count(d.groupIds));
const withComma = (scope: string) => (scope ? `，${scope}` : "");

export type CommentIndex = ReadonlyMap<string, { anchorPath: string; body: string }>;

/** The comments opened in a trail, by id: a later resolve or reply row names the one it is about. */
export function commentIndex(entries: ReadonlyArray<{ action: string; detail: Detail }>): CommentIndex {
  const index = new Map<string, { anchorPath: string; body: string }>();
  for (const e of entries)
    if (e.action === "comment.add" && text(e.detail.commentId))
      index.set(text(e.detail.commentId), { anchorPath: text(e.detail.anchorPath), body: text(e.detail.body) });
  return index;
}

/** What a save changed: its sections by title, then the rows of each table. */
function savedParts(d: Detail): string[] {
  const titles = list(d.sections)
    .map((id) => sections.find((s) => s.id === id || (s.fields as readonly string[]).includes(String(id))))
    .map((s) => (s ? `${s.number}、${s.title}` : ""))
    .filter((v, i, all) => v && all.indexOf(v) === i);
  const parts = titles.length > 0 ? [titles.join("、")] : [];
  for (const kind of ["projects", "indicators", "procurement"] as const) {
    const rows = (d[kind] ?? {}) as Detail;
    const [added, updated, removed] = [count(rows.added), count(rows.updated), count(rows.removed)];
    if (added + updated + removed > 0) parts.push(say.rows(say.rowKinds[kind], added, updated, removed));
  }
  return parts;
}

/** A workflow step: the states, then what the step carried (a reason, a note, a waiver). */
function stepParts(d: Detail): string[] {
  const parts: string[] = [];
  if (typeof d.from === "string" && typeof d.to === "string" && d.from !== d.to)
    parts.push(say.transition(stateLabel(d.from), stateLabel(d.to)));
  if (text(d.reasonLabel)) parts.push(say.reason(text(d.reasonLabel)));
  if (text(d.note)) parts.push(say.note(text(d.note)));
  if (text(d.opinion)) parts.push(say.opinion(text(d.opinion)));
  return parts;
}

const version = (d: Detail) => (typeof d.version === "number" ? say.version(d.version) : "");

function aboutComment(id: unknown, comments: CommentIndex): string {
  const about = comments.get(text(id));
  return about ? say.theComment(describePath(about.anchorPath), about.body) : say.aComment;
}

function yearChanges(d: Detail): string {
  const before = (d.before ?? {}) as Detail;
  const after = (d.after ?? {}) as Detail;
  const shown = (key: string, v: unknown) =>
    key === "status"
      ? v === "open"
        ? adminMessages.years.open
        : v === "closed"
          ? adminMessages.years.closed
          : text(v)
      : text(v) || say.noDeadline;
  return (["frameworkId", "submissionDeadline", "status"] as const)
    .filter((key) => before[key] !== after[key])
    .map((key) => say.yearChange(say.yearFields[key], shown(key, before[key]), shown(key, after[key])))
    .join("，");
}

function departmentParts(d: Detail): string {
  const parts: string[] = [];
  if (text(d.name)) parts.push(say.departmentParts.name(text(d.name)));
  if ("groupId" in d) parts.push(say.departmentParts.groupId);
  if (Array.isArray(d.orgUnits)) parts.push(say.departmentParts.orgUnits(d.orgUnits.length));
  return parts.join("、");
}

/** An audit filter in words (an export's row, an export's note). */
export function describeAuditFilter(d: Readonly<Record<string, unknown>>): string {
  return Object.entries(say.filterParts)
    .filter(([key]) => text(d[key]))
    .map(([key, label]) => `${label} ${key === "action" ? auditActionLabel(text(d[key])) : text(d[key])}`)
    .join("，");
}

/** What happened, in one sentence (empty only when a row of an unknown action carries nothing). */
export function describeAudit(row: AuditRowFacts, comments: CommentIndex = new Map()): string {
  const d = row.detail ?? {};
  const action = currentSpelling(row.action);
  const role = roleLabel(d.role);
  switch (action) {
    case "user.login":
      return say.login;
    case "user.login-failed":
      return sentence([
        say.loginFailed(text(d.typedUsername) || text(row.entityId), d.knownUser === true),
        d.lockedUntil ? say.lockedUntil(when(d.lockedUntil), d.scope === "address") : "",
      ]);
    case "user.login-locked":
      return say.loginLocked(text(d.typedUsername) || text(row.entityId), when(d.until), d.scope === "address");
    case "user.login-disabled":
      return say.loginDisabled;
    case "user.logout":
      return say.logout;
    case "user.password-change":
      return say.passwordChanged(d.wasInitial === true);
    case "user.password-change-refused":
      return say.passwordRefused;
    case "user.reset-password":
      return say.passwordReset(d.mustChange === true);
    case "authz.refused":
      return row.entityType === "page"
        ? say.refusedPage(text(row.entityId), role)
        : say.refusedOperation(auditActionLabel(text(row.entityId)), role);
    case "user.create":
      return say.userCreated(text(d.username), roleLabel(d.role), withComma(scopeOf(d)), d.bulk === true);
    case "user.update": {
      const before = (d.before ?? {}) as Detail;
      return say.userUpdated(
        text(d.displayName),
        roleLabel(d.role),
        withComma(scopeOf(d)),
        before.role && before.role !== d.role ? roleLabel(before.role) : null,
      );
    }
    case "user.scope":
      return say.scopeChanged(scopeOf(d));
    case "user.disable":
      return say.disabled;
    case "user.enable":
      return say.enabled;
    case "user.import":
      return say.imported(
        text(d.fileName),
        Number(d.rows ?? count(d.usernames)),
        say.importedKinds.users,
        names(d.usernames),
      );
    case "department.import":
      return say.imported(
        text(d.fileName),
        Number(d.rows ?? count(d.codes)),
        say.importedKinds.departments,
        names(d.codes),
      );
    case "department.create":
      return say.departmentCreated(text(d.code), text(d.name));
    case "department.update":
      return say.departmentUpdated(departmentParts(d));
    case "desk.create":
      return say.deskCreated(text(d.name));
    case "desk.set-approvers":
      return say.approversSet(count(d.before), count(d.after));
    case "fiscal-year.save":
    case "fiscal-year.create":
      return say.yearSaved(
        Number(d.year),
        text(d.frameworkId),
        text(d.submissionDeadline) || say.noDeadline,
        d.status === "closed" ? adminMessages.years.closed : adminMessages.years.open,
      );
    case "fiscal-year.update":
      return say.yearUpdated(yearChanges(d));
    case "fiscal-year.open":
      return say.yearOpened(
        yearOf(row.entityId),
        d.startDrafts ? say.drafts(Number(d.carried ?? 0), Number(d.empty ?? 0)) : "",
      );
    case "fiscal-year.start-drafts":
      return say.draftsStarted(Number(d.carried ?? 0), Number(d.empty ?? 0));
    case "classification.import":
      return say.catalogueImported(
        text(d.fileName),
        Number(d.after ?? 0),
        Number(d.before ?? 0),
        say.catalogueChanges(count(d.added), count(d.removed), count(d.renamed)),
      );
    case "framework.create":
      return say.frameworkCreated(text(d.name) || text(row.entityId));
    case "framework.update":
      return say.frameworkUpdated(
        text(((d.after ?? {}) as Detail).name) || text(row.entityId),
        list(d.changes).map(text).join("；"),
      );
    case "framework.delete":
      return say.frameworkDeleted(text(((d.before ?? {}) as Detail).name) || text(row.entityId));
    case "rule-policy.set":
      return say.severitySet(
        adminMessages.frameworks.severities[text(d.severity) as keyof typeof adminMessages.frameworks.severities] ??
          text(d.severity),
      );
    case "return-reason.create":
      return say.reasonCreated(text(d.label), d.active !== false);
    case "return-reason.update": {
      const after = (d.after ?? {}) as Detail;
      return say.reasonUpdated(text(after.label), after.active !== false);
    }
    case "indicator-library.save":
      return say.libraryEntrySaved(d.created === true, text(d.name));
    case "indicator-library.set-active":
      return say.libraryEntryActive(d.active === true);
    case "disclosure.start":
      return say.disclosureStarted(yearOf(d.fiscalYear), say.startModes[text(d.mode)] ?? text(d.mode));
    case "disclosure.create":
      return text(d.correcting)
        ? say.revisionOpened(Number(d.revision ?? 0), text(d.note))
        : say.disclosureCreated(yearOf(d.fiscalYear), Number(d.revision ?? 1));
    case "disclosure.save": {
      const parts = savedParts(d);
      return parts.length > 0 ? say.saved(`${parts.join("；")}${version(d)}`) : say.savedNothing;
    }
    case "disclosure.openRevision":
      return say.revisionOpened(Number(d.revision ?? 0), text(d.note));
    case "disclosure.publish":
      return sentence(
        [...stepParts(d), typeof d.revision === "number" ? say.published(d.revision, count(d.files)) : ""],
        version(d),
      );
    case "comment.add":
      return sentence([say.commentAdded(describePath(text(d.anchorPath)), text(d.body))]);
    case "comment.reply":
      return sentence([say.commentReplied(aboutComment(d.parentId, comments), text(d.body))]);
    case "comment.resolve":
      return sentence([say.commentResolved(aboutComment(d.commentId, comments))], version(d));
    case "comment.reopen":
      return sentence([say.commentReopened(aboutComment(d.commentId, comments))], version(d));
    case "disclosure.explain-warning":
      return sentence([
        text(d.explanation)
          ? say.warningExplained(ruleTitle(d.ruleId), text(d.explanation))
          : say.warningWithdrawn(ruleTitle(d.ruleId)),
      ]);
    case "import.upload":
      return say.uploaded(
        text(d.fileName),
        `${Math.max(1, Math.ceil(Number(d.size ?? 0) / 1024))} KB`,
        yearOf(d.fiscalYear),
      );
    case "export.start-year":
      return say.yearExportStarted(
        yearOf(d.fiscalYear),
        list(d.formats)
          .map((f) => text(f).toUpperCase())
          .join("、"),
      );
    case "audit.export":
      return say.auditExported(
        text(d.format) === "xlsx" ? "Excel" : text(d.format).toUpperCase(),
        describeAuditFilter(d),
      );
    case "notice.mark-read":
      return say.noticesRead(count(d.noticesRead) || Number(d.noticesRead ?? 0));
  }
  if (action.startsWith("disclosure.")) return sentence(stepParts(d), `${d.waived ? say.waived : ""}${version(d)}`);
  return "";
}

/** The entity's name from the facts the log found, or its id where it found none. */
function entityName(row: Pick<AuditRowFacts, "entityType" | "entityId" | "entityFacts">): string {
  const facts = row.entityFacts ?? [];
  if (facts.length === 0) return row.entityId ?? "";
  switch (row.entityType) {
    case "user":
      return `${facts[0]}（${facts[1]}）`;
    case "disclosure": {
      const revision = Number(facts[2]);
      return [facts[0], zhCN.common.yearSuffix(Number(facts[1])), revision > 1 ? zhCN.common.revisionN(revision) : ""]
        .filter(Boolean)
        .join(" ");
    }
    default:
      return facts.join(" ");
  }
}

/** What the row was done to, named as a reader knows it. */
export function describeAuditEntity(row: Pick<AuditRowFacts, "entityType" | "entityId" | "entityFacts">): string {
  const name = entityName(row);
  const e = m.entities;
  switch (row.entityType) {
    case "user":
      return row.entityId === "bulk-import" ? e.bulk : e.user(name);
    case "sign-in":
      return e.signIn(name);
    case "disclosure":
      return e.disclosure(name);
    case "department":
      return row.entityId === "bulk-import" ? e.bulk : e.department(name);
    case "department_group":
      return e.desk(name);
    case "fiscal_year":
      return e.fiscalYear(name);
    case "indicator_framework":
      return e.framework(name);
    case "rule":
      return e.rule(ruleTitle(row.entityId));
    case "return_reason":
      return e.returnReason(name);
    case "import_upload":
      return e.upload;
    case "export":
      return e.yearExport;
    case "audit_log":
      return e.auditLog;
    case "indicator_library":
      return e.libraryEntry;
    case "operation":
      return e.operation(auditActionLabel(text(row.entityId)));
    case "page":
      return e.page(name);
  }
  return e.other;
}
