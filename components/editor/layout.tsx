import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A titled group of fields inside a section. */
/** A group's rule above it (none on the first); a list editor that is its own group takes it too. */
export const groupRule = "border-t border-slate-200 pt-5 first:border-t-0 first:pt-0";

export function Group({
  title,
  description,
  children,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={cn(groupRule, className)}>
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      {description ? <p className="mt-0.5 text-xs text-slate-500">{description}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** Fields side by side; amounts in columns of a readable width. */
export function FieldGrid({
  columns = 2,
  children,
  className,
}: {
  columns?: 2 | 3 | 4;
  children: ReactNode;
  className?: string;
}) {
  const cols = { 2: "sm:grid-cols-2", 3: "sm:grid-cols-3", 4: "sm:grid-cols-2 lg:grid-cols-4" }[columns];
  return <div className={cn("grid grid-cols-1 gap-x-5 gap-y-4", cols, className)}>{children}</div>;
}
