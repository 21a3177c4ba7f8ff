"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * Where review comments meet the form. Every field of the editor asks this context for what to
 * show under it, by the field's canonical path (`budget.income.total`,
 * `performance.projects[0].indicators[6].target`); the review area provides the content (a
 * comment thread, a count) by wrapping the editor in <EditorAnnotations value={…}>. Without a
 * provider nothing is shown.
 */
export type Annotations = {
  /** What to show under the field at `path`: a thread, a "2 条意见" link, or null. */
  forPath?: (path: string) => ReactNode;
};

const AnnotationsContext = createContext<Annotations>({});

export function EditorAnnotations({ value, children }: { value: Annotations; children: ReactNode }) {
  return <AnnotationsContext.Provider value={value}>{children}</AnnotationsContext.Provider>;
}

export function useAnnotation(path: string): ReactNode {
  return useContext(AnnotationsContext).forPath?.(path) ?? null;
}
