"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { signOutAction } from "./actions";

/**
 * Confirming ends this session on the server first (a server action: Next refuses it from another
 * site), so a copy of the cookie stops working; then next-auth clears the cookie (a CSRF-protected
 * POST). If the server could not end the session the user is told so and stays here, rather than
 * believing they are out while the session still works.
 */
export function SignOutForm() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      {error ? (
        <Alert tone="error" className="mb-4">
          {error}
        </Alert>
      ) : null}
      <div className="flex gap-3">
        <Button
          variant="primary"
          className="flex-1"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            const outcome = await signOutAction({}).catch(() => null);
            // Not signed in any more (idle, signed out in another tab): nothing left to end here.
            if (!outcome || (!outcome.ok && outcome.code !== "unauthenticated")) {
              setError(outcome?.formError ?? zhCN.errors.generic);
              setBusy(false);
              return;
            }
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
    </div>
  );
}
