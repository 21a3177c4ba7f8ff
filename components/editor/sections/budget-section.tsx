"use client";

import type { ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { Budget, Disclosure } from "@/lib/domain/model";
import { budgetFigures, sumCheck } from "@/lib/editor/live-figures";
import { FIELD_LABELS } from "@/lib/domain/field-labels";
import { zhCN } from "@/lib/i18n/zh-CN";
import { budgetChangeSentence, expenditureSentence, incomeSentence } from "@/lib/render/narrative";
import { ChangeLine, SumLine } from "../figures";
import { NumberField, TextField } from "../inputs";
import { FieldGrid, Group } from "../layout";
import { NarrativePreview } from "../narrative-preview";
import { useEditor } from "../editor-context";

const m = zhCN.editor.sections;
const label = (path: string) => FIELD_LABELS[path] ?? path;

/** 二、部门预算安排的总体情况: each figure typed once; sums and changes against last year appear as typed. */
export function BudgetSection({ content }: { content: Disclosure }) {
  const { readOnly } = useEditor();
  const { control, setValue } = useFormContext();
  const budget = useWatch({ control, name: "budget" }) as Budget;
  const f = budgetFigures(budget);
  const fill = (path: string) => (sum: string) =>
    setValue(path, sum, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
  const amount = (path: string, after?: ReactNode) => <NumberField path={path} label={label(path)} after={after} />;

  return (
    <div className="space-y-6">
      <Group title={m.income}>
        <FieldGrid>
          {amount(
            "budget.income.total",
            <SumLine check={f.income} onUseSum={fill("budget.income.total")} testId="sum-income" disabled={readOnly} />,
          )}
          <div className="hidden sm:block" />
          {amount("budget.income.generalPublicBudget")}
          {amount("budget.income.governmentFund")}
          {amount("budget.income.fiscalSpecialAccount")}
          {amount("budget.income.other")}
        </FieldGrid>
      </Group>

      <Group title={m.expenditure}>
        <FieldGrid>
          {amount(
            "budget.expenditure.total",
            <>
              <SumLine
                check={f.expenditure}
                onUseSum={fill("budget.expenditure.total")}
                testId="sum-expenditure"
                disabled={readOnly}
              />
              <SumLine
                check={sumCheck(budget.expenditure.total, [budget.income.total])}
                label={label("budget.income.total")}
                testId="balance"
              />
              <ChangeLine change={f.changes.total} testId="change-total" />
            </>,
          )}
          {amount(
            "budget.expenditure.basic",
            <>
              <SumLine
                check={f.basic}
                onUseSum={fill("budget.expenditure.basic")}
                testId="sum-basic"
                disabled={readOnly}
              />
              <ChangeLine change={f.changes.basic} testId="change-basic" />
            </>,
          )}
          {amount("budget.expenditure.personnel")}
          {amount("budget.expenditure.publicOperating")}
          {amount("budget.expenditure.project", <ChangeLine change={f.changes.project} testId="change-project" />)}
          {amount("budget.expenditure.other")}
        </FieldGrid>
        <TextField
          path="budget.expenditure.projectHighlights"
          label={label("budget.expenditure.projectHighlights")}
          multiline
          rows={2}
          className="mt-4"
        />
      </Group>

      <Group title={m.priorYear}>
        <FieldGrid columns={3}>
          {amount(
            "budget.priorYear.total",
            <SumLine
              check={f.priorYear}
              onUseSum={fill("budget.priorYear.total")}
              testId="sum-prior"
              disabled={readOnly}
            />,
          )}
          {amount("budget.priorYear.basic")}
          {amount("budget.priorYear.project")}
        </FieldGrid>
      </Group>

      <Group title={m.changeReasons}>
        <FieldGrid>
          <TextField
            path="budget.changeReasons.basic"
            label={label("budget.changeReasons.basic")}
            multiline
            rows={2}
            after={<ChangeLine change={f.changes.basic} />}
          />
          <TextField
            path="budget.changeReasons.project"
            label={label("budget.changeReasons.project")}
            multiline
            rows={2}
            after={<ChangeLine change={f.changes.project} />}
          />
        </FieldGrid>
      </Group>

      <NarrativePreview
        sentences={[incomeSentence(content), expenditureSentence(content), budgetChangeSentence(content)]}
        testId="preview-budget"
      />
    </div>
  );
}
