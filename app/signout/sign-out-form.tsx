"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button, ButtonLink } from "@/components/ui/button";

/** Confirming is a POST through next-auth (CSRF-protected), so a link alone cannot sign anyone out. */
export function SignOutForm() {
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex gap-3">
      <Button
        variant="primary"
        className="flex-1"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await signOut({ redirect: false });
          window.location.assign("/signin");
        }}
      >
        {busy ? zhCN.signOut.signingOut : zhCN.signOut.confirm}
      </Button>
      <ButtonLink href="/home" variant="secondary" className="flex-1">
        {zhCN.signOut.cancel}
      </ButtonLink>
    </div>
  );
}
