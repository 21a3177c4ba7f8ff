"use client";

import { useCallback, useEffect, useState } from "react";
import type { SectionId } from "@/lib/domain/model";
import { formatPath, toSegments } from "@/lib/domain/paths";
import { sectionOfPath } from "@/lib/editor/section-state";
import { requestGridFocus } from "@/components/indicator-grid/focus-event";

/** The element for a path, or for the nearest enclosing path that has one (a row, its table, its list). */
export function locateField(path: string): HTMLElement | null {
  let segments = [...toSegments(path)];
  while (segments.length > 0) {
    const element = document.querySelector<HTMLElement>(`[data-field-path="${CSS.escape(formatPath(segments))}"]`);
    if (element) return element;
    segments = segments.slice(0, -1);
  }
  return null;
}

const HIGHLIGHT = ["ring-2", "ring-amber-400", "ring-offset-2"];

/**
 * Jumping to a field after its section has rendered: scroll it into the middle of the screen,
 * put the cursor in its input, and mark it for a moment so the eye finds it.
 */
export function useJump(renderedSection: SectionId) {
  const [target, setTarget] = useState<{ path: string; seq: number } | null>(null);
  useEffect(() => {
    // Wait for the field's section to be the one on screen.
    if (!target || sectionOfPath(target.path) !== renderedSection) return;
    // A project or indicator cell: the grid opens the project and selects the cell itself.
    if (target.path.startsWith("performance.projects[")) requestGridFocus(target.path);
    const frame = requestAnimationFrame(() => {
      // An indicator cell: the grid puts its own cursor there (focusing it scrolls it into view);
      // focusing the first button of the projects here would take the keyboard away from it.
      if (/^performance\.projects\[\d+\]\.indicators\[\d+\]/.test(target.path)) {
        (
          document.querySelector<HTMLElement>(`td[data-path="${CSS.escape(target.path)}"]`) ?? locateField(target.path)
        )?.scrollIntoView({ block: "center" });
        return;
      }
      const element = locateField(target.path);
      if (!element) return;
      element.scrollIntoView({ block: "center" });
      element
        .querySelector<HTMLElement>("input:not([disabled]), textarea:not([disabled]), select, button")
        ?.focus({ preventScroll: true });
      element.classList.add(...HIGHLIGHT);
      setTimeout(() => element.classList.remove(...HIGHLIGHT), 1600);
    });
    return () => cancelAnimationFrame(frame);
  }, [target, renderedSection]);
  return useCallback((path: string) => setTarget({ path, seq: Date.now() }), []);
}
