"use client";

import Link from "next/link";
import { useState } from "react";
import type { Role } from "@/lib/auth/actor";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import { createUserAction, updateUserAction } from "@/app/admin/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { PasswordNotice } from "./password-notice";
import { useKeptForm } from "./use-kept-form";

const u = adminMessages.users;

export type UserFormValues = {
  userId?: string;
  username: string;
  displayName: string;
  role: Role;
  departmentIds: string[];
  groupIds: string[];
};
type Option = { id: string; label: string };

/**
 * Create or change a user: name, role and the scope that goes with the role — a clerk's
 * departments, an approver's desks. The server checks with the same schema (lib/admin/forms.ts)
 * and its messages appear at the field; nothing typed is lost on an error.
 */
export function UserForm({
  initial,
  departments,
  desks,
}: {
  initial: UserFormValues | null;
  departments: Option[];
  desks: Option[];
}) {
  const editing = initial?.userId != null;
  const create = useKeptForm(createUserAction);
  const update = useKeptForm(updateUserAction);
  const { state, formAction, onSubmit, pending, fieldError } = editing ? update : create;
  const [role, setRole] = useState<Role>(initial?.role ?? "clerk");
  const [filter, setFilter] = useState("");
  const shownDepartments = departments.filter((d) => filter === "" || d.label.includes(filter));

  if (!editing && create.state?.ok) {
    const made = create.state.data;
    return (
      <div className="space-y-4">
        <Alert tone="success">{u.created(made.username)}</Alert>
        <PasswordNotice username={made.username} password={made.password} />
        <div className="flex gap-3 text-sm">
          <Link href={`/admin/users/${made.userId}`} className="text-brand-700 underline">
            {u.edit}
          </Link>
          <Link href="/admin/users" className="text-brand-700 underline">
            {u.back}
          </Link>
        </div>
      </div>
    );
  }

  const err = (name: string) => fieldError(name);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {editing && state?.ok ? <Alert tone="success">{u.saved}</Alert> : null}
      {editing ? <input type="hidden" name="userId" value={initial!.userId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor="username">{u.username}</Label>
          {editing ? (
            <p id="username" className="py-2 text-sm font-medium">
              {initial!.username}
            </p>
          ) : (
            <>
              <Input
                id="username"
                name="username"
                autoComplete="off"
                defaultValue={initial?.username}
                invalid={!!err("username")}
                aria-describedby="username-hint username-error"
              />
              <p id="username-hint" className="mt-1 text-xs text-slate-500">
                {u.usernameHint}
              </p>
              <FieldError id="username-error" message={err("username")} />
            </>
          )}
        </div>
        <div>
          <Label htmlFor="displayName">{u.displayName}</Label>
          <Input
            id="displayName"
            name="displayName"
            defaultValue={initial?.displayName}
            invalid={!!err("displayName")}
            aria-describedby="displayName-error"
          />
          <FieldError id="displayName-error" message={err("displayName")} />
        </div>
        <div>
          <Label htmlFor="role">{u.role}</Label>
          <select
            id="role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            className="h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            {(["clerk", "approver", "admin"] as const).map((r) => (
              <option key={r} value={r}>
                {zhCN.roles[r]}
              </option>
            ))}
          </select>
          <FieldError id="role-error" message={err("role")} />
        </div>
      </div>

      <fieldset hidden={role !== "clerk"} className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{u.departments}</legend>
        <p className="mb-2 text-xs text-slate-500">{u.departmentsHint}</p>
        <input
          type="search"
          aria-label={u.filterDepartments}
          placeholder={u.filterDepartments}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="mb-2 h-8 w-56 rounded-md border border-slate-300 px-2 text-sm"
        />
        <div className="grid max-h-56 gap-1 overflow-y-auto sm:grid-cols-2 lg:grid-cols-3">
          {departments.map((d) => (
            <label key={d.id} hidden={!shownDepartments.includes(d)} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="departmentIds"
                value={d.id}
                defaultChecked={initial?.departmentIds.includes(d.id)}
              />
              {d.label}
            </label>
          ))}
        </div>
        <FieldError id="departmentIds-error" message={err("departmentIds")} />
      </fieldset>

      <fieldset hidden={role !== "approver"} className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{u.desks}</legend>
        <p className="mb-2 text-xs text-slate-500">{u.desksHint}</p>
        <div className="flex flex-wrap gap-4">
          {desks.map((d) => (
            <label key={d.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="groupIds" value={d.id} defaultChecked={initial?.groupIds.includes(d.id)} />
              {d.label}
            </label>
          ))}
        </div>
        <FieldError id="groupIds-error" message={err("groupIds")} />
      </fieldset>
      {role === "admin" ? <p className="text-sm text-slate-600">{u.noScopeForAdmin}</p> : null}

      <Button type="submit" disabled={pending}>
        {editing ? u.save : u.createSubmit}
      </Button>
    </form>
  );
}
