"use client";

import { errorMessages } from "@/lib/i18n/zh-CN/errors";
import { Button } from "@/components/ui/button";

/** Anything unexpected while rendering: a generic Chinese message; the detail is in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <main
        id="main"
        className="w-full max-w-md rounded-lg border border-slate-200 bg-white px-6 py-7 text-center shadow-sm"
      >
        <h1 className="text-lg font-semibold text-slate-900">{errorMessages.generic}</h1>
        <div className="mt-6">
          <Button onClick={reset}>{errorMessages.retry}</Button>
        </div>
      </main>
    </div>
  );
}
