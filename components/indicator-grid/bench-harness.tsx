"use client";

import { useDeferredValue, useMemo, useState } from "react";
import type { EditableProjectFund } from "@/lib/domain/editable";
import type { Disclosure } from "@/lib/domain/model";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import type { CellComment } from "@/lib/grid/findings-index";
import { checkDisclosure } from "@/lib/rules/engine";
import { ProjectFundsEditor } from "./project-funds-editor";

/**
 * The project funds editor as the disclosure editor mounts it (state above it, findings from the
 * rule engine on a deferred copy, a returned disclosure's review comments marked on cells: two in
 * each project, one on the cell the bench types in), on a disclosure given by the page. Used only
 * by the grid-keystroke bench (lib/tools/bench/suites/grid-keystroke.ts), which bundles it into a static page.
 */
export function GridBenchHarness({
  disclosure,
  framework,
}: {
  disclosure: Disclosure & { performance: { projects: EditableProjectFund[] } };
  framework: IndicatorFramework;
}) {
  const [content, setContent] = useState(disclosure);
  const checked = useDeferredValue(content);
  const findings = useMemo(() => checkDisclosure(checked, { frameworks: [framework] }), [checked, framework]);
  const [comments] = useState<CellComment[]>(() =>
    disclosure.performance.projects.flatMap((_, p) => [
      {
        path: `performance.projects[${p}].indicators[7].description`,
        author: "王审核",
        body: "请写明指标的测算口径。",
        resolved: false,
      },
      {
        path: `performance.projects[${p}].indicators[0].target`,
        author: "王审核",
        body: "目标值低于上年实际完成数。",
        resolved: true,
      },
    ]),
  );
  return (
    <main className="mx-auto max-w-[80rem] p-4">
      <ProjectFundsEditor
        projects={content.performance.projects}
        onChange={(projects) => setContent((c) => ({ ...c, performance: { ...c.performance, projects } }))}
        framework={framework}
        findings={findings}
        comments={comments}
        basePath="performance.projects"
        departmentId="00000000-0000-4000-8000-000000000000"
        fiscalYear={content.fiscalYear}
      />
    </main>
  );
}
