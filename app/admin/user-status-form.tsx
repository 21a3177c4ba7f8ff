"use client";

import { useActionState } from "react";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Outcome } from "@/app/_server/operation";
import { Button } from "@/components/ui/button";
import { setUserDisabledAction } from "./actions";

type State = Outcome<{ userId: string; disabled: boolean }> | null;

/** 停用 / 启用 for one user. A plain form, so it works before the page's JavaScript has loaded. */
export function UserStatusForm({
  userId,
  disabled,
  username,
}: {
  userId: string;
  disabled: boolean;
  username: string;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(setUserDisabledAction, null);
  const label = disabled ? zhCN.administration.users.enable : zhCN.administration.users.disable;
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <Button
        type="submit"
        size="sm"
        variant={disabled ? "secondary" : "ghost"}
        disabled={pending}
        aria-label={`${label} ${username}`}
      >
        {label}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
