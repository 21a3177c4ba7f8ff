"use client";

import Link from "next/link";
import { useState } from "react";
import { fundingForms, orgUnitNatures, type OrgUnit } from "@/lib/domain/model";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { createDepartmentAction, updateDepartmentAction } from "@/app/admin/departments/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { useKeptForm } from "./use-kept-form";

const d = adminMessages.departments;

export type DepartmentFormValues = {
  departmentId?: string;
  code: string;
  name: string;
  groupId: string | null;
  orgUnits: OrgUnit[];
};

/** The units travel as parallel lists (unitName, unitNature…) and become the operation's orgUnits here. */
function toPayload(form: FormData): Record<string, unknown> {
  const names = form.getAll("unitName").map(String);
  const natures = form.getAll("unitNature").map(String);
  const levels = form.getAll("unitLevel").map(String);
  const fundings = form.getAll("unitFunding").map(String);
  const payload: Record<string, unknown> = {
    name: form.get("name"),
    groupId: form.get("groupId"),
    orgUnits: names.map((name, i) => ({ name, nature: natures[i], level: levels[i], fundingForm: fundings[i] })),
  };
  if (form.has("departmentId")) payload.departmentId = form.get("departmentId");
  else payload.code = form.get("code");
  return payload;
}

const blankUnit = (): OrgUnit & { key: number } => ({
  key: Math.random(),
  name: "",
  nature: "行政",
  level: "",
  fundingForm: "财政拨款",
});
const select = "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

/** A department: code (fixed once created), name, desk and its units (nature, level, funding form). */
export function DepartmentForm({
  initial,
  desks,
}: {
  initial: DepartmentFormValues | null;
  desks: { id: string; name: string }[];
}) {
  const editing = initial?.departmentId != null;
  const create = useKeptForm(createDepartmentAction, toPayload);
  const update = useKeptForm(updateDepartmentAction, toPayload);
  const { state, onSubmit, pending, fieldError } = editing ? update : create;
  const [units, setUnits] = useState(() => (initial?.orgUnits ?? []).map((u) => ({ ...u, key: Math.random() })));
  const unitError =
    state && !state.ok ? Object.entries(state.fieldErrors).find(([k]) => k.startsWith("orgUnits"))?.[1][0] : null;

  if (!editing && create.state?.ok) {
    return (
      <div className="space-y-3">
        <Alert tone="success">{d.created(create.state.data.code)}</Alert>
        <div className="flex gap-3 text-sm">
          <Link href={`/admin/departments/${create.state.data.departmentId}`} className="text-brand-700 underline">
            {d.edit}
          </Link>
          <Link href="/admin/users/new" className="text-brand-700 underline">
            {adminMessages.users.create}
          </Link>
          <Link href="/admin/departments" className="text-brand-700 underline">
            {d.back}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {editing && state?.ok ? <Alert tone="success">{d.saved}</Alert> : null}
      {editing ? <input type="hidden" name="departmentId" value={initial!.departmentId} /> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <Label htmlFor="code">{d.code}</Label>
          {editing ? (
            <p id="code" className="tabular py-2 text-sm font-medium">
              {initial!.code}
            </p>
          ) : (
            <>
              <Input
                id="code"
                name="code"
                defaultValue={initial?.code}
                invalid={!!fieldError("code")}
                aria-describedby="code-hint code-error"
              />
              <p id="code-hint" className="mt-1 text-xs text-slate-500">
                {d.codeHint}
              </p>
              <FieldError id="code-error" message={fieldError("code")} />
            </>
          )}
        </div>
        <div>
          <Label htmlFor="name">{d.name}</Label>
          <Input
            id="name"
            name="name"
            defaultValue={initial?.name}
            invalid={!!fieldError("name")}
            aria-describedby="name-error"
          />
          <FieldError id="name-error" message={fieldError("name")} />
        </div>
        <div>
          <Label htmlFor="groupId">{d.desk}</Label>
          <select
            id="groupId"
            name="groupId"
            defaultValue={initial?.groupId ?? ""}
            className="h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            <option value="">{d.noDesk}</option>
            {desks.map((desk) => (
              <option key={desk.id} value={desk.id}>
                {desk.name}
              </option>
            ))}
          </select>
          <FieldError id="groupId-error" message={fieldError("groupId")} />
        </div>
      </div>

      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{d.units}</legend>
        {units.length > 0 ? (
          <table className="w-full text-sm">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="pb-1 font-medium">{d.unitName}</th>
                <th className="w-28 pb-1 font-medium">{d.unitNature}</th>
                <th className="w-32 pb-1 font-medium">{d.unitLevel}</th>
                <th className="w-36 pb-1 font-medium">{d.unitFunding}</th>
                <th className="w-16" />
              </tr>
            </thead>
            <tbody>
              {units.map((unit, i) => (
                <tr key={unit.key}>
                  <td className="py-1 pr-2">
                    <Input
                      name="unitName"
                      aria-label={`${d.unitName} ${i + 1}`}
                      defaultValue={unit.name}
                      className="h-9"
                    />
                  </td>
                  <td className="py-1 pr-2">
                    <select
                      name="unitNature"
                      aria-label={`${d.unitNature} ${i + 1}`}
                      defaultValue={unit.nature}
                      className={select}
                    >
                      {orgUnitNatures.map((n) => (
                        <option key={n}>{n}</option>
                      ))}
                    </select>
                  </td>
                  <td className="py-1 pr-2">
                    <Input
                      name="unitLevel"
                      aria-label={`${d.unitLevel} ${i + 1}`}
                      defaultValue={unit.level}
                      placeholder="正科级"
                      className="h-9"
                    />
                  </td>
                  <td className="py-1 pr-2">
                    <select
                      name="unitFunding"
                      aria-label={`${d.unitFunding} ${i + 1}`}
                      defaultValue={unit.fundingForm}
                      className={select}
                    >
                      {fundingForms.map((f) => (
                        <option key={f}>{f}</option>
                      ))}
                    </select>
                  </td>
                  <td className="py-1">
                    <Button size="sm" variant="ghost" onClick={() => setUnits(units.filter((u) => u.key !== unit.key))}>
                      {d.removeUnit}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <FieldError id="units-error" message={unitError} />
        <Button size="sm" variant="secondary" className="mt-2" onClick={() => setUnits([...units, blankUnit()])}>
          {d.addUnit}
        </Button>
      </fieldset>

      <Button type="submit" disabled={pending}>
        {editing ? d.save : d.createSubmit}
      </Button>
    </form>
  );
}
