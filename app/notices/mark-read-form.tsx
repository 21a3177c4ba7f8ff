"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { Outcome } from "@/app/_server/operation";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button } from "@/components/ui/button";
import { markNoticesReadAction } from "./actions";

/** 全部标为已读: only the signed-in person's own notices (the query is keyed on them). */
export function MarkAllReadForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState<Outcome<unknown> | null, FormData>(markNoticesReadAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action}>
      <input type="hidden" name="ids" value="all" />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {zhCN.workflow.notices.markAllRead}
      </Button>
    </form>
  );
}
