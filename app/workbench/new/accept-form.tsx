"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Outcome } from "@/app/_server/operation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startDisclosureAction } from "./actions";
import type { StartInput } from "./operations";

type Started = { id: string; href: string };
type State = Outcome<Started> | null;

/**
 * The button that creates the draft (empty, from last year, or from an upload just previewed),
 * and what the server answered when it refused: a draft that exists meanwhile comes with its link.
 */
export function AcceptForm({
  input,
  label,
  variant = "primary",
  testId,
}: {
  input: StartInput;
  label: string;
  variant?: "primary" | "secondary";
  testId?: string;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<State, FormData>(startDisclosureAction, null);
  useEffect(() => {
    if (state?.ok) router.push(state.data.href);
  }, [state, router]);
  const existingId = state && !state.ok ? state.refs?.existingId : undefined;
  return (
    <form action={formAction} className="space-y-3">
      {Object.entries(input).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <Button type="submit" variant={variant} disabled={pending || state?.ok === true} data-testid={testId}>
        {pending || state?.ok ? zhCN.imports.start.creating : label}
      </Button>
      {state && !state.ok ? (
        <Alert tone="error">
          {state.formError}
          {existingId ? (
            <Link href={`/disclosures/${existingId}`} className="ml-2 font-medium underline underline-offset-2">
              {zhCN.imports.start.openExisting}
            </Link>
          ) : null}
        </Alert>
      ) : null}
    </form>
  );
}
