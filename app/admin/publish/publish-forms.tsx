"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { Outcome } from "@/app/_server/operation";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button } from "@/components/ui/button";
import { openRevisionAction, publishAction } from "./actions";

const t = zhCN.portal.publish;

type State = Outcome<unknown> | null;

function Message({ state, ok }: { state: State; ok: string }) {
  if (!state) return null;
  if (state.ok)
    return (
      <p role="status" className="text-xs text-emerald-800">
        {ok}
      </p>
    );
  const field = Object.values(state.fieldErrors).flat()[0];
  return (
    <p role="alert" className="text-xs text-red-700">
      {field ?? state.formError}
    </p>
  );
}

/**
 * 发布 for one approved disclosure. A correction (revision 2 on) asks what it corrects; the note
 * given when the revision was opened is offered and what was typed stays after a refusal.
 */
export function PublishForm({
  id,
  version,
  revision,
  name,
  note,
}: {
  id: string;
  version: number;
  revision: number;
  name: string;
  note: string;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(publishAction, null);
  const router = useRouter();
  // The row leaves the list once published: the page says what happened.
  useEffect(() => {
    if (state?.ok) router.replace(`/admin/publish?published=${encodeURIComponent(name)}&revision=${revision}`);
  }, [state, router, name, revision]);
  const typed = state && !state.ok ? undefined : note;
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      {revision > 1 ? (
        <label className="block text-xs text-slate-700">
          {t.note}
          <textarea
            name="note"
            defaultValue={typed}
            required
            maxLength={500}
            rows={2}
            placeholder={t.notePlaceholder}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={pending} aria-label={`${t.publish} ${name}`}>
          {pending ? t.publishing : t.publish}
        </Button>
        <Message state={state} ok={state?.ok ? t.published(name, revision) : ""} />
      </div>
    </form>
  );
}

/** 新建修订版: a correction of a published disclosure starts as a new draft revision with its reason. */
export function OpenRevisionForm({
  id,
  version,
  revision,
  name,
}: {
  id: string;
  version: number;
  revision: number;
  name: string;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(openRevisionAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.replace(`/admin/publish?opened=${revision + 1}`);
  }, [state, router, revision]);
  if (state?.ok)
    return (
      <p role="status" className="text-xs text-emerald-800">
        {t.revisionOpened(revision + 1)}
      </p>
    );
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <label className="block text-xs text-slate-700">
        {t.openRevisionNote}
        <input
          name="note"
          required
          maxLength={500}
          placeholder={t.openRevisionPlaceholder}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`${t.openRevision} ${name}`}>
          {pending ? t.openingRevision : t.openRevision}
        </Button>
        <Message state={state} ok="" />
      </div>
    </form>
  );
}
