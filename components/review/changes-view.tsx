import type { Change } from "@/lib/domain/diff";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { cellLabel, formatValue, groupChanges } from "@/lib/workflow/review-view";
import { wordDiff } from "@/lib/domain/word-diff";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { MarkedText } from "./marked-text";

const m = zhCN.workflow.diff;
const tone: Record<Change["kind"], BadgeTone> = {
  added: "success",
  removed: "danger",
  changed: "progress",
  moved: "info",
};

/**
 * What changed since the last submission, by field and by indicator row: each row's changed
 * cells together (修改前 → 修改后), added and removed rows whole, moved rows with where they came from.
 */
export function ChangesView({
  changes,
  base,
  content,
}: {
  changes: Change[];
  base: { submittedAt: Date; submittedByName: string } | null;
  content: unknown;
}) {
  if (!base)
    return (
      <p className="rounded-md border border-slate-200 bg-white p-5 text-sm text-slate-600">{m.firstSubmission}</p>
    );
  const groups = groupChanges(changes, content);
  return (
    <section aria-labelledby="changes-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <header className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="changes-title" className="text-base font-semibold text-slate-900">
          {m.title}
        </h2>
        <p className="text-sm text-slate-600">
          {m.since(formatDateTime(base.submittedAt))} · {m.summary(changes.length)}
        </p>
      </header>
      {changes.length === 0 ? <p className="text-sm text-slate-600">{m.none}</p> : null}
      <div className="space-y-4">
        {groups.map((group) => (
          <div
            key={group.rowPath || group.label}
            data-testid="change-group"
            className="overflow-hidden rounded-md border border-slate-200"
          >
            <h3 className="bg-slate-50 px-3 py-2 text-sm font-medium text-slate-800">{group.label}</h3>
            <table className="w-full table-fixed border-collapse text-sm">
              <thead className="sr-only">
                <tr>
                  <th scope="col">{m.field}</th>
                  <th scope="col">{zhCN.common.state}</th>
                  <th scope="col">{m.before}</th>
                  <th scope="col">{m.after}</th>
                </tr>
              </thead>
              <tbody>
                {group.changes.map((change) => (
                  <tr
                    key={`${change.kind}:${change.path}`}
                    data-testid="changed-cell"
                    data-path={change.path}
                    className="border-t border-slate-100 align-top"
                  >
                    <td className="w-1/4 px-3 py-2 text-slate-700">{cellLabel(change, group)}</td>
                    <td className="w-20 px-3 py-2">
                      <Badge tone={tone[change.kind]}>{m.kinds[change.kind]}</Badge>
                    </td>
                    {change.kind === "moved" ? (
                      <td colSpan={2} className="px-3 py-2 text-slate-600">
                        {m.movedFrom(change.from ?? "")}
                      </td>
                    ) : (
                      <BeforeAfter change={change} />
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </section>
  );
}

/**
 * 修改前 and 修改后 of one change. A changed field marks the words that changed within it (a word
 * diff, bounded: a field too long to compare is marked whole); an added or removed row, or a value
 * that was or became empty, is marked whole.
 */
function BeforeAfter({ change }: { change: Change }) {
  const before = formatValue(change.before, m.empty);
  const after = formatValue(change.after, m.empty);
  const comparable = change.kind === "changed" && before !== m.empty && after !== m.empty;
  const parts = comparable ? wordDiff(before, after) : null;
  return (
    <>
      <td className="px-3 py-2 break-words text-slate-500">
        {change.kind === "added" ? (
          ""
        ) : parts ? (
          <MarkedText parts={parts} side="before" />
        ) : (
          <del className="decoration-red-400">{before}</del>
        )}
      </td>
      <td className="px-3 py-2 break-words text-slate-900">
        {change.kind === "removed" ? (
          ""
        ) : parts ? (
          <MarkedText parts={parts} side="after" />
        ) : (
          <ins className="bg-emerald-50 no-underline">{after}</ins>
        )}
      </td>
    </>
  );
}
