import type { CommentThread } from "@/db/queries/review";
import { sections } from "@/lib/domain/model";
import type { DocumentOutline } from "@/lib/render/outline";
import { zhCN } from "@/lib/i18n/zh-CN";
import { commentTargets, rowPathOf, shortLabel } from "@/lib/workflow/review-view";
import { DocumentView } from "@/components/document-view";
import { CommentForm } from "./comment-form";

const m = zhCN.workflow.screen;

/**
 * The disclosure in its published layout, read-only, with the reviewer's additions: 提意见 beside
 * each section heading (the section or any field in it) and on each printed record row (an
 * indicator, a procurement line); rows with threads are marked and say how many are open.
 */
export function ReviewDocument({
  disclosureId,
  outline,
  content,
  threads,
  canComment,
  changedRows,
}: {
  disclosureId: string;
  outline: DocumentOutline;
  content: unknown;
  threads: CommentThread[];
  canComment: boolean;
  /** Rows with cells changed since the last submission, marked in the document. */
  changedRows: ReadonlySet<string>;
}) {
  const printedRows = new Set(
    outline.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === "table" ? b.table.rows.flatMap((r) => (r.path ? [r.path] : [])) : [])),
    ),
  );
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
          if (!canComment && open === 0 && !changed) return null;
          return {
            className: open > 0 ? "bg-amber-50" : changed ? "bg-emerald-50" : undefined,
            aside: (
              <>
                {open > 0 ? (
                  <a
                    href="#review-threads"
                    className="no-print ml-1 rounded bg-amber-200 px-1 text-xs font-normal text-amber-900"
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
