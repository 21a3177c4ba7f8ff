"use client";

import { useState } from "react";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { Button } from "@/components/ui/button";

const u = adminMessages.users;

/** A generated password, shown once with a copy button; it is never stored in clear. */
export function PasswordNotice({ username, password }: { username: string; password: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="mb-2 text-amber-900">{u.passwordShownOnce(username)}</p>
      <div className="flex items-center gap-3">
        <span className="text-slate-600">{u.initialPassword}</span>
        <code data-testid="initial-password" className="rounded bg-white px-2 py-1 font-mono text-base tracking-wide">
          {password}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(password).then(() => setCopied(true));
          }}
        >
          {copied ? u.copied : u.copy}
        </Button>
      </div>
    </div>
  );
}
