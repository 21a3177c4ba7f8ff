"use client";

import { createContext, useContext } from "react";
import type { Target } from "@/lib/domain/model";
import { type Outlier, outlierOf, type SpreadLine, spreadKey } from "@/lib/rules/target-spread";

/** The year's spread of the common indicators by spreadKey, as the page read it from the server; none outside the editor. */
export const TargetSpreadContext = createContext<Readonly<Record<string, SpreadLine>> | null>(null);

/** The spread a row's 指标值 is compared with, and where the value lies against it; null without a number or a spread. */
export function useTargetSpread(
  name: string | undefined,
  target: Target | undefined,
): { line: SpreadLine; outlier: Outlier } | null {
  const spreads = useContext(TargetSpreadContext);
  if (!spreads || name === undefined || target?.kind !== "quantitative") return null;
  const line = spreads[spreadKey(name, target.unit)];
  return line ? { line, outlier: outlierOf(line, target.value) } : null;
}
