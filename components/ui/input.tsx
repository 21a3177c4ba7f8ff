import type { ComponentProps } from "react";
import { cn } from "./cn";

type InputProps = ComponentProps<"input"> & { invalid?: boolean };

/** A text input; `invalid` sets aria-invalid so the error state is announced, not only coloured. */
export function Input({ className, invalid, ...props }: InputProps) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={cn(
        "block h-10 w-full rounded-md border bg-white px-3 text-sm text-slate-900 placeholder:text-slate-400",
        "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600",
        invalid ? "border-red-600" : "border-slate-300",
        className,
      )}
      {...props}
    />
  );
}
