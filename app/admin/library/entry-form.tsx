"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { asksScoringStandard, type IndicatorFramework } from "@/lib/domain/frameworks";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import type { Outcome } from "@/app/_server/operation";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { FieldError, Label } from "@/components/ui/label";
import { Input } from "@/components/ui/input";
import { saveLibraryEntryAction } from "./actions";

const m = gridMessages.admin;

export type EntryValues = {
  id?: string;
  level1: string;
  level2: string;
  name: string;
  description: string;
  target: string;
  basis: string;
  scoringStandard: string;
};

type State = Outcome<{ id: string }> | null;

const selectClass =
  "block h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 aria-invalid:border-red-600";

/**
 * Add or change one common indicator. 二级 choices follow the chosen 一级 heading of the framework;
 * problems come back by field (the server checks the same rules) and the typed text stays.
 */
export function EntryForm({
  framework,
  entry,
  cancelHref,
}: {
  framework: IndicatorFramework;
  entry?: EntryValues;
  cancelHref: string;
}) {
  const [state, setState] = useState<State>(null);
  const [pending, startTransition] = useTransition();
  const [level1, setLevel1] = useState(entry?.level1 ?? framework.levels[0]?.level1 ?? "");
  const [level2, setLevel2] = useState(entry?.level2 ?? framework.levels[0]?.level2[0] ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const id = useId();
  const level2Choices = framework.levels.find((l) => l.level1 === level1)?.level2 ?? [];
  const errors = state && !state.ok ? state.fieldErrors : {};
  const err = (field: string) => errors[field]?.[0];

  useEffect(() => {
    if (!state?.ok) return;
    if (entry?.id) router.replace(cancelHref);
    else {
      // A new entry is saved: the form is ready for the next one, under the same headings.
      for (const name of ["name", "description", "target", "basis", "scoringStandard"]) {
        const field = formRef.current?.elements.namedItem(name);
        if (field instanceof HTMLInputElement) field.value = "";
      }
    }
  }, [state, entry?.id, cancelHref, router]);

  const field = (name: Exclude<keyof EntryValues, "id" | "level1" | "level2">, label: string, hint?: string) => (
    <div>
      <Label htmlFor={`${id}-${name}`}>{label}</Label>
      <Input
        id={`${id}-${name}`}
        name={name}
        defaultValue={entry?.[name] ?? ""}
        placeholder={hint}
        invalid={!!err(name)}
        aria-describedby={err(name) ? `${id}-${name}-error` : undefined}
        className={name === "target" ? "tabular" : undefined}
      />
      <FieldError id={`${id}-${name}-error`} message={err(name)} />
    </div>
  );

  return (
    <form
      ref={formRef}
      className="space-y-4"
      data-testid="library-entry-form"
      // Submitted by hand, not as a form action: React resets a form after its action, and a
      // refused entry must keep everything the admin typed.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(async () => setState(await saveLibraryEntryAction(data)));
      }}
    >
      <input type="hidden" name="id" value={entry?.id ?? ""} />
      <input type="hidden" name="frameworkId" value={framework.id} />
      <div className="grid gap-4 md:grid-cols-[10rem_12rem_minmax(0,1fr)_14rem]">
        <div>
          <Label htmlFor={`${id}-level1`}>{m.level1}</Label>
          <select
            id={`${id}-level1`}
            name="level1"
            value={level1}
            className={selectClass}
            onChange={(e) => {
              setLevel1(e.target.value);
              setLevel2(framework.levels.find((l) => l.level1 === e.target.value)?.level2[0] ?? "");
            }}
          >
            {framework.levels.map((l) => (
              <option key={l.level1}>{l.level1}</option>
            ))}
          </select>
        </div>
        <div>
          <Label htmlFor={`${id}-level2`}>{m.level2}</Label>
          <select
            id={`${id}-level2`}
            name="level2"
            value={level2}
            aria-invalid={!!err("level2") || undefined}
            className={selectClass}
            onChange={(e) => setLevel2(e.target.value)}
          >
            {level2Choices.map((l2) => (
              <option key={l2}>{l2}</option>
            ))}
          </select>
          <FieldError id={`${id}-level2-error`} message={err("level2")} />
        </div>
        {field("name", m.name)}
        {field("target", m.target, m.targetHint)}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {field("description", m.description)}
        {field("basis", m.basis)}
        {/* Only the frameworks whose rows have one (财预〔2021〕101号's shape) ask for it. */}
        {asksScoringStandard(framework)
          ? field("scoringStandard", gridMessages.columns.scoringStandard, m.scoringStandardHint)
          : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {entry?.id ? m.save : m.add}
        </Button>
        {entry?.id ? (
          <ButtonLink href={cancelHref} variant="ghost">
            {m.cancel}
          </ButtonLink>
        ) : null}
        <span aria-live="polite" className="text-sm">
          {state?.ok ? <span className="text-emerald-700">{m.saved}</span> : null}
        </span>
      </div>
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
    </form>
  );
}
