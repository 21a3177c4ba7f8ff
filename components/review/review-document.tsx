import type { CommentThread } from "@/db/queries/review";
import { sections } from "@/lib/domain/model";
import type { DocumentOutline } from "@/lib/render/outline";
import { zhCN } from "@/lib/i18n/zh-CN";
import { severityCount } from "@/lib/i18n/zh-CN/severity";
import { commentTargets, type PlacedFinding, rowPathOf, shortLabel } from "@/lib/workflow/review-view";
import { DocumentView } from "@/components/document-view";
import { CommentForm } from "./comment-form";
import { findingAnchor } from "./findings-list";

const m = zhCN.workflow.screen;

/**
 * The disclosure in its published layout, read-only, with the reviewer's additions: 提意见 beside
 * each section heading (the section or any field in it) and on each printed record row (an
 * indicator, a procurement line, a budget-table row); rows with threads are marked and say how
 * many are open; rows the rule engine found wrong are marked and link to their finding.
 */
export function ReviewDocument({
  disclosureId,
  outline,
  content,
  threads,
  canComment,
  changedRows,
  printedRows,
  placedFindings,
  hints,
}: {
  disclosureId: string;
  outline: DocumentOutline;
  content: unknown;
  threads: CommentThread[];
  canComment: boolean;
  /** Rows with cells changed since the last submission, marked in the document. */
  changedRows: ReadonlySet<string>;
  /** The rows the outline prints with a path (review-view.ts printedRowPaths). */
  printedRows: ReadonlySet<string>;
  /** The findings list beside the document, in its order: a row links to its first finding. */
  placedFindings: ReadonlyArray<PlacedFinding>;
  /** 参考 notes by row path (a 指标值 far from the other departments' this year), with the spread on hover. */
  hints?: ReadonlyMap<string, { text: string; detail: string }>;
}) {
  const findingsByRow = new Map<string, { first: number; errors: number; warnings: number }>();
  placedFindings.forEach(({ finding, row }, index) => {
    if (!row) return;
    const at = findingsByRow.get(row) ?? { first: index, errors: 0, warnings: 0 };
    if (finding.severity === "error") at.errors += 1;
    else at.warnings += 1;
    findingsByRow.set(row, at);
  });
  const openByRow = new Map<string, number>();
  for (const t of threads) {
    const row = rowPathOf(t.currentPath);
    if (row && printedRows.has(row) && !t.resolvedAt) openByRow.set(row, (openByRow.get(row) ?? 0) + 1);
  }
  return (
    <DocumentView
      outline={outline}
      annotate={{
        section: (section) => {
          if (!canComment) return null;
          const model = sections.find((s) => s.id === section.id);
          if (!model) return null;
          return (
            <CommentForm
              disclosureId={disclosureId}
              targets={commentTargets(content, model.id, printedRows)}
              trigger={m.commentOnSection}
              where={`${model.number}、${model.title}`}
            />
          );
        },
        row: (path) => {
          const open = openByRow.get(path) ?? 0;
          const changed = changedRows.has(path);
          const found = findingsByRow.get(path);
          const hint = hints?.get(path);
          if (!canComment && open === 0 && !changed && !found && !hint) return null;
          return {
            className: found?.errors
              ? "bg-red-50"
              : open > 0 || found
                ? "bg-amber-50"
                : changed
                  ? "bg-emerald-50"
                  : undefined,
            aside: (
              <>
                {found ? (
                  <a
                    href={`#${findingAnchor(found.first)}`}
                    data-testid="row-findings"
                    className={
                      found.errors
                        ? "no-print ml-1 rounded bg-red-200 px-1 text-xs font-normal whitespace-nowrap text-red-900"
                        : "no-print ml-1 rounded bg-amber-200 px-1 text-xs font-normal whitespace-nowrap text-amber-900"
                    }
                  >
                    {[
                      found.errors ? severityCount("error", found.errors) : null,
                      found.warnings ? severityCount("warning", found.warnings) : null,
                    ]
                      .filter(Boolean)
                      .join("，")}
                  </a>
                ) : null}
                {hint ? (
                  <span
                    title={hint.detail}
                    data-testid="spread-hint"
                    className="no-print ml-1 rounded bg-sky-100 px-1 text-xs font-normal whitespace-nowrap text-sky-900"
                  >
                    {hint.text}
                  </span>
                ) : null}
                {open > 0 ? (
                  <a
                    href="#review-threads"
                    className="no-print ml-1 rounded bg-amber-200 px-1 text-xs font-normal whitespace-nowrap text-amber-900"
                    title={zhCN.workflow.comments.count(open, open)}
                  >
                    {zhCN.workflow.comments.onThisField(open)}
                  </a>
                ) : null}
                {canComment ? (
                  <CommentForm
                    disclosureId={disclosureId}
                    anchorPath={path}
                    trigger={m.commentOnRow}
                    where={shortLabel(path, content)}
                  />
                ) : null}
              </>
            ),
          };
        },
      }}
    />
  );
}
