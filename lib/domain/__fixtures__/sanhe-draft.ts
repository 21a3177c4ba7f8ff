import type { SavedDisclosure, SavedIndicator } from "../editable";
import { sanhe2020 } from "./sanhe-2020";

/**
 * The golden 2020 三河 disclosure as an editable draft: every project fund, indicator and
 * procurement line gets a fresh uuid, as the database gives them, so the diff and the merge are
 * tested on the rows they meet in production. Typed as the database's content (editable.ts).
 */
export function sanheDraft(): SavedDisclosure {
  const d = sanhe2020();
  return {
    ...d,
    performance: {
      ...d.performance,
      projects: d.performance.projects.map((p) => ({
        ...p,
        id: crypto.randomUUID(),
        indicators: p.indicators.map((i) => ({ ...i, id: crypto.randomUUID() })),
      })),
    },
    procurement: { ...d.procurement, items: d.procurement.items.map((i) => ({ ...i, id: crypto.randomUUID() })) },
  };
}

/** A new indicator row, as the grid adds one. */
export function newIndicator(name: string, raw = "≥1次"): SavedIndicator {
  return {
    id: crypto.randomUUID(),
    level1: "产出指标",
    level2: "数量指标",
    name,
    description: "",
    target: { raw, kind: "unparsed" },
    basis: "往年历史数据",
  };
}
