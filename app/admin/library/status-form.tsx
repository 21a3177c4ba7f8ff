"use client";

import { useActionState } from "react";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import type { Outcome } from "@/app/_server/operation";
import { Button } from "@/components/ui/button";
import { setLibraryEntryActiveAction } from "./actions";

const m = gridMessages.admin;

type State = Outcome<{ id: string; active: boolean }> | null;

/** 停用 / 恢复 for one entry; a plain form, working before the page's JavaScript has loaded. */
export function EntryStatusForm({ id, active, name }: { id: string; active: boolean; name: string }) {
  const [state, formAction, pending] = useActionState<State, FormData>(setLibraryEntryActiveAction, null);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Button
        type="submit"
        size="sm"
        variant={active ? "ghost" : "secondary"}
        disabled={pending}
        aria-label={active ? m.retireLabel(name) : m.restoreLabel(name)}
      >
        {active ? m.retire : m.restore}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
