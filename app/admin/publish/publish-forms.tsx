"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
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
 * 发布 for one approved disclosure. It asks first, saying what it freezes: the content at this
 * revision and version, and the files made from it. A correction (revision 2 on) asks what it
 * corrects; the note given when the revision was opened is offered and what was typed stays after
 * a refusal.
 */
export function PublishForm({
  id,
  version,
  revision,
  name,
  note,
  files,
}: {
  id: string;
  version: number;
  revision: number;
  name: string;
  note: string;
  /** The files publishing produces, in words ("PDF 文件、Word 文件（.docx）…"). */
  files: string;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(publishAction, null);
  const [asking, setAsking] = useState(false);
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
      {asking ? (
        <div
          role="group"
          aria-label={t.confirmTitle(name)}
          className="rounded-md border border-amber-300 bg-amber-50 p-3"
        >
          <p className="text-sm font-medium text-slate-900">{t.confirmTitle(name)}</p>
          <p className="mt-1 text-xs text-slate-700">{t.confirmFreezes(revision, version, files)}</p>
          <p className="mt-1 text-xs text-slate-700">{t.confirmAfter}</p>
          <div className="mt-2 flex items-center gap-2">
            <Button type="submit" size="sm" disabled={pending}>
              {pending ? t.publishing : t.confirm}
            </Button>
            <Button size="sm" variant="ghost" disabled={pending} onClick={() => setAsking(false)}>
              {t.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button size="sm" onClick={() => setAsking(true)} aria-label={`${t.publish} ${name}`}>
            {t.publish}
          </Button>
        </div>
      )}
      <Message state={state} ok={state?.ok ? t.published(name, revision) : ""} />
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
