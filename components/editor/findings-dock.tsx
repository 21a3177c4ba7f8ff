"use client";

import { useEffect, useRef, useState } from "react";
import { FindingsPanel } from "./findings-panel";

/**
 * The findings beside the wide sections (五's project tables, the budget tables), which need the
 * page's whole width: kept at the foot of the screen inside the section's card, so they stay in
 * view down a long page instead of waiting below it. It opens and closes; while it covers the
 * foot of the screen, a field or cell scrolled into view stops above it.
 */
export function FindingsDock({ document }: { document: unknown }) {
  const [open, setOpen] = useState(true);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const dock = ref.current;
    if (!dock) return;
    const root = window.document.documentElement;
    const pad = () => {
      // Docked only on wide screens (lg:sticky); below that it is the page's last block.
      const docked = getComputedStyle(dock).position === "sticky";
      root.style.scrollPaddingBottom = docked ? `${dock.offsetHeight + 8}px` : "";
    };
    pad();
    const observer = new ResizeObserver(pad);
    observer.observe(dock);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingBottom = "";
    };
  }, []);
  return (
    <div ref={ref} data-testid="findings-dock" className="z-30 -mx-6 -mb-5 mt-6 lg:sticky lg:bottom-0">
      <FindingsPanel document={document} docked={{ open, onToggle: () => setOpen((v) => !v) }} />
    </div>
  );
}
