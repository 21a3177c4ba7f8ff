"use client";

import { formatAmount } from "@/lib/domain/money";
import type { Change, SumCheck } from "@/lib/editor/live-figures";
import { zhCN } from "@/lib/i18n/zh-CN";
import { cn } from "@/components/ui/cn";

const m = zhCN.editor.computed;

/**
 * A total's parts added up as the clerk types: "各项之和 2,765.39 · 与合计一致", or the difference
 * and a button that puts the sum in the total. `testId` lets the browser tests read the figure.
 */
export function SumLine({
  check,
  label = m.sumOfParts,
  onUseSum,
  testId,
  disabled,
}: {
  check: SumCheck;
  label?: string;
  onUseSum?: (sum: string) => void;
  testId?: string;
  disabled?: boolean;
}) {
  if (check.sum === null) return null;
  return (
    <p className="mt-1 flex flex-wrap items-center gap-x-2 text-xs text-slate-600" data-testid={testId}>
      <span>
        {label}{" "}
        <span className="tabular-nums font-medium text-slate-800" data-testid={testId ? `${testId}-sum` : undefined}>
          {formatAmount(check.sum)}
        </span>
      </span>
      {check.matches === true ? <span className="text-emerald-700">✓ {m.matches}</span> : null}
      {check.matches === false ? (
        <span className="text-red-700">{m.differs(formatAmount(check.difference))}</span>
      ) : null}
      {check.missingParts > 0 ? <span>{m.missingParts(check.missingParts)}</span> : null}
      {check.matches !== true && onUseSum && !disabled ? (
        <button
          type="button"
          className="text-brand-700 underline underline-offset-2"
          onClick={() => onUseSum(check.sum!)}
        >
          {m.useSum}
        </button>
      ) : null}
    </p>
  );
}

/** 增加 94.19 / 减少 201.83 / 持平 / —, coloured only to repeat the words. */
export function ChangeText({ change, testId, className }: { change: Change; testId?: string; className?: string }) {
  const text =
    change.direction === null
      ? m.unknown
      : change.direction === "same"
        ? m.same
        : change.direction === "up"
          ? m.up(formatAmount(change.delta))
          : m.down(formatAmount(change.delta));
  return (
    <span
      data-testid={testId}
      className={cn(
        "tabular-nums whitespace-nowrap",
        change.direction === "up" && "text-amber-800",
        change.direction === "down" && "text-emerald-800",
        change.direction === null && "text-slate-500",
        className,
      )}
    >
      {text}
    </span>
  );
}

/** A change as a line under a field: "比上年 增加 94.19". */
export function ChangeLine({ change, testId }: { change: Change; testId?: string }) {
  return (
    <p className="mt-1 text-xs text-slate-600">
      {m.changeAgainstPrior} <ChangeText change={change} testId={testId} />
    </p>
  );
}
