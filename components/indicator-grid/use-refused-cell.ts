"use client";

import { useCallback, useRef } from "react";
import type { GridColumnKey } from "@/lib/grid/columns";
import type { Cell } from "@/lib/grid/navigation";

/**
 * The grid's cell whose typed text is refused (a 权重 of "abc"), told to the editor around by its
 * rule path so it counts as not saved; the one told before is withdrawn when it changes or goes.
 */
export function useRefusedCell(
  onInvalidText: ((path: string, text: string | null) => void) | undefined,
  pathPrefix: string,
  columns: ReadonlyArray<GridColumnKey>,
): (at: Cell | null, text: string) => void {
  const refused = useRef<string | null>(null);
  const latest = useRef({ onInvalidText, pathPrefix, columns });
  latest.current = { onInvalidText, pathPrefix, columns };
  return useCallback((at: Cell | null, text: string) => {
    const { onInvalidText: tell, pathPrefix: prefix, columns: keys } = latest.current;
    const path = at ? `${prefix}.indicators[${at.row}].${keys[at.col]}` : null;
    if (refused.current && refused.current !== path) tell?.(refused.current, null);
    refused.current = path;
    if (path) tell?.(path, text);
  }, []);
}
