"use client";

import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { zhCN } from "@/lib/i18n/zh-CN";
import { formName } from "@/lib/editor/section-forms";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useEditor, useFindingsAt } from "./editor-context";
import { FindingNote } from "./finding-note";

const m = zhCN.editor.list;

/** Keys that follow the rows through moves and removals, so React keeps each row's inputs (and focus). */
function useRowKeys(length: number) {
  const keys = useRef<string[]>([]);
  const next = useRef(0);
  const fresh = () => `row-${next.current++}`;
  // A list replaced from outside (a merge, a restored copy): keys for the rows it now has.
  while (keys.current.length < length) keys.current.push(fresh());
  if (keys.current.length > length) keys.current = keys.current.slice(0, length);
  return { keys, fresh };
}

const FOCUSABLE = "input:not([disabled]), textarea:not([disabled]), select:not([disabled])";

type ListEditorProps<T> = {
  /** The list's canonical path: `responsibilities`, `performance.subGoals`. */
  path: string;
  title: string;
  itemLabel: (n: number) => string;
  makeItem: () => T;
  renderItem: (itemPath: string, index: number) => ReactNode;
  /** Rows side by side in a grid (tables) or one block under another. */
  variant?: "blocks" | "rows";
  header?: ReactNode;
  /** On the list's own section: a list that is a group of the form takes the group's rule (layout's groupRule). */
  className?: string;
};

/**
 * A list the clerk adds to, removes from and reorders, with buttons and from the keyboard
 * (Alt+↑/↓ move the row the cursor is in, Alt+Insert adds a row after it, Alt+Delete removes it);
 * the shortcuts are in the buttons' tooltips. Focus follows the row.
 */
export function ListEditor<T>({
  path,
  title,
  itemLabel,
  makeItem,
  renderItem,
  variant = "blocks",
  header,
  className,
}: ListEditorProps<T>) {
  const { readOnly } = useEditor();
  const { control, getValues, setValue } = useFormContext();
  const name = formName(path);
  const items = (useWatch({ control, name }) as T[] | undefined) ?? [];
  const { keys, fresh } = useRowKeys(items.length);
  const listRef = useRef<HTMLOListElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const findings = useFindingsAt(path, true);

  const focusRow = (key: string, field = 0) =>
    requestAnimationFrame(() => {
      const row = listRef.current?.querySelector(`[data-row-key="${key}"]`);
      const inputs = row?.querySelectorAll<HTMLElement>(FOCUSABLE);
      inputs?.[Math.min(field, inputs.length - 1)]?.focus();
    });

  const commit = (next: T[], nextKeys: string[], focus?: { key: string; field?: number }, message?: string) => {
    keys.current = nextKeys;
    setValue(name, next, { shouldDirty: true, shouldTouch: true });
    if (focus) focusRow(focus.key, focus.field);
    if (message) setAnnouncement(message);
  };
  const current = () => (getValues(name) as T[] | undefined) ?? [];

  const insertAt = (at: number) => {
    const key = fresh();
    const list = current();
    commit(
      [...list.slice(0, at), makeItem(), ...list.slice(at)],
      [...keys.current.slice(0, at), key, ...keys.current.slice(at)],
      { key },
      itemLabel(at + 1),
    );
  };
  const remove = (at: number) => {
    const list = current();
    const nextKeys = keys.current.filter((_, i) => i !== at);
    const focusKey = nextKeys[Math.min(at, nextKeys.length - 1)];
    commit(
      list.filter((_, i) => i !== at),
      nextKeys,
      focusKey ? { key: focusKey } : undefined,
      m.removed,
    );
  };
  const move = (at: number, by: -1 | 1, field = 0) => {
    const to = at + by;
    const list = current();
    if (to < 0 || to >= list.length) return;
    const swap = <X,>(xs: X[]) => {
      const copy = [...xs];
      [copy[at], copy[to]] = [copy[to], copy[at]];
      return copy;
    };
    commit(swap(list), swap(keys.current), { key: keys.current[at], field }, m.moved(to + 1));
  };

  const onKeyDown = (at: number) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (readOnly || !e.altKey) return;
    const inputs = [...e.currentTarget.querySelectorAll(FOCUSABLE)];
    const field = Math.max(0, inputs.indexOf(e.target as Element));
    if (e.key === "ArrowUp") move(at, -1, field);
    else if (e.key === "ArrowDown") move(at, 1, field);
    else if (e.key === "Insert") insertAt(at + 1);
    else if (e.key === "Delete") remove(at);
    else return;
    e.preventDefault();
  };

  return (
    <section data-field-path={path} aria-label={title} className={cn("scroll-mt-24", className)}>
      <div className="mb-2 flex items-center justify-between gap-3">
        <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
        {!readOnly ? (
          <Button size="sm" variant="secondary" title={m.addHint} onClick={() => insertAt(items.length)}>
            ＋ {m.add}
          </Button>
        ) : null}
      </div>
      {findings.length > 0 ? (
        <ul className="mb-2 space-y-1">
          {findings.map((f) => (
            <FindingNote key={`${f.rule}|${f.message}`} finding={f} />
          ))}
        </ul>
      ) : null}
      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-sm text-slate-500">{m.empty}</p>
      ) : null}
      {header && items.length > 0 ? header : null}
      <ol
        ref={listRef}
        className={cn(
          variant === "blocks" ? "space-y-3" : "divide-y divide-slate-100 rounded-md border border-slate-200",
        )}
      >
        {items.map((_, i) => {
          const key = keys.current[i];
          return (
            <li
              key={key}
              data-row-key={key}
              onKeyDown={onKeyDown(i)}
              className={cn(
                "flex items-start gap-2",
                variant === "blocks" ? "rounded-md border border-slate-200 bg-white p-3" : "px-2 py-2",
              )}
            >
              <span className="mt-2 w-7 shrink-0 text-right text-xs text-slate-500 tabular-nums" aria-hidden>
                {i + 1}
              </span>
              <div className="min-w-0 flex-1">{renderItem(`${path}[${i}]`, i)}</div>
              {!readOnly ? (
                <div className="flex shrink-0 flex-col gap-1 pt-0.5 sm:flex-row">
                  <RowButton
                    label={`${m.moveUp} ${itemLabel(i + 1)}`}
                    title={m.moveUpHint}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </RowButton>
                  <RowButton
                    label={`${m.moveDown} ${itemLabel(i + 1)}`}
                    title={m.moveDownHint}
                    disabled={i === items.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </RowButton>
                  <RowButton
                    label={`${m.remove} ${itemLabel(i + 1)}`}
                    title={m.removeHint}
                    onClick={() => remove(i)}
                    danger
                  >
                    ✕
                  </RowButton>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}

function RowButton({
  label,
  title,
  onClick,
  disabled,
  danger,
  children,
}: {
  label: string;
  title: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={title}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        "inline-flex h-8 w-8 items-center justify-center rounded-md border border-slate-200 bg-white text-sm text-slate-600 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40",
        danger && "hover:border-red-200 hover:bg-red-50 hover:text-red-700",
      )}
    >
      {children}
    </button>
  );
}
