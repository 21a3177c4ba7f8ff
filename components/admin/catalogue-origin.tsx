import type { CatalogueState } from "@/db/queries/classification";
import { formatDate } from "@/lib/i18n/format";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { Badge } from "@/components/ui/badge";

const m = adminMessages.classification;

/** Where a year's catalogue came from and how many codes it has: one line, the same wherever it is shown. */
export function CatalogueOrigin({ state }: { state: CatalogueState }) {
  const origin =
    state.origin === "imported"
      ? m.origin.imported(state.fileName ?? "", formatDate(state.importedAt))
      : state.origin === "shipped"
        ? m.origin.shipped
        : state.origin === "copied"
          ? m.origin.copied(state.sourceYear!)
          : state.origin === "pending"
            ? m.origin.pending(state.sourceYear!)
            : m.origin.none;
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm text-slate-600">
      {state.origin === "none" ? null : (
        <Badge tone={state.origin === "imported" ? "success" : "warning"}>{m.count(state.count)}</Badge>
      )}
      <span>{origin}</span>
    </span>
  );
}
