"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { EditableDisclosure } from "@/lib/domain/editable";
import { currentAnchor, rowPaths } from "@/lib/domain/anchors";
import { describePath, type Path } from "@/lib/domain/paths";
import type { CellComment } from "@/lib/grid/findings-index";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { replyAction, resolveAction } from "@/app/review/[id]/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EditorAnnotations } from "./annotations";
import { useEditor } from "./editor-context";

const m = zhCN.editor.review;

/** A review thread as the editor shows it (dates as ISO text: it crosses from the server). */
export type ThreadView = {
  id: string;
  /** Where it was made, and the row it was made on (null outside repeating rows). */
  anchorPath: string;
  anchorRowId: string | null;
  /** Where it points now (follows its row when rows move). */
  path: string;
  label: string;
  rowGone: boolean;
  author: string;
  body: string;
  at: string;
  resolved: boolean;
  resolvedBy: string | null;
  replies: Array<{ id: string; author: string; body: string; at: string }>;
};

type ThreadsValue = { threads: ThreadView[]; canAnswer: boolean; follow: (content: EditableDisclosure) => void };
const ThreadsContext = createContext<ThreadsValue>({ threads: [], canAnswer: false, follow: () => undefined });

/** The rows' ids in order: changes when rows are inserted, removed or moved, not when a cell is typed in. */
function rowLayout(content: EditableDisclosure): string {
  const ids: string[] = [];
  for (const p of content.performance.projects) {
    ids.push(p.id ?? "");
    for (const indicator of p.indicators) ids.push(indicator.id ?? "");
    ids.push("|");
  }
  for (const item of content.procurement.items) ids.push(item.id ?? "");
  return ids.join(",");
}

/** The thread against the editor's content as it is now: its path, whether its row is gone, its label. */
function reanchor(thread: ThreadView, paths: ReadonlyMap<string, Path>, content: EditableDisclosure): ThreadView {
  const anchor = currentAnchor(thread.anchorPath, thread.anchorRowId, paths);
  if (anchor.path === thread.path && anchor.rowGone === thread.rowGone) return thread;
  return {
    ...thread,
    path: anchor.path,
    rowGone: anchor.rowGone,
    label: describePath(anchor.path, anchor.rowGone ? undefined : content),
  };
}

/**
 * Keeps the threads on their rows while the clerk edits: whenever rows are inserted, removed or
 * moved (in the grid or the procurement list), each thread's path is worked out again from its
 * row's id, as the server does when the page loads (lib/domain/anchors.ts).
 */
export function useThreadsFollowRows(content: EditableDisclosure): void {
  const { threads, follow } = useContext(ThreadsContext);
  const anchored = threads.some((t) => t.anchorRowId !== null);
  const layout = anchored ? rowLayout(content) : "";
  useEffect(() => {
    if (anchored) follow(content);
    // The layout, not every keystroke's content, decides when to look again.
  }, [layout, anchored]);
}

/**
 * The approver's comments in the clerk's editor: each thread under the field it points at (through
 * the annotations context every Field reads), and all of them in a list above the form, so one
 * about a whole row or section is not missed. Replies and 已解决 go through review.reply/resolve.
 */
export function ReviewThreads({
  threads: loaded,
  canAnswer,
  children,
}: {
  threads: ThreadView[];
  canAnswer: boolean;
  children: ReactNode;
}) {
  // The editor's content as of its last change of rows (useThreadsFollowRows); null until then.
  const [followed, follow] = useState<EditableDisclosure | null>(null);
  const threads = useMemo(() => {
    if (!followed) return loaded;
    const paths = rowPaths(followed);
    const next = loaded.map((t) => reanchor(t, paths, followed));
    // The same array while nothing moved, so the grid's memoised rows stay put.
    return next.every((t, i) => t === loaded[i]) ? loaded : next;
  }, [loaded, followed]);
  const byPath = useMemo(() => {
    const map = new Map<string, ThreadView[]>();
    for (const t of threads) map.set(t.path, [...(map.get(t.path) ?? []), t]);
    return map;
  }, [threads]);
  const annotations = useMemo(
    () => ({
      forPath: (path: string) => {
        const here = byPath.get(path);
        return here ? (
          <div className="space-y-2">
            {here.map((t) => (
              <Thread key={t.id} thread={t} canAnswer={canAnswer} />
            ))}
          </div>
        ) : null;
      },
    }),
    [byPath, canAnswer],
  );
  const value = useMemo(() => ({ threads, canAnswer, follow }), [threads, canAnswer, follow]);
  return (
    <ThreadsContext.Provider value={value}>
      <EditorAnnotations value={annotations}>{children}</EditorAnnotations>
    </ThreadsContext.Provider>
  );
}

