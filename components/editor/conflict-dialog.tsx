"use client";

import { useEffect, useRef, useState } from "react";
import type { Conflict } from "@/lib/domain/merge";
import { isPlainObject } from "@/lib/domain/json";
import { formatAmount } from "@/lib/domain/money";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

const m = zhCN.editor.conflict;
const f = zhCN.editor.field;
const AMOUNT = /^-?\d+\.\d{2}$/;

/** A value as the clerk reads it: amounts grouped, a row by its texts, a target by what was written. */
function show(value: unknown): string {
  if (value === undefined) return m.rowDeleted;
  if (value === null || value === "") return f.empty;
  if (typeof value === "string") return AMOUNT.test(value) ? formatAmount(value) : value;
  if (typeof value === "number") return String(value);
  if (isPlainObject(value) && typeof value.raw === "string") return value.raw;
  if (isPlainObject(value) || Array.isArray(value)) {
    const texts: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === "string" && v !== "" && !/^[0-9a-f-]{36}$/.test(v))
        texts.push(AMOUNT.test(v) ? formatAmount(v) : v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (isPlainObject(v)) Object.entries(v).forEach(([k, x]) => (k === "id" ? undefined : walk(x)));
    };
    walk(value);
    return texts.join(" · ") || f.empty;
  }
  return String(value);
}

/**
 * Both people changed the same field: each conflict with both values, labelled, and a choice per
 * field. Nothing is saved over either side until every field is chosen.
 */
export function ConflictDialog({
  conflicts,
  onResolve,
}: {
  conflicts: Conflict[];
  onResolve: (choices: Record<string, "mine" | "theirs">) => void;
}) {
  const [choices, setChoices] = useState<Record<string, "mine" | "theirs">>({});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const remaining = conflicts.filter((c) => !choices[c.path]).length;
  const all = (side: "mine" | "theirs") => setChoices(Object.fromEntries(conflicts.map((c) => [c.path, side])));
  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 px-4 py-10">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="conflict-title"
        className="w-full max-w-3xl rounded-lg bg-white shadow-xl"
      >
        <header className="border-b border-slate-200 px-5 py-4">
          <h2
            id="conflict-title"
            ref={heading}
            tabIndex={-1}
            className="text-base font-semibold text-slate-900 outline-none"
          >
            {m.title}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{m.intro}</p>
        </header>
        <ol className="max-h-[60vh] divide-y divide-slate-100 overflow-y-auto px-5">
          {conflicts.map((c) => (
            <li key={c.path} className="py-4" data-testid="conflict" data-path={c.path}>
              <p className="text-sm font-medium text-slate-800">{c.label}</p>
              {c.kind === "row" ? <p className="text-xs text-slate-500">{m.rowKind}</p> : null}
              <p className="mt-1 text-xs text-slate-500">
                {m.base}：{show(c.base)}
              </p>
              <div className="mt-2 grid gap-2 sm:grid-cols-2" role="radiogroup" aria-label={c.label}>
                {(["mine", "theirs"] as const).map((side) => (
                  <label
                    key={side}
                    className={cn(
                      "flex cursor-pointer flex-col rounded-md border px-3 py-2 text-sm",
                      choices[c.path] === side
                        ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600"
                        : "border-slate-300 hover:bg-slate-50",
                    )}
                  >
                    <span className="flex items-center gap-2 text-xs font-medium text-slate-600">
                      <input
                        type="radio"
                        name={`conflict-${c.path}`}
                        checked={choices[c.path] === side}
                        onChange={() => setChoices((x) => ({ ...x, [c.path]: side }))}
                      />
                      {side === "mine" ? m.chooseMine : m.chooseTheirs}（{side === "mine" ? m.mine : m.theirs}）
                    </span>
                    <span
                      className="mt-1 break-words whitespace-pre-wrap text-slate-900 tabular-nums"
                      data-testid={`conflict-${side}`}
                    >
                      {show(side === "mine" ? c.mine : c.theirs)}
                    </span>
                  </label>
                ))}
              </div>
            </li>
          ))}
        </ol>
        <footer className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-5 py-3">
          <Button size="sm" variant="secondary" onClick={() => all("mine")}>
            {m.allMine}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => all("theirs")}>
            {m.allTheirs}
          </Button>
          <span className="ml-auto text-sm text-slate-600">{remaining > 0 ? m.remaining(remaining) : null}</span>
          <Button disabled={remaining > 0} onClick={() => onResolve(choices)}>
            {m.confirm}
          </Button>
        </footer>
      </div>
    </div>
  );
}
