"use client";

import { useId, useState, type ReactNode } from "react";
import { useController } from "react-hook-form";
import { formatAmount, normaliseNumber, parseAmount, toHalfWidth } from "@/lib/domain/money";
import { zhCN } from "@/lib/i18n/zh-CN";
import { formName } from "@/lib/editor/section-forms";
import { cn } from "@/components/ui/cn";
import { useEditor } from "./editor-context";
import { Field } from "./field";

const m = zhCN.editor.field;

type Common = {
  path: string;
  label: ReactNode;
  hideLabel?: boolean;
  hint?: ReactNode;
  after?: ReactNode;
  className?: string;
};

const box =
  "block w-full rounded-md border bg-white px-3 text-sm text-slate-900 placeholder:text-slate-400 " +
  "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 disabled:bg-slate-50 disabled:text-slate-700";
const border = (invalid: boolean) => (invalid ? "border-red-600" : "border-slate-300");

export function TextField({
  multiline,
  rows = 3,
  placeholder,
  list,
  ...common
}: Common & { multiline?: boolean; rows?: number; placeholder?: string; list?: string }) {
  const { readOnly } = useEditor();
  const { field, fieldState } = useController({ name: formName(common.path) });
  const value = typeof field.value === "string" ? field.value : "";
  return (
    <Field {...common} error={fieldState.error?.message}>
      {({ id, describedBy, invalid }) =>
        multiline ? (
          <textarea
            id={id}
            ref={field.ref}
            name={field.name}
            rows={rows}
            value={value}
            placeholder={placeholder}
            disabled={readOnly}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(e) => field.onChange(e.target.value)}
            onBlur={field.onBlur}
            className={cn(box, border(invalid), "py-2 leading-relaxed [field-sizing:content]")}
          />
        ) : (
          <input
            id={id}
            ref={field.ref}
            name={field.name}
            value={value}
            list={list}
            placeholder={placeholder}
            disabled={readOnly}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(e) => field.onChange(e.target.value)}
            onBlur={field.onBlur}
            className={cn(box, border(invalid), "h-9")}
          />
        )
      }
    </Field>
  );
}

/** Suggestions that do not restrict: 单位性质 is 行政/参公/事业, but other documents spell it otherwise. */
export function ChoiceField({ options, ...common }: Common & { options: readonly string[] }) {
  const listId = useId();
  return (
    <>
      <TextField {...common} list={listId} />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </>
  );
}

type Reader = {
  /** What the typed text means as the model's value, or null when it is not readable. */
  read: (text: string) => unknown;
  /** The value as shown when the field is not being edited. */
  show: (value: unknown) => string;
  /** Whether the form value is a model value (and not the text of a failed read). */
  accepted: (value: unknown) => boolean;
  invalid: (text: string) => string;
  unit?: string;
  inputMode: "decimal" | "numeric" | "text";
  align: "right" | "left";
};

const AMOUNT_TEXT = /^-?\d+\.\d{2}$/;

const readers = {
  amount: {
    read: (t) => parseAmount(t),
    show: (v) => (typeof v === "string" && AMOUNT_TEXT.test(v) ? formatAmount(v) : typeof v === "string" ? v : ""),
    accepted: (v) => v === null || (typeof v === "string" && AMOUNT_TEXT.test(v)),
    invalid: m.amountInvalid,
    unit: m.unit,
    inputMode: "decimal",
    align: "right",
  },
  count: {
    read: (t) => {
      const n = normaliseNumber(t);
      return n !== null && /^\d+$/.test(n) ? Number(n) : null;
    },
    show: (v) => (v == null ? "" : String(v)),
    accepted: (v) => v === null || typeof v === "number",
    invalid: m.countInvalid,
    inputMode: "numeric",
    align: "right",
  },
  decimal: {
    read: (t) => normaliseNumber(t),
    show: (v) => (typeof v === "string" ? v : ""),
    accepted: (v) => v === null || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)),
    invalid: m.decimalInvalid,
    unit: m.areaUnit,
    inputMode: "decimal",
    align: "right",
  },
  date: {
    read: (t) => {
      const iso = toHalfWidth(t)
        .trim()
        .replace(/[年月/.]/g, "-")
        .replace(/日$/, "");
      const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
      return match ? `${match[1]}-${match[2].padStart(2, "0")}-${match[3].padStart(2, "0")}` : null;
    },
    show: (v) => (typeof v === "string" ? v : ""),
    accepted: (v) => v === null || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)),
    invalid: () => m.dateInvalid,
    inputMode: "text",
    align: "left",
  },
} satisfies Record<string, Reader>;

/**
 * A figure typed as a clerk writes it (`1,062.44`, full-width digits, spaces) and stored as the
 * model's value. Text that cannot be read stays in the box, and in the form, so the schema
 * rejects it at the field and nothing typed is thrown away.
 */
export function NumberField({ kind = "amount", ...common }: Common & { kind?: keyof typeof readers }) {
  const reader: Reader = readers[kind];
  const { readOnly } = useEditor();
  const { field, fieldState } = useController({ name: formName(common.path) });
  const [editing, setEditing] = useState<string | null>(null);
  const shown = editing ?? reader.show(field.value);
  const unreadable = !reader.accepted(field.value);
  const error = fieldState.error ? (unreadable ? reader.invalid(String(field.value)) : fieldState.error.message) : null;
  return (
    <Field {...common} error={error}>
      {({ id, describedBy, invalid }) => (
        <div className="relative">
          <input
            id={id}
            ref={field.ref}
            name={field.name}
            value={shown}
            inputMode={reader.inputMode}
            autoComplete="off"
            disabled={readOnly}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onFocus={() => setEditing(reader.show(field.value))}
            onChange={(e) => {
              const text = e.target.value;
              setEditing(text);
              const read = text.trim() === "" ? null : reader.read(text);
              field.onChange(read ?? (text.trim() === "" ? null : text));
            }}
            onBlur={() => {
              setEditing(null);
              field.onBlur();
            }}
            className={cn(
              box,
              border(invalid),
              "h-9 tabular-nums",
              reader.align === "right" && "text-right",
              reader.unit && "pr-12",
            )}
          />
          {reader.unit ? (
            <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-xs text-slate-500">
              {reader.unit}
            </span>
          ) : null}
        </div>
      )}
    </Field>
  );
}
