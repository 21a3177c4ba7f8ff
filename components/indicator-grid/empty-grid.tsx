"use client";

import type { EditableIndicator } from "@/lib/domain/editable";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import type { GridColumnKey } from "@/lib/grid/columns";
import { planPaste, type PastePlan } from "@/lib/grid/paste-plan";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { cn } from "@/components/ui/cn";

/** A grid without rows: a focusable note that takes a paste (a whole table copied from Excel) as its first rows. */
export function EmptyGrid(props: {
  readOnly: boolean;
  rows: EditableIndicator[];
  columns: ReadonlyArray<GridColumnKey>;
  framework: IndicatorFramework;
  onPastePlan(plan: PastePlan): void;
}) {
  return (
    <div
      tabIndex={props.readOnly ? undefined : 0}
      data-testid="grid-empty"
      className={cn("px-4 py-6 text-center text-sm text-slate-600", !props.readOnly && "focus-visible:bg-brand-50")}
      onPaste={(e) => {
        if (props.readOnly) return;
        e.preventDefault();
        const text = e.clipboardData.getData("text/plain");
        if (text.trim() !== "")
          props.onPastePlan(
            planPaste({
              text,
              rows: props.rows,
              anchor: { row: 0, col: 0 },
              columns: props.columns,
              framework: props.framework,
            }),
          );
      }}
    >
      {props.readOnly ? gridMessages.grid.emptyReadOnly : gridMessages.grid.empty}
    </div>
  );
}
