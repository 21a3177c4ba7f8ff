"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A native modal <dialog>: focus stays inside while it is open, Escape closes it (as cancel), and
 * the page behind is inert. Shown on mount, so the caller renders it only while it is wanted.
 */
export function Modal({
  title,
  onCancel,
  children,
  footer,
  wide,
  labelledBy,
}: {
  title: string;
  onCancel(): void;
  children: ReactNode;
  footer: ReactNode;
  wide?: boolean;
  labelledBy: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className={`m-auto max-h-[85vh] w-[calc(100vw-2rem)] ${wide ? "max-w-5xl" : "max-w-3xl"} flex-col rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 open:flex`}
    >
      <header className="border-b border-slate-200 px-5 py-3">
        <h2 id={labelledBy} className="text-base font-semibold">
          {title}
        </h2>
      </header>
      <div className="min-h-0 flex-1 overflow-auto px-5 py-4">{children}</div>
      <footer className="flex justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">{footer}</footer>
    </dialog>
  );
}
