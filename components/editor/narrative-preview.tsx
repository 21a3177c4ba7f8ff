import { zhCN } from "@/lib/i18n/zh-CN";

const m = zhCN.editor.preview;

/** The sentences the public text will say, generated from the figures above (lib/render/narrative.ts). */
export function NarrativePreview({ sentences, testId }: { sentences: string[]; testId?: string }) {
  return (
    <section
      aria-label={m.title}
      className="mt-6 rounded-md border border-slate-200 bg-slate-50 px-4 py-3"
      data-testid={testId}
    >
      <h3 className="text-sm font-semibold text-slate-700">{m.title}</h3>
      <p className="mt-0.5 text-xs text-slate-500">{m.note}</p>
      <div className="document mt-2 space-y-2 text-[15px] leading-7 text-slate-900">
        {sentences.map((s, i) => (
          <p key={i} className="indent-8">
            {s}
          </p>
        ))}
      </div>
    </section>
  );
}
