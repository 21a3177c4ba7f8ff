import { DOCUMENT_CSS } from "@/lib/render/document-css";

/**
 * A published disclosure as the public reads it: exactly the HTML the PDF prints
 * (lib/render/html.ts via lib/render/portal-page.ts), with the charts drawn as SVG on the server.
 * No script: it reads, prints and is searchable without JavaScript. Every piece of typed text is
 * escaped by documentHtml; the only markup not built from escaped text is the charts' SVG, drawn
 * from figures.
 */
export function PublishedDocument({ html }: { html: string }) {
  return (
    <>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own stylesheet constants. */}
      <style dangerouslySetInnerHTML={{ __html: DOCUMENT_CSS + PAGE_CSS }} />
      <div
        className="portal-document rounded-lg border border-slate-200 bg-white px-5 py-8 shadow-sm sm:px-10 print:border-0 print:p-0 print:shadow-none"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: documentHtml escapes every typed text (see above).
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </>
  );
}

/** On screen the document sits in the site's page; printed, nothing but the document remains. */
const PAGE_CSS = `
.portal-document .dd section{scroll-margin-top:1rem}
@media print{.portal-document{border:0;box-shadow:none;padding:0}}
`;