/**
 * The threads as the indicator grid marks them on its cells (a thread whose row is gone points
 * nowhere). The same array while the threads are, so the grid's memoised rows stay put.
 */
export function useGridComments(): ReadonlyArray<CellComment> {
  const { threads } = useContext(ThreadsContext);
  return useMemo(
    () =>
      threads
        .filter((t) => !t.rowGone)
        .map((t) => ({ path: t.path, author: t.author, body: t.body, resolved: t.resolved })),
    [threads],
  );
}

/** Every thread, open ones first, each with where it points; shown when there are any. */
export function ReviewSummary() {
  const { threads, canAnswer } = useContext(ThreadsContext);
  const { jumpTo } = useEditor();
  if (threads.length === 0) return null;
  const open = threads.filter((t) => !t.resolved).length;
  const ordered = [...threads.filter((t) => !t.resolved), ...threads.filter((t) => t.resolved)];
  return (
    <section
      aria-labelledby="review-summary-title"
      data-testid="review-summary"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3"
    >
      <h2 id="review-summary-title" className="text-sm font-semibold text-amber-900">
        {m.title}
      </h2>
      <p className="mt-1 text-sm text-amber-900">{m.intro(open, threads.length)}</p>
      <ul className="mt-2 space-y-1">
        {ordered.map((t) => (
          <li key={t.id}>
            <details className="rounded-md bg-white/70 px-3 py-1.5">
              <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                <span
                  className={cn(
                    "shrink-0 rounded px-1.5 text-xs",
                    t.resolved ? "bg-slate-100 text-slate-600" : "bg-amber-100 text-amber-900",
                  )}
                >
                  {t.resolved ? m.resolved : m.open}
                </span>
                <span className="min-w-0 text-slate-600">{t.label}</span>
                <span className="min-w-0 flex-1 truncate text-slate-900">{t.body}</span>
                {t.rowGone ? null : (
                  <button
                    type="button"
                    className="shrink-0 text-brand-700 hover:underline"
                    onClick={(e) => (e.preventDefault(), jumpTo(t.path))}
                  >
                    {m.jump}
                  </button>
                )}
              </summary>
              <div className="py-2">
                <Thread thread={t} canAnswer={canAnswer} />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One thread: the comment, its replies, a reply box and 已解决. */
function Thread({ thread, canAnswer }: { thread: ThreadView; canAnswer: boolean }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (
    call: () => Promise<{ ok: true } | { ok: false; formError: string | null; fieldErrors: Record<string, string[]> }>,
    clear = false,
  ) => {
    setBusy(true);
    setError(null);
    const outcome = await call();
    setBusy(false);
    if (!outcome.ok) return setError(outcome.fieldErrors.body?.[0] ?? outcome.formError ?? zhCN.errors.generic);
    if (clear) setText("");
    router.refresh();
  };
  return (
    <div
      data-testid="review-thread"
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        thread.resolved ? "border-slate-200 bg-slate-50" : "border-amber-300 bg-amber-50",
      )}
    >
      <p className="text-xs text-slate-600">
        {thread.author} · <span className="tabular">{formatDateTime(new Date(thread.at))}</span>
        {thread.rowGone ? ` ${m.rowGone}` : ""}
        {thread.resolved ? ` · ${thread.resolvedBy ? m.resolvedBy(thread.resolvedBy) : m.resolved}` : ""}
      </p>
      <p className="mt-0.5 whitespace-pre-wrap text-slate-900">{thread.body}</p>
      {thread.replies.map((r) => (
        <div key={r.id} className="mt-2 border-l-2 border-slate-300 pl-3">
          <p className="text-xs text-slate-600">
            {r.author} · <span className="tabular">{formatDateTime(new Date(r.at))}</span>
          </p>
          <p className="whitespace-pre-wrap text-slate-900">{r.body}</p>
        </div>
      ))}
      {canAnswer ? (
        <div className="mt-2 space-y-2">
          {!thread.resolved ? (
            <label className="block">
              <span className="sr-only">{m.replyLabel}</span>
              <textarea
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={2}
                placeholder={m.reply}
                aria-label={m.replyLabel}
                className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
              />
            </label>
          ) : null}
          {error ? (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <div className="flex gap-2">
            {!thread.resolved ? (
              <Button
                size="sm"
                variant="secondary"
                disabled={busy || text.trim() === ""}
                onClick={() => run(() => replyAction({ commentId: thread.id, body: text }), true)}
              >
                {m.sendReply}
              </Button>
            ) : null}
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={() => run(() => resolveAction({ commentId: thread.id, resolved: !thread.resolved }))}
            >
              {thread.resolved ? m.reopen : m.resolve}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
