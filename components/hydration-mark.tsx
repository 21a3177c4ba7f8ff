"use client";

import { useEffect } from "react";

/**
 * Marks the page `<html data-hydrated>` once React has hydrated it (no Suspense boundary splits the
 * tree, so this effect runs after every component's). A click before then reaches only the
 * server's HTML: a `<details>` opens natively and React, hydrating, closes it again. The e2e specs
 * wait for the mark (e2e/accounts.ts `interactive`) before clicking such things after a load.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
