"use client";

import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import { SATISFACTION_FLOOR_RANGE } from "@/lib/rules/indicator-targets";
import { openFiscalYearAction, startYearDraftsAction, updateFiscalYearAction } from "@/app/admin/fiscal-years/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { useKeptForm } from "./use-kept-form";

const y = adminMessages.years;
type Framework = { id: string; name: string };
const select = "h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

function FrameworkSelect({ id, frameworks, value }: { id: string; frameworks: Framework[]; value?: string }) {
  return (
    <select id={id} name="frameworkId" defaultValue={value} className={select}>
      {frameworks.map((f) => (
        <option key={f.id} value={f.id}>
          {f.name}
        </option>
      ))}
    </select>
  );
}

/** 开启新年度: the year, its framework and deadline, and (ticked by default) every department's draft. */
export function OpenYearForm({ frameworks, suggestedYear }: { frameworks: Framework[]; suggestedYear: number }) {
  const { state, formAction, onSubmit, pending, fieldError } = useKeptForm(openFiscalYearAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">{y.opened(state.data.year, state.data.carried.length, state.data.empty.length)}</Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <Label htmlFor="new-year">{y.year}</Label>
          <Input
            id="new-year"
            name="year"
            inputMode="numeric"
            defaultValue={suggestedYear}
            invalid={!!fieldError("year")}
            aria-describedby="new-year-error"
          />
          <FieldError id="new-year-error" message={fieldError("year")} />
        </div>
        <div>
          <Label htmlFor="new-framework">{y.framework}</Label>
          <FrameworkSelect id="new-framework" frameworks={frameworks} value={frameworks.at(-1)?.id} />
          <FieldError id="new-framework-error" message={fieldError("frameworkId")} />
        </div>
        <div>
          <Label htmlFor="new-deadline">{y.deadline}</Label>
          <Input
            id="new-deadline"
            name="submissionDeadline"
            type="date"
            invalid={!!fieldError("submissionDeadline")}
            aria-describedby="new-deadline-error"
          />
          <FieldError id="new-deadline-error" message={fieldError("submissionDeadline")} />
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="startDrafts" defaultChecked />
        {y.startDrafts}
      </label>
      <Button type="submit" disabled={pending}>
        {y.createSubmit}
      </Button>
    </form>
  );
}

/** One year's framework, deadline and status, changed in place. */
export function YearRowForm({
  year,
  frameworkId,
  deadline,
  status,
  satisfactionFloor,
  frameworks,
}: {
  year: number;
  frameworkId: string;
  deadline: string | null;
  status: "open" | "closed";
  satisfactionFloor: number;
  frameworks: Framework[];
}) {
  const { state, formAction, onSubmit, pending, fieldError } = useKeptForm(updateFiscalYearAction);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="grid items-end gap-3 sm:grid-cols-[1fr_10rem_8rem_9rem_auto]"
      aria-label={zhCN.common.yearSuffix(year)}
    >
      <input type="hidden" name="year" value={year} />
      <div>
        <Label htmlFor={`fw-${year}`}>{y.framework}</Label>
        <FrameworkSelect id={`fw-${year}`} frameworks={frameworks} value={frameworkId} />
      </div>
      <div>
        <Label htmlFor={`dl-${year}`}>{y.deadline}</Label>
        <Input
          id={`dl-${year}`}
          name="submissionDeadline"
          type="date"
          defaultValue={deadline ?? ""}
          invalid={!!fieldError("submissionDeadline")}
        />
      </div>
      <div>
        <Label htmlFor={`st-${year}`}>{y.status}</Label>
        <select id={`st-${year}`} name="status" defaultValue={status} className={select}>
          <option value="open">{y.open}</option>
          <option value="closed">{y.closed}</option>
        </select>
      </div>
      <div>
        <Label htmlFor={`floor-${year}`}>{y.floor}</Label>
        <Input
          id={`floor-${year}`}
          name="satisfactionFloor"
          type="number"
          inputMode="numeric"
          min={SATISFACTION_FLOOR_RANGE.min}
          max={SATISFACTION_FLOOR_RANGE.max}
          step={1}
          title={y.floorHint}
          defaultValue={satisfactionFloor}
          invalid={!!fieldError("satisfactionFloor")}
          aria-describedby={fieldError("satisfactionFloor") ? `year-error-${year}` : undefined}
        />
      </div>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {y.save}
        </Button>
        {state?.ok ? <span className="text-sm text-green-700">{y.saved}</span> : null}
      </div>
      {state && !state.ok ? (
        <p id={`year-error-${year}`} role="alert" className="text-sm text-red-700 sm:col-span-5">
          {state.formError ?? fieldError("submissionDeadline") ?? fieldError("satisfactionFloor")}
        </p>
      ) : null}
    </form>
  );
}

/** Drafts for departments that have none yet (added after the year was opened). */
export function StartDraftsForm({ year, missing }: { year: number; missing: number }) {
  const { state, formAction, onSubmit, pending } = useKeptForm(startYearDraftsAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-3 text-sm">
      <input type="hidden" name="year" value={year} />
      <span className={missing > 0 ? "text-amber-800" : "text-slate-600"}>
        {missing > 0 ? y.missingDrafts(missing) : y.allHaveDrafts}
      </span>
      {missing > 0 ? (
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {y.startDraftsButton}
        </Button>
      ) : null}
      {state?.ok ? (
        <span className="text-green-700">{y.draftsStarted(state.data.carried.length, state.data.empty.length)}</span>
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
