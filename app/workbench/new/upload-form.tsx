"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { MAX_UPLOAD_BYTES } from "@/lib/import/upload/limits";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button } from "@/components/ui/button";
import { FieldError, Label } from "@/components/ui/label";

const m = zhCN.imports.start.upload;
const ACCEPT = ".txt,.docx,.json,.xlsx,.csv,.tsv,text/plain,application/json";

type Failure = { message: string; existingId?: string };

/**
 * Sends the file to POST /api/imports with the upload's progress shown (a Word file over a slow
 * line takes a while), then opens the preview. Errors land under the file field, in Chinese; the
 * server decides by content what the file is, this form only saves a pointless upload of a file
 * that is certainly too large.
 */
export function UploadForm({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setFailure({ message: m.chooseFirst });
    if (file.size > MAX_UPLOAD_BYTES)
      return setFailure({ message: zhCN.imports.refused.tooLarge(file.size, MAX_UPLOAD_BYTES) });
    setFailure(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports?department=${encodeURIComponent(departmentId)}&year=${fiscalYear}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: {
        href?: string;
        error?: string;
        fieldErrors?: Record<string, string[]>;
        refs?: Record<string, string>;
      } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // An answer that is not ours (a proxy's error page): said as a failed upload below.
      }
      if (xhr.status === 200 && body.href) return router.push(body.href);
      setProgress(null);
      setFailure({ message: body.fieldErrors?.file?.[0] ?? body.error ?? m.failed, existingId: body.refs?.existingId });
    };
    xhr.onerror = () => {
      setProgress(null);
      setFailure({ message: m.failed });
    };
    const form = new FormData();
    form.set("file", file);
    xhr.send(form);
  }

  const busy = progress !== null;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <div>
        <Label htmlFor={`${id}-file`}>{m.fileLabel}</Label>
        <input
          ref={input}
          id={`${id}-file`}
          name="file"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-invalid={failure ? true : undefined}
          aria-describedby={`${id}-hint${failure ? ` ${id}-error` : ""}`}
          onChange={() => setFailure(null)}
          className="block w-full text-sm text-slate-700 file:mr-3 file:h-9 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {m.limit(MAX_UPLOAD_BYTES)}
        </p>
        <FieldError id={`${id}-error`} message={failure?.message} />
        {failure?.existingId ? (
          <Link
            href={`/disclosures/${failure.existingId}`}
            className="mt-1 inline-block text-sm font-medium text-brand-700 underline underline-offset-2"
          >
            {zhCN.imports.start.openExisting}
          </Link>
        ) : null}
      </div>
      {busy ? (
        <div role="status" aria-live="polite" className="space-y-1">
          <div className="h-1.5 overflow-hidden rounded bg-slate-100">
            <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${progress}%` }} />
          </div>
          <p className="text-xs text-slate-600">{progress < 100 ? m.uploading(progress) : m.reading}</p>
        </div>
      ) : null}
      <Button type="submit" disabled={busy}>
        {m.action}
      </Button>
    </form>
  );
}
