import type { Disclosure } from "../domain/model";
import type { NameOf } from "./budget-tables";
import { budgetCharts } from "./charts";
import { documentOutline } from "./document";
import { documentHtml } from "./html";

/**
 * A published disclosure as the portal shows it: the document's HTML (charts drawn, long cells
 * folded) and its table of contents. A published revision never changes, so this is rendered once,
 * when it is published, and stored with it (published_snapshots.portal_page): the outline and the
 * charts took ~100 ms of every request for the page, the portal's most read.
 */
export type PortalPage = {
  html: string;
  contents: Array<{ id: string; heading: string }>;
};

export function renderPortalPage(d: Disclosure, nameOf?: NameOf): PortalPage {
  const outline = documentOutline(d, { nameOf });
  return {
    // On screen a long cell folds behind 展开; the PDF prints the same HTML unfolded.
    html: documentHtml(outline, budgetCharts(d), { fold: true }),
    contents: [...outline.sections, ...(outline.appendix ? [outline.appendix] : [])].map((s) => ({
      id: s.id,
      heading: s.heading,
    })),
  };
}
