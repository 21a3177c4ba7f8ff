"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import type { Outcome } from "@/app/_server/operation";
import { replyAction, resolveAction } from "@/app/review/[id]/actions";
import type { CommentThread } from "@/db/queries/review";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { rowPathOf } from "@/lib/workflow/review-view";
import { rowAnchor } from "@/lib/render/outline";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

const m = zhCN.workflow.comments;
type State = Outcome<unknown> | null;

/**
 * One review thread: where it points (a link to the row or section), the first comment and its
 * replies, a reply box and 标为已解决 / 重新打开 for whoever holds the disclosure now. Used on the
 * review screen and, through FieldComments, under the clerk's fields in the editor.
 */
export function ThreadCard({
  thread,
  canAnswer,
  showLocation = true,
}: {
  thread: CommentThread;
  canAnswer: boolean;
  showLocation?: boolean;
}) {
  const router = useRouter();
  const [replyState, reply, replying] = useActionState<State, FormData>(replyAction, null);
  const [resolveState, resolve, resolving] = useActionState<State, FormData>(resolveAction, null);
  const [text, setText] = useState("");
  const resolved = thread.resolvedAt !== null;

  useEffect(() => {
    if (replyState?.ok) {
      setText("");
      router.refresh();
    }
  }, [replyState, router]);
  useEffect(() => {
    if (resolveState?.ok) router.refresh();
  }, [resolveState, router]);

  const error =
    (replyState && !replyState.ok ? (replyState.fieldErrors.body?.[0] ?? replyState.formError) : null) ??
    (resolveState && !resolveState.ok ? resolveState.formError : null);

  return (
    <article
      id={`thread-${thread.id}`}
      data-testid="review-thread"
      data-path={thread.currentPath}
      aria-label={`${m.body}：${thread.label}`}
      className={cn(
        "rounded-md border p-3 text-sm",
        resolved ? "border-slate-200 bg-slate-50 text-slate-600" : "border-amber-300 bg-amber-50/60",
      )}
    >
      <header className="mb-1 flex items-start justify-between gap-2">
        {showLocation ? (
          <a
            href={`#${rowAnchor(rowPathOf(thread.currentPath) ?? thread.currentPath)}`}
            className="text-xs leading-5 text-brand-700 hover:underline"
          >
            {thread.label}
          </a>
        ) : (
          <span />
        )}
        {resolved ? <Badge tone="success">{m.resolved}</Badge> : <Badge tone="warning">{m.open}</Badge>}
      </header>
      {thread.rowGone ? <p className="text-xs text-red-700">{m.rowGone}</p> : null}
      <Comment author={thread.authorName} at={thread.createdAt} body={thread.body} />
      {thread.replies.map((r) => (
        <div key={r.id} className="mt-2 border-l-2 border-slate-300 pl-3">
          <Comment author={r.authorName} at={r.createdAt} body={r.body} />
        </div>
      ))}
      {resolved && thread.resolvedByName ? (
        <p className="mt-2 text-xs text-slate-500">{m.resolvedBy(thread.resolvedByName)}</p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {canAnswer ? (
        <div className="mt-2 space-y-2">
          {!resolved ? (
            <form action={reply} className="flex gap-2">
              <input type="hidden" name="commentId" value={thread.id} />
              <input
                name="body"
                required
                value={text}
                onChange={(e) => setText(e.target.value)}
                aria-label={m.replyPlaceholder}
                placeholder={m.replyPlaceholder}
                className="h-8 min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-600"
              />
              <Button type="submit" size="sm" variant="secondary" disabled={replying}>
                {m.send}
              </Button>
            </form>
          ) : null}
          <form action={resolve}>
            <input type="hidden" name="commentId" value={thread.id} />
            <input type="hidden" name="resolved" value={resolved ? "false" : "true"} />
            <Button type="submit" size="sm" variant={resolved ? "ghost" : "secondary"} disabled={resolving}>
              {resolved ? m.reopen : m.resolve}
            </Button>
          </form>
        </div>
      ) : null}
    </article>
  );
}

function Comment({ author, at, body }: { author: string; at: Date; body: string }) {
  return (
    <div>
      <p className="text-xs text-slate-500">
        <span className="font-medium text-slate-700">{author}</span> ·{" "}
        <time dateTime={new Date(at).toISOString()}>{formatDateTime(at)}</time>
      </p>
      <p className="mt-0.5 whitespace-pre-wrap text-slate-900">{body}</p>
    </div>
  );
}
