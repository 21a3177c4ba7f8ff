import type { PublicFileInfo } from "@/db/queries/portal";
import { zhCN } from "@/lib/i18n/zh-CN";

const t = zhCN.portal.page;

/** The three files most readers want, at the top of a phone's page (the full list is in the aside, after the text). */
const QUICK = ["pdf", "docx", "xlsx"] as const;

export function QuickDownloads({ files, base }: { files: PublicFileInfo[]; base: string }) {
  const quick = QUICK.flatMap((format) => files.filter((f) => f.format === format));
  if (quick.length === 0) return null;
  return (
    <nav
      aria-label={t.downloadsTitle}
      className="no-print mb-4 flex flex-wrap items-center gap-2 text-sm lg:hidden"
      data-testid="quick-downloads"
    >
      <span className="text-slate-600">{t.quickDownloads}</span>
      {quick.map((f) => (
        <a
          key={f.format}
          href={`${base}/${encodeURIComponent(f.fileName)}`}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-brand-700"
          data-quick-format={f.format}
          download
        >
          {zhCN.portal.formats[f.format]?.label ?? f.format}
        </a>
      ))}
      <a href="#downloads-title" className="px-1 py-1.5 text-brand-700 underline underline-offset-2">
        {t.allDownloads}
      </a>
    </nav>
  );
}

/** The published files of a revision: each served byte for byte, with its size and SHA-256. */
export function Downloads({ files, base }: { files: PublicFileInfo[]; base: string }) {
  if (files.length === 0) return null;
  return (
    <section
      aria-labelledby="downloads-title"
      className="no-print rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="downloads-title" className="text-sm font-semibold text-slate-900">
        {t.downloadsTitle}
      </h2>
      <p className="mt-1 text-xs leading-5 text-slate-600">{t.downloadsIntro}</p>
      <ul className="mt-3 space-y-2.5">
        {files.map((f) => {
          const info = zhCN.portal.formats[f.format];
          return (
            <li key={f.format} className="text-sm">
              <a
                href={`${base}/${encodeURIComponent(f.fileName)}`}
                className="font-medium text-brand-700 underline-offset-2 hover:underline"
                data-format={f.format}
                download
              >
                {info?.label ?? f.format}
              </a>
              <span className="ml-2 text-xs text-slate-500 tabular">{t.size((f.size / 1024).toFixed(1))}</span>
              {info ? <p className="text-xs text-slate-500">{info.note}</p> : null}
              <p className="truncate font-mono text-[11px] text-slate-500" title={f.sha256}>
                {t.sha256} {f.sha256.slice(0, 16)}…
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
