"use client";

import { portalMessages } from "@/lib/i18n/zh-CN/portal";
import { buttonClass } from "@/components/ui/button";

const m = portalMessages.draft;

/**
 * The draft as paper for the unit head, and as Excel: plain download links (they work without
 * JavaScript); with it, what is typed is saved first so the paper shows it.
 */
export function DraftFiles({ disclosureId, flush }: { disclosureId: string; flush?: () => Promise<unknown> }) {
  const link = (format: "pdf" | "xlsx", label: string, hint: string) => {
    const href = `/api/disclosures/${disclosureId}/draft?format=${format}`;
    return (
      <a
        href={href}
        title={hint}
        data-draft-file={format}
        className={buttonClass("secondary", "sm")}
        onClick={
          flush
            ? async (e) => {
                e.preventDefault();
                await flush();
                window.location.assign(href);
              }
            : undefined
        }
      >
        {label}
      </a>
    );
  };
  return (
    <div className="flex items-center gap-2">
      {link("pdf", m.printPdf, m.printPdfHint)}
      {link("xlsx", m.exportXlsx, m.exportXlsxHint)}
    </div>
  );
}
