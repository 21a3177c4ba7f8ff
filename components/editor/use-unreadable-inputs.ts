"use client";

import { useCallback, useEffect, useMemo, useState } from "react";

type Texts = Readonly<Record<string, string>>;

/**
 * Every input the editor holds that cannot be read, by path: the section forms' (kept by autosave
 * with the local copy) and the project tables' (a 金额 or 权重 of "abc", held by the grid itself
 * while it is open). Neither is saved, so the save status, the side bar and the submit list count
 * them all, and leaving the page with one warns as leaving with unsaved edits does.
 */
export function useUnreadableInputs(formTexts: Texts): {
  paths: ReadonlyArray<string>;
  onGridText(path: string, text: string | null): void;
} {
  const [gridTexts, setGridTexts] = useState<Texts>({});
  const onGridText = useCallback(
    (path: string, text: string | null) =>
      setGridTexts((prev) => {
        if (text === null) {
          if (!(path in prev)) return prev;
          const { [path]: _gone, ...rest } = prev;
          return rest;
        }
        return prev[path] === text ? prev : { ...prev, [path]: text };
      }),
    [],
  );
  const paths = useMemo(() => [...Object.keys(formTexts), ...Object.keys(gridTexts)], [formTexts, gridTexts]);

  // The forms' texts are in the local copy (autosave warns for them); the grid's live only here.
  const held = Object.keys(gridTexts).length > 0;
  useEffect(() => {
    if (!held) return;
    const leaving = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", leaving);
    return () => window.removeEventListener("beforeunload", leaving);
  }, [held]);

  return { paths, onGridText };
}
