"use client";

import { useActionState } from "react";
import type { Outcome } from "@/app/_server/operation";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button } from "@/components/ui/button";
import { startYearExportAction } from "./actions";

const t = zhCN.portal.exports;
const CHOICES = [
  ["pdf", "PDF"],
  ["docx", "Word"],
  ["xlsx", "Excel"],
  ["json", "JSON"],
  ["csv", "CSV"],
  ["datapackage", "财政数据包"],
] as const;

type State = Outcome<{ id: string }> | null;

/** Year and formats; a refusal keeps both as they were chosen. */
export function ExportForm({ years, defaultYear }: { years: number[]; defaultYear: number | undefined }) {
  const [state, formAction, pending] = useActionState<State, FormData>(startYearExportAction, null);
  const error = state && !state.ok ? (Object.values(state.fieldErrors).flat()[0] ?? state.formError) : null;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-x-6 gap-y-3 px-5 py-4">
      <label className="text-sm text-slate-700">
        {t.year}
        <select
          name="fiscalYear"
          defaultValue={defaultYear}
          className="mt-1 block h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {zhCN.common.yearSuffix(y)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="text-sm text-slate-700">
        <legend>{t.formats}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {CHOICES.map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-1.5">
              <input type="checkbox" name="formats" value={value} defaultChecked />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending || years.length === 0}>
        {pending ? t.starting : t.start}
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
