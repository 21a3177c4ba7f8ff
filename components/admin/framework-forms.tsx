"use client";

import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { createFrameworkAction, setRuleSeverityAction } from "@/app/admin/frameworks/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { useKeptForm } from "./use-kept-form";

const f = adminMessages.frameworks;

/** A new framework: id, name, source and its levels typed one 一级 per line (optionally started from another's). */
export function FrameworkForm({ levels, source }: { levels?: string; source?: string } = {}) {
  const { state, formAction, onSubmit, pending, fieldError } = useKeptForm(createFrameworkAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{f.created(state.data.id)}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <Label htmlFor="fw-id">{f.id}</Label>
          <Input id="fw-id" name="id" invalid={!!fieldError("id")} aria-describedby="fw-id-hint fw-id-error" />
          <p id="fw-id-hint" className="mt-1 text-xs text-slate-500">
            {f.idHint}
          </p>
          <FieldError id="fw-id-error" message={fieldError("id")} />
        </div>
        <div>
          <Label htmlFor="fw-name">{f.name}</Label>
          <Input id="fw-name" name="name" invalid={!!fieldError("name")} aria-describedby="fw-name-error" />
          <FieldError id="fw-name-error" message={fieldError("name")} />
        </div>
        <div>
          <Label htmlFor="fw-source">{f.source}</Label>
          <Input id="fw-source" name="source" defaultValue={source} />
        </div>
      </div>
      <div>
        <Label htmlFor="fw-levels">{f.levels}</Label>
        <textarea
          id="fw-levels"
          name="levels"
          rows={6}
          defaultValue={levels}
          aria-invalid={!!fieldError("levels") || undefined}
          aria-describedby="fw-levels-hint fw-levels-error"
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <p id="fw-levels-hint" className="mt-1 text-xs text-slate-500">
          {f.levelsHint}
        </p>
        {state && !state.ok
          ? (state.fieldErrors.levels ?? []).map((message) => (
              <p key={message} id="fw-levels-error" className="mt-1 text-sm text-red-700">
                {message}
              </p>
            ))
          : null}
      </div>
      <Button type="submit" disabled={pending}>
        {f.createSubmit}
      </Button>
    </form>
  );
}

const severities = ["default", "error", "warning", "info", "off"] as const;

/** One rule's severity: the catalogue default or an override. */
export function RuleSeverityForm({ ruleId, current }: { ruleId: string; current: (typeof severities)[number] }) {
  const { state, formAction, onSubmit, pending } = useKeptForm(setRuleSeverityAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="ruleId" value={ruleId} />
      <select
        name="severity"
        defaultValue={current}
        aria-label={`${f.severity} ${ruleId}`}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
      >
        {severities.map((s) => (
          <option key={s} value={s}>
            {s === "default" ? f.severityDefault : f.severities[s]}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {f.saveSeverity}
      </Button>
      {state?.ok ? <span className="text-xs text-green-700">{adminMessages.years.saved}</span> : null}
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
