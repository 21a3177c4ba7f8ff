import Link from "next/link";
import type { ReactNode } from "react";
import { asUserFacing } from "@/lib/errors";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { AcceptForm } from "./accept-form";
import type { StartInput } from "./operations";

const m = zhCN.imports;

/**
 * The bar under a preview: what will be created, back to fix the file, and accept. It stays in
 * view while the clerk scrolls through a long preview.
 */
export function AcceptBar({ target, backHref, input }: { target: string; backHref: string; input: StartInput }) {
  return (
    <div className="sticky bottom-0 z-10 mt-6 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_6px_rgba(15,23,42,0.06)] backdrop-blur sm:-mx-6 sm:px-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="pt-2 text-sm text-slate-700">
          <span className="text-slate-500">{m.preview.target}：</span>
          <span className="font-medium text-slate-900">{target}</span>
        </p>
        <div className="flex flex-wrap items-start gap-2">
          <Link href={backHref} className={buttonClass("secondary")}>
            {input.mode === "upload" ? m.preview.back : m.preview.backToStart}
          </Link>
          <AcceptForm input={input} label={m.preview.accept} testId="accept" />
        </div>
      </div>
    </div>
  );
}

/**
 * A preview that cannot be shown because starting is refused (closed year, already started,
 * upload expired): the server's message, the link to the existing draft, the way back.
 */
export function StartRefusal({ error, backHref }: { error: unknown; backHref: string }): ReactNode {
  const known = asUserFacing(error);
  if (!known) throw error;
  const existingId = known.refs.existingId;
  return (
    <div className="space-y-4">
      <Alert tone="error">
        {known.message}
        {existingId ? (
          <Link href={`/disclosures/${existingId}`} className="ml-2 font-medium underline underline-offset-2">
            {m.start.openExisting}
          </Link>
        ) : null}
      </Alert>
      <Link href={backHref} className={buttonClass("secondary")}>
        {m.preview.backToStart}
      </Link>
    </div>
  );
}
