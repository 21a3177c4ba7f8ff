"use client";

import { useActionState } from "react";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import type { Outcome } from "@/app/_server/operation";
import { resetPasswordAction } from "@/app/admin/users/actions";
import { Button } from "@/components/ui/button";
import { PasswordNotice } from "./password-notice";

const u = adminMessages.users;
type State = Outcome<{ userId: string; username: string; password: string }> | null;

/** 重置密码: asks first, then shows the new password once. */
export function ResetPasswordForm({ userId, username }: { userId: string; username: string }) {
  const [state, formAction, pending] = useActionState<State, FormData>(resetPasswordAction, null);
  return (
    <div className="space-y-3">
      <form
        action={formAction}
        onSubmit={(e) => {
          if (!window.confirm(u.resetConfirm(username))) e.preventDefault();
        }}
      >
        <input type="hidden" name="userId" value={userId} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {u.resetPassword}
        </Button>
      </form>
      {state?.ok ? <PasswordNotice username={state.data.username} password={state.data.password} /> : null}
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
    </div>
  );
}
