import type { DiffPart } from "@/lib/domain/word-diff";
import { cn } from "@/components/ui/cn";

/**
 * One side of a word diff (lib/domain/word-diff.ts): the words kept as they are, the words only on
 * this side marked — struck through on the old side, highlighted on the new one.
 */
export function MarkedText({
  parts,
  side,
  className,
}: {
  parts: readonly DiffPart[];
  side: "before" | "after";
  className?: string;
}) {
  const own = side === "before" ? "removed" : "added";
  return (
    <span className={className}>
      {parts.map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind !== own ? null : side === "before" ? (
          <del key={i} className={cn("rounded-sm bg-red-100 text-red-900 decoration-red-500")}>
            {part.text}
          </del>
        ) : (
          <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-950 no-underline">
            {part.text}
          </ins>
        ),
      )}
    </span>
  );
}
