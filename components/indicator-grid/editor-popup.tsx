"use client";

import { forwardRef, useImperativeHandle, useState } from "react";
import { readTargetText } from "@/lib/grid/target-display";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { cn } from "@/components/ui/cn";
import type { GridColumnKey } from "@/lib/grid/columns";

/**
 * What shows under the cell being edited: the reading of a 指标值 as it is typed (`≥ 95 %`, 定性,
 * or why it cannot be read), or the list of choices of a 一级/二级/方向 cell, or the reason the
 * last commit was refused. It keeps its own state and is fed through a handle on each input event,
 * so typing re-renders this box only, never the grid.
 */

export type EditorPopupHandle = {
  /** The editor's text changed. */
  update(text: string): void;
  /** Arrow keys in a choice cell move the highlight; returns false when there is no list. */
  moveHighlight(delta: number): boolean;
  /** The highlighted choice, if the list shows one. */
  picked(): string | null;
  reset(text: string, showAll: boolean): void;
};

type Props = {
  column: GridColumnKey;
  choices: ReadonlyArray<string>;
  error: string | null;
  visible: boolean;
  onPick(choice: string): void;
};

const matching = (choices: ReadonlyArray<string>, text: string, showAll: boolean) => {
  const t = text.trim();
  if (showAll || t === "") return [...choices];
  return choices.filter((c) => c.includes(t));
};

export const EditorPopup = forwardRef<EditorPopupHandle, Props>(function EditorPopup(
  { column, choices, error, visible, onPick },
  ref,
) {
  const [text, setText] = useState("");
  const [showAll, setShowAll] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const list = matching(choices, text, showAll);

  useImperativeHandle(
    ref,
    () => ({
      update(next) {
        setText(next);
        setShowAll(false);
        setHighlight(0);
      },
      moveHighlight(delta) {
        if (list.length === 0) return false;
        setHighlight((h) => (h + delta + list.length) % list.length);
        return true;
      },
      picked() {
        // An emptied cell stays empty: the first choice is only taken when the list was asked for.
        if (text.trim() === "" && !showAll) return null;
        return list.length > 0 ? list[Math.min(highlight, list.length - 1)] : null;
      },
      reset(next, all) {
        setText(next);
        setShowAll(all);
        const at = choices.indexOf(next.trim());
        setHighlight(all && at >= 0 ? at : 0);
      },
    }),
    [list, highlight, choices, text, showAll],
  );

  if (!visible) return null;
  const isChoice = column === "level1" || column === "level2" || column === "direction";
  const reading = column === "target" ? readTargetText(text) : null;

  return (
    <div className="absolute top-full left-0 z-30 mt-0.5 min-w-full text-xs" data-testid="cell-popup">
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-red-800 shadow-sm">
          {error}
        </p>
      ) : null}
      {reading ? (
        <p
          data-testid="target-reading"
          className={cn(
            "rounded border bg-white px-2 py-1 shadow-sm whitespace-nowrap",
            reading.tone === "unparsed" ? "border-red-300 text-red-700" : "border-slate-300 text-slate-700",
          )}
        >
          <span className="tabular font-medium">{reading.text}</span>
        </p>
      ) : null}
      {isChoice ? (
        list.length > 0 ? (
          <ul
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the cell's combobox owns focus; the list is its popup (aria-activedescendant pattern).
            role="listbox"
            aria-label={gridMessages.cell.choiceHint}
            className="max-h-56 overflow-auto rounded border border-slate-300 bg-white py-1 shadow-md"
          >
            {list.map((choice, i) => (
              // biome-ignore lint/a11y/useFocusableInteractive: an option of the popup above, chosen with the keys or the mouse, never focused itself.
              <li
                key={choice}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: as above.
                role="option"
                aria-selected={i === highlight}
                className={cn(
                  "cursor-pointer px-2 py-1 whitespace-nowrap",
                  i === highlight ? "bg-brand-600 text-white" : "text-slate-800 hover:bg-slate-100",
                )}
                // mousedown, not click: the editor must keep focus (and its IME state) while choosing.
                onMouseDown={(e) => {
                  e.preventDefault();
                  onPick(choice);
                }}
              >
                {choice}
              </li>
            ))}
          </ul>
        ) : choices.length === 0 ? (
          <p className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-600 shadow-sm">
            {gridMessages.cell.noChoices}
          </p>
        ) : null
      ) : null}
    </div>
  );
});
