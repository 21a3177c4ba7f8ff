import { formatAmount } from "@/lib/domain/money";
import { zhCN } from "@/lib/i18n/zh-CN";

/**
 * An amount in 万元 as `2,765.39`, exact (decimal strings, never floats), right-aligned with
 * tabular digits by the `amount` class. Absent figures show a dash rather than a misleading 0.00.
 */
export function Amount({ value, unit = false }: { value: string | null | undefined; unit?: boolean }) {
  if (value == null) return <span className="amount text-slate-500">—</span>;
  return (
    <span className="amount">
      {formatAmount(value)}
      {unit ? <span className="ml-0.5 text-slate-500">{zhCN.common.amountUnit}</span> : null}
    </span>
  );
}
