"use client";

import { useActionState, useTransition, type FormEvent } from "react";
import type { Outcome } from "@/app/_server/operation";

/**
 * A form bound to a server action that keeps what the user typed: React resets an uncontrolled
 * form after a form action, so with JavaScript the submit goes through a transition instead (the
 * plain `action` still works before hydration). `toPayload` turns the form into the operation's
 * input when FormData's flat keys are not enough (a department's units).
 */
export function useKeptForm<O>(
  action: (state: Outcome<O> | null, payload: FormData | Record<string, unknown>) => Promise<Outcome<O>>,
  toPayload?: (form: FormData) => Record<string, unknown>,
) {
  const [state, dispatch, pending] = useActionState<Outcome<O> | null, FormData | Record<string, unknown>>(
    action,
    null,
  );
  const [transitioning, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(toPayload ? toPayload(form) : form));
  };
  const fieldError = (name: string) => (state && !state.ok ? (state.fieldErrors[name]?.[0] ?? null) : null);
  return {
    state,
    formAction: dispatch as (form: FormData) => void,
    onSubmit,
    pending: pending || transitioning,
    fieldError,
  };
}
