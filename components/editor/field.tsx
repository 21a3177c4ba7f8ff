"use client";

import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { useAnnotation } from "./annotations";
import { useFindingsAt } from "./editor-context";
import { FindingNote } from "./finding-note";

export type FieldControl = { id: string; describedBy: string | undefined; invalid: boolean };

type FieldProps = {
  /** The canonical path of the value (`budget.income.total`): findings and comments are found by it. */
  path: string;
  label: ReactNode;
  /** Label kept for screen readers only (table cells whose column says it). */
  hideLabel?: boolean;
  hint?: ReactNode;
  /** The form's own message (the zod schema's, or an unreadable input's). */
  error?: string | null;
  /** Lists show only the findings about the list itself; their items show their own. */
  exact?: boolean;
  /** Shown after the input: a computed sum, a change against last year. */
  after?: ReactNode;
  className?: string;
  children: (control: FieldControl) => ReactNode;
};

/**
 * One field of the editor: label, input, the form's error, every finding of the rules at this
 * path, and the review comments for it. `data-field-path` is how the findings panel finds the
 * field to jump to.
 */
export function Field({ path, label, hideLabel, hint, error, exact, after, className, children }: FieldProps) {
  const id = useId();
  const findings = useFindingsAt(path, exact);
  const annotation = useAnnotation(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const findingsId = findings.length > 0 ? `${id}-findings` : undefined;
  const describedBy = [errorId, findingsId, hintId].filter(Boolean).join(" ") || undefined;
  const invalid = !!error || findings.some((f) => f.severity === "error");
  return (
    <div data-field-path={path} className={cn("min-w-0 scroll-mt-24 rounded-md", className)}>
      <label htmlFor={id} className={cn("mb-1 block text-sm font-medium text-slate-700", hideLabel && "sr-only")}>
        {label}
      </label>
      {children({ id, describedBy, invalid })}
      {after}
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {findings.length > 0 ? (
        <ul id={findingsId} className="mt-1 space-y-1">
          {findings.map((f) => (
            <FindingNote key={`${f.rule}|${f.path}|${f.message}`} finding={f} />
          ))}
        </ul>
      ) : null}
      {hint && !error ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {annotation ? <div className="mt-1">{annotation}</div> : null}
    </div>
  );
}
