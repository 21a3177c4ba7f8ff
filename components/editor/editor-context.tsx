"use client";

import { createContext, useContext } from "react";
import { explanationOf } from "@/lib/rules/submit-gate";
import { findingsAt } from "@/lib/rules/engine";
import type { Finding } from "@/lib/rules/finding";

/** What every field of the editor needs from the editor around it. */
export type EditorContextValue = {
  readOnly: boolean;
  fiscalYear: number;
  /** The current findings (checkDisclosure on what is typed), in the form's order. */
  findings: ReadonlyArray<Finding>;
  explanations: ReadonlyMap<string, string>;
  /** Keep (or, with "", withdraw) warnings of one rule at `paths` with one written reason; resolves to an error message or null. */
  explain: (rule: string, paths: ReadonlyArray<string>, text: string) => Promise<string | null>;
  /** Show the field at `path`: switch section, scroll, focus. */
  jumpTo: (path: string) => void;
  /** Put a finding's fix (its `fix.value`) at a path no section form holds: the grids' cells. */
  applyFix: (path: string, value: string | null) => void;
};

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("editor fields must sit inside <EditorContext.Provider>");
  return value;
}

/** Findings at a field: at the path or inside it, or (`exact`, for lists) at the path only. */
export function useFindingsAt(path: string, exact = false): Finding[] {
  const { findings } = useEditor();
  return exact ? findings.filter((f) => f.path === path) : findingsAt(findings, path);
}

export function useExplanation(finding: Finding): string | undefined {
  return explanationOf(useEditor().explanations, finding);
}
