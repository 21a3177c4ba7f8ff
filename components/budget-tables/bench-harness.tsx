"use client";

import { useCallback, useDeferredValue, useMemo, useRef, useState } from "react";
import type { BudgetTables } from "@/lib/domain/budget-tables";
import { type ClassificationEntry, classificationCatalogue } from "@/lib/domain/classification";
import type { Disclosure } from "@/lib/domain/model";
import { followTables } from "@/lib/domain/text-from-tables";
import { checkDisclosure } from "@/lib/rules/engine";
import { EditorContext, type EditorContextValue } from "@/components/editor/editor-context";
import { TablesSection } from "./tables-section";

/**
 * The budget tables section as the disclosure editor mounts it (components/editor/disclosure-editor.tsx):
 * the content's state above it, an edit followed by the text's figures (followTables), findings
 * from the rule engine with the year's catalogue on a deferred copy, handed down through the
 * editor's context. Used only by the table-keystroke bench (lib/tools/bench/suites/table-keystroke.ts),
 * which bundles it into a static page.
 */
export function TablesBenchHarness({
  disclosure,
  entries,
}: {
  disclosure: Disclosure;
  entries: ReadonlyArray<ClassificationEntry>;
}) {
  const [content, setContent] = useState(disclosure);
  const latest = useRef(content);
  latest.current = content;
  const catalogue = useMemo(
    () => classificationCatalogue(disclosure.fiscalYear, entries),
    [disclosure.fiscalYear, entries],
  );
  const checked = useDeferredValue(content);
  const findings = useMemo(() => checkDisclosure(checked, { classification: catalogue }), [checked, catalogue]);
  const onChange = useCallback(
    (tables: BudgetTables) => setContent(followTables(latest.current, { ...latest.current, tables })),
    [],
  );
  const context: EditorContextValue = useMemo(
    () => ({
      readOnly: false,
      fiscalYear: disclosure.fiscalYear,
      findings,
      explanations: new Map(),
      explain: async () => null,
      jumpTo: () => {},
      applyFix: () => {},
    }),
    [disclosure.fiscalYear, findings],
  );
  return (
    <EditorContext.Provider value={context}>
      <main className="mx-auto max-w-[80rem] p-4">
        <TablesSection tables={content.tables} onChange={onChange} onStart={() => {}} catalogue={catalogue} />
      </main>
    </EditorContext.Provider>
  );
}
