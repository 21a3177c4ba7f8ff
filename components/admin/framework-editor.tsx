"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import {
  get,
  useFieldArray,
  useForm,
  type Control,
  type FieldErrors,
  type FieldPath,
  type UseFormRegister,
} from "react-hook-form";
import { deleteFrameworkAction, updateFrameworkAction } from "@/app/admin/frameworks/actions";
import { frameworkEditForm, formOf, pairKey, type FrameworkEditForm } from "@/lib/admin/framework-edit";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";

const f = adminMessages.frameworks;
const e = f.edit;

/** Who uses what, already in words: level-1 name → text, pairKey(level1, level2) → text. */
export type UsageText = { level1: Record<string, string>; pairs: Record<string, string> };

/**
 * 修改 on an admin-added framework's card: opens the editor in place; after a save the page's
 * table shows the new levels (the action revalidates) and the editor closes with a note.
 */
export function FrameworkEditPanel({
  framework,
  expected,
  usage,
  deletable,
}: {
  framework: IndicatorFramework;
  expected: string;
  usage: UsageText;
  deletable: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const remove = async () => {
    if (!window.confirm(e.deleteConfirm(framework.name))) return;
    setDeleting(true);
    setDeleteError(null);
    const outcome = await deleteFrameworkAction({ id: framework.id, expected });
    setDeleting(false);
    if (!outcome.ok) setDeleteError(outcome.formError);
  };
  if (!open)
    return (
      <div className="space-y-3 border-t border-slate-200 px-5 py-3">
        {note ? <Alert tone="success">{note}</Alert> : null}
        {deleteError ? <Alert tone="error">{deleteError}</Alert> : null}
        <div className="flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            aria-label={`${e.open} ${framework.name}`}
            onClick={() => {
              setNote(null);
              setOpen(true);
            }}
          >
            {e.open}
          </Button>
          {deletable ? (
            <Button variant="ghost" size="sm" disabled={deleting} onClick={remove}>
              {e.delete}
            </Button>
          ) : null}
        </div>
      </div>
    );
  return (
    <div className="border-t border-slate-200 px-5 py-4">
      <FrameworkEditor
        framework={framework}
        expected={expected}
        usage={usage}
        onCancel={() => setOpen(false)}
        onSaved={(changes) => {
          setOpen(false);
          setNote(changes.length === 0 ? e.unchanged : `${e.saved}${changes.join("；")}。`);
        }}
      />
    </div>
  );
}

type Props = {
  framework: IndicatorFramework;
  expected: string;
  usage: UsageText;
  onCancel: () => void;
  onSaved: (changes: string[]) => void;
};

/**
 * The edit form (react-hook-form with the server's zod schema): name, source, and every level-1 with
 * its level-2s, each renamed, moved, removed or added in place. Used names carry a 使用中 mark with
 * who uses them. A refused save keeps every field as typed and puts each message at its place.
 */
export function FrameworkEditor({ framework, expected, usage, onCancel, onSaved }: Props) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FrameworkEditForm>({
    resolver: zodResolver(frameworkEditForm),
    defaultValues: formOf(framework, expected),
  });
  const levels = useFieldArray({ control, name: "levels" });
  const base = `fw-edit-${framework.id}`;

  const onSubmit = async (values: FrameworkEditForm) => {
    setFormError(null);
    const outcome = await updateFrameworkAction(values);
    if (outcome.ok) return onSaved(outcome.data.changes);
    for (const [path, messages] of Object.entries(outcome.fieldErrors))
      setError(path as FieldPath<FrameworkEditForm>, { type: "server", message: messages.join(" ") });
    setFormError(outcome.formError);
  };
  const invalid = (found: FieldErrors<FrameworkEditForm>) => setFormError(e.refusedSummary(countErrors(found)));
  const listError = messageAt(errors, "levels");

  return (
    <form onSubmit={handleSubmit(onSubmit, invalid)} noValidate className="space-y-4" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} className="text-base font-semibold text-slate-900">
        {e.title(framework.name)}
      </h3>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <p className="text-sm text-slate-600">{e.rules}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor={`${base}-name`}>{f.name}</Label>
          <Input
            id={`${base}-name`}
            invalid={!!errors.name}
            aria-describedby={`${base}-name-error`}
            {...register("name")}
          />
          <FieldError id={`${base}-name-error`} message={errors.name?.message} />
        </div>
        <div>
          <Label htmlFor={`${base}-source`}>{f.source}</Label>
          <Input
            id={`${base}-source`}
            invalid={!!errors.source}
            aria-describedby={`${base}-source-error`}
            {...register("source")}
          />
          <FieldError id={`${base}-source-error`} message={errors.source?.message} />
        </div>
      </div>
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      <ol className="space-y-3">
        {levels.fields.map((field, i) => {
          const level1Used = field.original ? usage.level1[field.original] : undefined;
          const nameError = messageAt(errors, `levels.${i}.name`);
          const id = `${base}-l1-${field.id}`;
          return (
            <li key={field.id} className="rounded-md border border-slate-200 bg-slate-50 p-3">
              <fieldset aria-label={e.level1(i + 1)}>
                <div className="flex flex-wrap items-start gap-2">
                  <div className="max-w-md min-w-48 flex-1">
                    <Label htmlFor={id}>
                      {f.level1} {i + 1}
                    </Label>
                    <Input
                      id={id}
                      invalid={!!nameError}
                      aria-describedby={`${id}-error ${id}-use`}
                      className="font-medium"
                      {...register(`levels.${i}.name`)}
                    />
                    <FieldError id={`${id}-error`} message={nameError} />
                    {level1Used ? (
                      <p id={`${id}-use`} className="mt-1 text-xs text-slate-500">
                        <Badge tone="info">{e.inUse}</Badge> {e.inUseHint(level1Used)}
                      </p>
                    ) : null}
                  </div>
                  <div className="flex gap-1 pt-6">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`${e.moveUp} ${e.level1(i + 1)}`}
                      disabled={i === 0}
                      onClick={() => levels.move(i, i - 1)}
                    >
                      ↑
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`${e.moveDown} ${e.level1(i + 1)}`}
                      disabled={i === levels.fields.length - 1}
                      onClick={() => levels.move(i, i + 1)}
                    >
                      ↓
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`${e.remove} ${e.level1(i + 1)}`}
                      onClick={() => levels.remove(i)}
                    >
                      {e.remove}
                    </Button>
                  </div>
                </div>
                <Level2List
                  control={control}
                  register={register}
                  errors={errors}
                  index={i}
                  level1Original={field.original}
                  usage={usage}
                  base={id}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        size="sm"
        onClick={() =>
          levels.append(
            { original: "", name: "", level2: [{ original: "", name: "" }] },
            { focusName: `levels.${levels.fields.length}.name` },
          )
        }
      >
        + {e.addLevel1}
      </Button>
      <div className="flex gap-2 border-t border-slate-200 pt-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? e.saving : e.save}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {e.cancel}
        </Button>
      </div>
    </form>
  );
}

