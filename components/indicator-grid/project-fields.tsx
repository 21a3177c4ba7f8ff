"use client";

import { useEffect, useRef, useState } from "react";
import { normaliseNumber, parseAmount } from "@/lib/domain/money";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import type { Finding } from "@/lib/rules/finding";
import { cn } from "@/components/ui/cn";

/** A project fund's own fields above its grid (name, 金额, goal), each with its findings under it. */

const m = gridMessages.projects;

function FieldNotes({ findings, error }: { findings: ReadonlyArray<Finding>; error?: string | null }) {
  if (!error && findings.length === 0) return null;
  return (
    <ul className="mt-1 text-xs">
      {error ? <li className="text-red-800">{error}</li> : null}
      {findings.map((f, i) => (
        <li key={i} className={f.severity === "error" ? "text-red-800" : "text-amber-900"}>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

const inputClass = (invalid: boolean) =>
  cn(
    "block w-full rounded-md border bg-white px-3 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 read-only:bg-slate-50",
    invalid ? "border-red-600" : "border-slate-300",
  );

export function TextField(props: {
  label: string;
  value: string;
  readOnly: boolean;
  multiline?: boolean;
  findings: ReadonlyArray<Finding>;
  path: string;
  onChange(v: string): void;
}) {
  const invalid = props.findings.some((f) => f.severity === "error");
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the label wraps its input or textarea, chosen below.
    <label className="block" data-path={props.path}>
      <span className="mb-1 block text-xs font-medium text-slate-700">{props.label}</span>
      {props.multiline ? (
        <textarea
          rows={2}
          value={props.value}
          readOnly={props.readOnly}
          aria-invalid={invalid || undefined}
          onChange={(e) => props.onChange(e.target.value)}
          className={inputClass(invalid)}
        />
      ) : (
        <input
          value={props.value}
          readOnly={props.readOnly}
          aria-invalid={invalid || undefined}
          onChange={(e) => props.onChange(e.target.value)}
          className={inputClass(invalid)}
        />
      )}
      <FieldNotes findings={props.findings} />
    </label>
  );
}

/** Amounts are typed freely (`1,000`, full-width digits) and read on leaving the field; unreadable text stays for correction. */
export function AmountField(props: {
  value: string | null;
  readOnly: boolean;
  findings: ReadonlyArray<Finding>;
  path: string;
  onChange(v: string | null): void;
  onInvalidText?(path: string, text: string | null): void;
}) {
  const [draft, setDraft] = useState(props.value ?? "");
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  // A value from outside (undo, a merge) replaces the draft when the field is not being typed in;
  // leaving the field does not, or an unreadable text would vanish behind its message.
  const shown = useRef(props.value);
  useEffect(() => {
    if (focused || props.value === shown.current) return;
    shown.current = props.value;
    setDraft(props.value ?? "");
    setError(null);
  }, [props.value, focused]);
  // Unreadable text is kept here, not saved: the editor says so until it is corrected or the field goes.
  const { onInvalidText, path } = props;
  const unreadable = error ? draft : null;
  useEffect(() => onInvalidText?.(path, unreadable), [onInvalidText, path, unreadable]);
  useEffect(() => () => onInvalidText?.(path, null), [onInvalidText, path]);
  const invalid = !!error || props.findings.some((f) => f.severity === "error");
  return (
    <label className="block" data-path={props.path}>
      <span className="mb-1 block text-xs font-medium text-slate-700">{m.amount}</span>
      <input
        inputMode="decimal"
        value={draft}
        readOnly={props.readOnly}
        aria-invalid={invalid || undefined}
        onFocus={() => setFocused(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          setFocused(false);
          const t = draft.trim();
          if (t === "") {
            setError(null);
            if (props.value !== null) props.onChange(null);
            return;
          }
          // Money has two decimals: a third is a typing mistake to show, not to round away.
          const n = normaliseNumber(t);
          const amount = n !== null && /^-?\d*(\.\d{0,2})?$/.test(n) ? parseAmount(n) : null;
          if (amount === null) {
            setError(m.amountInvalid);
            return;
          }
          setError(null);
          setDraft(amount);
          if (amount !== props.value) props.onChange(amount);
        }}
        className={cn(inputClass(invalid), "amount")}
      />
      <FieldNotes findings={props.findings} error={error} />
    </label>
  );
}
