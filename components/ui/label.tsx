import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Label({ className, ...props }: ComponentProps<"label">) {
  // biome-ignore lint/a11y/noLabelWithoutControl: callers give htmlFor or wrap the control; this only styles it.
  return <label className={cn("mb-1 block text-sm font-medium text-slate-700", className)} {...props} />;
}

/** The message under a field; give it an id and point the input's aria-describedby at it. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}