function Level2List({
  control,
  register,
  errors,
  index,
  level1Original,
  usage,
  base,
}: {
  control: Control<FrameworkEditForm>;
  register: UseFormRegister<FrameworkEditForm>;
  errors: FieldErrors<FrameworkEditForm>;
  index: number;
  level1Original: string;
  usage: UsageText;
  base: string;
}) {
  const list = useFieldArray({ control, name: `levels.${index}.level2` });
  const listError = messageAt(errors, `levels.${index}.level2`);
  return (
    <div className="mt-3 pl-4">
      <p className="mb-1 text-sm font-medium text-slate-700">{f.level2}</p>
      {listError ? (
        <p role="alert" className="mb-1 text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      <ol className="space-y-2">
        {list.fields.map((field, j) => {
          const used =
            field.original && level1Original ? usage.pairs[pairKey(level1Original, field.original)] : undefined;
          const error = messageAt(errors, `levels.${index}.level2.${j}.name`);
          const id = `${base}-l2-${field.id}`;
          const label = `${e.level1(index + 1)}的${e.level2(j + 1)}`;
          return (
            <li key={field.id}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="w-5 text-right text-xs text-slate-500" aria-hidden>
                  {j + 1}
                </span>
                <Input
                  id={id}
                  aria-label={label}
                  invalid={!!error}
                  aria-describedby={`${id}-error ${id}-use`}
                  className="h-8 max-w-xs flex-1"
                  {...register(`levels.${index}.level2.${j}.name`)}
                />
                {/* The mark's place is kept on every row so the buttons line up. */}
                <span id={`${id}-use`} title={used ? e.inUseHint(used) : undefined} className="w-14">
                  {used ? <Badge tone="info">{e.inUse}</Badge> : null}
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`${e.moveUp} ${label}`}
                  disabled={j === 0}
                  onClick={() => list.move(j, j - 1)}
                >
                  ↑
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`${e.moveDown} ${label}`}
                  disabled={j === list.fields.length - 1}
                  onClick={() => list.move(j, j + 1)}
                >
                  ↓
                </Button>
                <Button size="sm" variant="ghost" aria-label={`${e.remove} ${label}`} onClick={() => list.remove(j)}>
                  {e.remove}
                </Button>
              </div>
              <div className="pl-7">
                <FieldError id={`${id}-error`} message={error} />
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        variant="ghost"
        size="sm"
        className="mt-1"
        onClick={() =>
          list.append({ original: "", name: "" }, { focusName: `levels.${index}.level2.${list.fields.length}.name` })
        }
      >
        + {e.addLevel2}
      </Button>
    </div>
  );
}

/** A message at a path: a field's own, or a list's (the resolver puts those under `.root`, setError on the path itself). */
function messageAt(errors: FieldErrors<FrameworkEditForm>, path: string): string | undefined {
  const at = get(errors, path) as { message?: string; root?: { message?: string } } | undefined;
  return at?.message ?? at?.root?.message ?? undefined;
}

/** How many messages the resolver found, for the summary at the top. */
function countErrors(value: unknown): number {
  if (!value || typeof value !== "object") return 0;
  const node = value as Record<string, unknown>;
  const own = typeof node.message === "string" ? 1 : 0;
  return (
    own +
    Object.entries(node).reduce(
      (n, [key, child]) => (key === "ref" || key === "message" || key === "type" ? n : n + countErrors(child)),
      0,
    )
  );
}
