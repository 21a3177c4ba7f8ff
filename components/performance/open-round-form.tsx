"use client";

import { openRoundAction } from "@/app/performance/actions";
import type { PerformanceRoundKind } from "@/db/schema/performance";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { useKeptForm } from "@/components/admin/use-kept-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";

/** 开启运行监控 / 开启绩效自评 for a year: the period (monitoring only) and the due date. */
export function OpenRoundForm({ year, kind }: { year: number; kind: PerformanceRoundKind }) {
  const { state, formAction, onSubmit, pending, fieldError } = useKeptForm(openRoundAction);
  const id = (name: string) => `${kind}-${name}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={pm.round.open(kind)}>
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{pm.round.opened(kind, state.data.reports)}</Alert> : null}
      <input type="hidden" name="fiscalYear" value={year} />
      <input type="hidden" name="kind" value={kind} />
      <div className="flex flex-wrap items-end gap-3">
        {kind === "monitoring" ? (
          <div className="w-32">
            <Label htmlFor={id("month")}>{pm.round.periodEndMonth}</Label>
            <select
              id={id("month")}
              name="periodEndMonth"
              defaultValue="7"
              className="h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
              aria-describedby={id("month-help")}
            >
              {Array.from({ length: 11 }, (_, i) => i + 1).map((month) => (
                <option key={month} value={month}>
                  {month} 月
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="w-44">
          <Label htmlFor={id("due")}>{pm.round.dueDate}</Label>
          <Input
            id={id("due")}
            name="dueDate"
            type="date"
            invalid={!!fieldError("dueDate")}
            aria-describedby={id("due-error")}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pm.round.open(kind)}
        </Button>
      </div>
      {kind === "monitoring" ? (
        <p id={id("month-help")} className="text-xs text-slate-500">
          {pm.round.periodEndMonthHelp}
        </p>
      ) : null}
      <FieldError id={id("due-error")} message={fieldError("dueDate")} />
    </form>
  );
}
