"use client";

import { useActionState, useRef, useState, useTransition, type ReactNode } from "react";
import type { SheetProblem } from "@/lib/admin/sheet";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import type { Outcome } from "@/app/_server/operation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const m = adminMessages.sheet;

type Result = { fileName: string; rowCount: number; problems: SheetProblem[] };
type Props<R extends Result> = {
  action: (state: Outcome<R> | null, form: FormData) => Promise<Outcome<R>>;
  /** The columns the sheet must have, shown as the template line. */
  columns: string[];
  /** How many records the file holds (departments or users), for the ready line. */
  count: (result: R) => number;
  /** The records as read, shown under the problems. */
  preview: (result: R) => ReactNode;
  /** What a commit says when done (the passwords of new users). */
  done: (result: R) => ReactNode;
  isDone: (result: R) => boolean;
  /** Sent with the file: what the import is for (the fiscal year of a catalogue). */
  fields?: Record<string, string>;
  /** Said above the problems and the rows once read (what the sheet would change). */
  summary?: (result: R) => ReactNode;
};

/**
 * Bulk import in two steps with the same file: 预览 reads and checks every row and lists every
 * problem by its sheet row; 确认导入 sends the file again and the server takes all rows or none.
 */
export function SheetImport<R extends Result>({
  action,
  columns,
  count,
  preview,
  done,
  isDone,
  fields = {},
  summary,
}: Props<R>) {
  const [state, dispatch, pending] = useActionState<Outcome<R> | null, FormData>(action, null);
  const [, startTransition] = useTransition();
  const [file, setFile] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const send = (mode: "preview" | "commit") => {
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    form.set("mode", mode);
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    startTransition(() => dispatch(form));
  };
  const result = state?.ok ? state.data : null;
  const finished = result && isDone(result);

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        {m.accepts} {m.template}：<span className="font-medium text-slate-800">{columns.join("、")}</span>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm">
          <span className="sr-only">{m.pick}</span>
          <input
            ref={input}
            type="file"
            name="file"
            accept=".xlsx,.csv,.txt"
            aria-label={m.pick}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
            }}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5"
          />
        </label>
        <Button variant="secondary" disabled={!file || pending} onClick={() => send("preview")}>
          {pending ? m.previewing : m.preview}
        </Button>
        {result && !finished && result.problems.length === 0 ? (
          <Button disabled={pending} onClick={() => send("commit")}>
            {pending ? m.committing : m.commit}
          </Button>
        ) : null}
      </div>

      {state && !state.ok ? <Alert tone="error">{state.formError}</Alert> : null}
      {result && finished ? <Alert tone="success">{m.imported(count(result))}</Alert> : null}
      {result && finished ? done(result) : null}
      {result && summary ? summary(result) : null}
      {result && !finished && result.problems.length > 0 ? (
        <div>
          <Alert tone="error">{m.blocked(result.problems.length)}</Alert>
          <table className="mt-3 w-full text-sm" aria-label={m.problems}>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="w-24 px-3 py-2 font-medium whitespace-nowrap">{m.problemRow}</th>
                <th className="w-32 px-3 py-2 font-medium">{m.problemColumn}</th>
                <th className="px-3 py-2 font-medium">{m.problemMessage}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.problems.map((p, i) => (
                <tr key={i}>
                  <td className="tabular px-3 py-1.5 whitespace-nowrap">
                    {p.row === null ? m.wholeSheet : m.rowNumber(p.row)}
                  </td>
                  <td className="px-3 py-1.5">{p.column ?? "—"}</td>
                  <td className="px-3 py-1.5 text-red-800">{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result && !finished && result.problems.length === 0 ? <Alert tone="info">{m.ready(count(result))}</Alert> : null}
      {result && !finished ? (
        <div>
          <p className="mb-2 text-sm text-slate-600">
            {result.fileName} · {m.rows(result.rowCount)}
          </p>
          <div className="max-h-96 overflow-y-auto rounded-md border border-slate-200">{preview(result)}</div>
        </div>
      ) : null}
    </div>
  );
}
