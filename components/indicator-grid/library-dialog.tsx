"use client";

import { useEffect, useId, useMemo, useState } from "react";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import type { Indicator } from "@/lib/domain/model";
import { entryToIndicator, fitToFramework, type LibraryEntry, type LibrarySearchResult } from "@/lib/grid/library";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Modal } from "./modal";

const m = gridMessages.library;

export type LibraryPick = Indicator;

type Tab = "common" | "own";

/**
 * Search the indicator library (common indicators and the department's own rows of earlier
 * years) and pick rows to insert below the active row. Picked rows are fitted to this table's
 * framework (2020's 效果指标 becomes 2021's 效益指标) and say so.
 */
export function LibraryDialog(props: {
  endpoint: string;
  departmentId: string;
  framework: IndicatorFramework;
  fiscalYear?: number;
  onInsert(picks: LibraryPick[]): void;
  onCancel(): void;
}) {
  const titleId = useId();
  const [query, setQuery] = useState("");
  const [tab, setTab] = useState<Tab>("common");
  const [result, setResult] = useState<LibrarySearchResult | null>(null);
  const [failed, setFailed] = useState(false);
  const [picked, setPicked] = useState<Map<string, LibraryEntry>>(new Map());
  const { endpoint, departmentId, framework, fiscalYear } = props;

  useEffect(() => {
    const controller = new AbortController();
    // A short pause after the last keystroke: one request per word, not per letter.
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ departmentId, framework: framework.id, q: query.trim() });
      if (fiscalYear) params.set("year", String(fiscalYear));
      try {
        const response = await fetch(`${endpoint}?${params}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!response.ok) throw new Error(String(response.status));
        setResult((await response.json()) as LibrarySearchResult);
        setFailed(false);
      } catch (error) {
        if (!controller.signal.aborted) setFailed(true);
        void error;
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [endpoint, departmentId, framework.id, fiscalYear, query]);

  const entries = result ? result[tab] : [];
  const toggle = (entry: LibraryEntry) =>
    setPicked((prev) => {
      const next = new Map(prev);
      if (next.has(entry.id)) next.delete(entry.id);
      else next.set(entry.id, entry);
      return next;
    });
  const picks = useMemo(() => [...picked.values()].map((e) => entryToIndicator(e, framework)), [picked, framework]);

  return (
    <Modal
      title={m.title}
      labelledBy={titleId}
      wide
      onCancel={props.onCancel}
      footer={
        <>
          <Button variant="secondary" size="sm" onClick={props.onCancel}>
            {m.cancel}
          </Button>
          <Button size="sm" disabled={picks.length === 0} onClick={() => props.onInsert(picks)}>
            {m.insert(picks.length)}
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm" data-testid="indicator-library">
        <label className="block">
          <span className="mb-1 block text-xs font-medium text-slate-700">{m.searchLabel}</span>
          <input
            type="search"
            // biome-ignore lint/a11y/noAutofocus: the dialog opens to search; its first and only field takes the typing.
            autoFocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={m.searchPlaceholder}
            className="block h-9 w-full rounded-md border border-slate-300 px-3 text-sm focus-visible:outline-2 focus-visible:outline-brand-600"
          />
        </label>
        <div role="tablist" aria-label={m.title} className="flex gap-1 border-b border-slate-200">
          {(["common", "own"] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={cn(
                "-mb-px border-b-2 px-3 py-1.5 text-sm",
                tab === t
                  ? "border-brand-600 font-medium text-brand-700"
                  : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {t === "common" ? m.common : m.own}
              {result ? <span className="tabular ml-1 text-xs text-slate-500">{result[t].length}</span> : null}
            </button>
          ))}
        </div>
        {failed ? (
          <p role="alert" className="text-red-800">
            {m.failed}
          </p>
        ) : !result ? (
          <p className="text-slate-500">{m.loading}</p>
        ) : entries.length === 0 ? (
          <p className="text-slate-500">{m.empty}</p>
        ) : (
          <ul role="tabpanel" className="divide-y divide-slate-200 rounded-md border border-slate-200">
            {entries.map((entry) => (
              <EntryRow
                key={entry.id}
                entry={entry}
                framework={framework}
                checked={picked.has(entry.id)}
                onToggle={() => toggle(entry)}
              />
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}

function EntryRow({
  entry,
  framework,
  checked,
  onToggle,
}: {
  entry: LibraryEntry;
  framework: IndicatorFramework;
  checked: boolean;
  onToggle(): void;
}) {
  const fit = fitToFramework(entry, framework);
  return (
    <li>
      <label className={cn("flex cursor-pointer gap-3 px-3 py-2 hover:bg-slate-50", checked && "bg-brand-50")}>
        <input
          type="checkbox"
          checked={checked}
          onChange={onToggle}
          className="mt-1 h-4 w-4 shrink-0"
          aria-label={m.selectRow(entry.name)}
        />
        <span className="min-w-0 flex-1">
          <span className="flex flex-wrap items-baseline gap-x-2">
            <span className="text-xs text-slate-500">
              {fit.level1} › {fit.level2}
            </span>
            <span className="font-medium text-slate-900">{entry.name}</span>
            <span className="tabular text-slate-800">{entry.target}</span>
            {fit.fitted ? <span className="text-xs text-amber-800">{m.fittedNote}</span> : null}
          </span>
          {entry.description ? <span className="block text-xs text-slate-600">{entry.description}</span> : null}
          <span className="block truncate text-xs text-slate-500">
            {entry.source === "own" && entry.fiscalYear
              ? m.source(entry.fiscalYear, entry.project ?? "")
              : m.commonSource}
            {entry.basis ? ` · ${entry.basis}` : ""}
          </span>
        </span>
      </label>
    </li>
  );
}
