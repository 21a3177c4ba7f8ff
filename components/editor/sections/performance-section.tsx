"use client";

import type { ReactNode } from "react";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import type { SafeguardItem, SubGoalItem } from "./performance-types";
import { FIELD_LABELS } from "@/lib/domain/field-labels";
import { zhCN } from "@/lib/i18n/zh-CN";
import { TextField } from "../inputs";
import { Group, groupRule } from "../layout";
import { ListEditor } from "../list-editor";

const m = zhCN.editor.sections;

/**
 * 五、预算绩效信息, part one (the department's goal, sub-goals and safeguards) as a form; part two,
 * the project tables, is the indicator grid's, passed in as `projects`.
 */
export function PerformanceSection({
  framework,
  projects,
}: {
  framework: IndicatorFramework | undefined;
  projects: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <TextField path="performance.overallGoal" label={FIELD_LABELS["performance.overallGoal"]} multiline rows={4} />

      <ListEditor<SubGoalItem>
        path="performance.subGoals"
        title={m.subGoals}
        className={groupRule}
        itemLabel={m.subGoal}
        makeItem={() => ({ title: "", goal: "", indicators: "" })}
        renderItem={(path, i) => (
          <div className="space-y-3">
            <TextField
              path={`${path}.title`}
              label={`${m.subGoal(i + 1)} ${FIELD_LABELS["performance.subGoals[].title"]}`}
            />
            <TextField path={`${path}.goal`} label={FIELD_LABELS["performance.subGoals[].goal"]} multiline rows={2} />
            <TextField
              path={`${path}.indicators`}
              label={FIELD_LABELS["performance.subGoals[].indicators"]}
              multiline
              rows={2}
            />
          </div>
        )}
      />

      <ListEditor<SafeguardItem>
        path="performance.safeguards"
        title={m.safeguards}
        className={groupRule}
        itemLabel={m.safeguard}
        makeItem={() => ({ title: "", text: "" })}
        renderItem={(path, i) => (
          <div className="space-y-3">
            <TextField
              path={`${path}.title`}
              label={`${m.safeguard(i + 1)} ${FIELD_LABELS["performance.safeguards[].title"]}`}
            />
            <TextField path={`${path}.text`} label={FIELD_LABELS["performance.safeguards[].text"]} multiline rows={3} />
          </div>
        )}
      />

      <Group
        title={m.projects}
        description={framework ? `${m.framework}：${framework.name}（${framework.source}）` : undefined}
      >
        <div data-field-path="performance.projects" className="scroll-mt-24">
          {projects}
        </div>
      </Group>
    </div>
  );
}
