"use client";

import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { createDeskAction, setDeskApproversAction } from "@/app/admin/desks/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { useKeptForm } from "./use-kept-form";

const k = adminMessages.desks;

export function CreateDeskForm() {
  const { state, formAction, onSubmit, pending, fieldError } = useKeptForm(createDeskAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <div>
        <Label htmlFor="desk-name">{k.name}</Label>
        <Input
          id="desk-name"
          name="name"
          className="w-56"
          invalid={!!fieldError("name")}
          aria-describedby="desk-name-error"
        />
        <FieldError id="desk-name-error" message={fieldError("name")} />
      </div>
      <Button type="submit" disabled={pending}>
        {k.createSubmit}
      </Button>
      {state && !state.ok && !fieldError("name") ? <Alert tone="error">{state.formError}</Alert> : null}
    </form>
  );
}

/** Which approvers review this desk's departments (approver ↔ department assignment). */
export function DeskApproversForm({
  groupId,
  approvers,
  assigned,
}: {
  groupId: string;
  approvers: { id: string; label: string }[];
  assigned: string[];
}) {
  const { state, formAction, onSubmit, pending } = useKeptForm(setDeskApproversAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="groupId" value={groupId} />
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {approvers.map((a) => (
          <label key={a.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="userIds" value={a.id} defaultChecked={assigned.includes(a.id)} />
            {a.label}
          </label>
        ))}
        {approvers.length === 0 ? <span className="text-sm text-slate-500">{k.none}</span> : null}
      </div>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {k.saveApprovers}
        </Button>
        {state?.ok ? <span className="text-sm text-green-700">{k.saved}</span> : null}
        {state && !state.ok ? (
          <span role="alert" className="text-sm text-red-700">
            {state.formError}
          </span>
        ) : null}
      </div>
    </form>
  );
}
