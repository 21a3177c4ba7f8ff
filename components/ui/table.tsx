import type { ComponentProps } from "react";
import { cn } from "./cn";
import { ScrollRegion } from "./scroll-region";

/**
 * Plain semantic tables. Wide tables scroll inside their wrapper so the page never scrolls
 * sideways at 1366×768. Amount columns use `numeric` to right-align with tabular digits.
 */
export function Table({ className, caption, children, ...props }: ComponentProps<"table"> & { caption?: string }) {
  return (
    <ScrollRegion label={caption ?? ""}>
      <table className={cn("w-full border-collapse text-sm", className)} {...props}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </ScrollRegion>
  );
}

export function THead(props: ComponentProps<"thead">) {
  return <thead className="bg-slate-50 text-left text-slate-600" {...props} />;
}

export function TBody(props: ComponentProps<"tbody">) {
  return <tbody className="divide-y divide-slate-100" {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("hover:bg-slate-50/60", className)} {...props} />;
}

export function Th({ className, numeric, scope = "col", ...props }: ComponentProps<"th"> & { numeric?: boolean }) {
  return (
    <th
      scope={scope}
      className={cn(
        "border-b border-slate-200 px-3 py-2 font-medium whitespace-nowrap",
        numeric && "text-right",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, numeric, ...props }: ComponentProps<"td"> & { numeric?: boolean }) {
  return <td className={cn("px-3 py-2 align-middle", numeric && "amount", className)} {...props} />;
}
