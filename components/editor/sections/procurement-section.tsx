"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { newRowId, type EditableProcurementItem } from "@/lib/domain/editable";
import type { Disclosure, Procurement } from "@/lib/domain/model";
import { FIELD_LABELS } from "@/lib/domain/field-labels";
import { procurementFigures } from "@/lib/editor/live-figures";
import { formatAmount } from "@/lib/domain/money";
import { zhCN } from "@/lib/i18n/zh-CN";
import { procurementSentence } from "@/lib/render/narrative";
import { SumLine } from "../figures";
import { NumberField, TextField } from "../inputs";
import { FieldGrid } from "../layout";
import { ListEditor } from "../list-editor";
import { NarrativePreview } from "../narrative-preview";
import { useEditor } from "../editor-context";

const m = zhCN.editor.sections;
const c = zhCN.editor.computed;
const L = (field: string) => FIELD_LABELS[`procurement.items[].${field}`] ?? field;

const emptyItem = (): EditableProcurementItem => ({
  id: newRowId(),
  project: "",
  projectBudget: null,
  item: "",
  catalogCode: "",
  unit: "",
  quantity: null,
  unitPrice: null,
  amount: null,
  funding: { generalPublicBudget: null, governmentFund: null, fiscalSpecialAccount: null, other: null },
  otherChannels: null,
});

/** 六、政府采购预算情况: the total and one block per line, each checked as it is typed (数量 × 单价, 资金来源之和). */
export function ProcurementSection({ content }: { content: Disclosure }) {
  const { readOnly } = useEditor();
  const { control, setValue } = useFormContext();
  const procurement = useWatch({ control, name: "procurement" }) as Procurement;
  const figures = procurementFigures(procurement);
  const set = (path: string, value: string) =>
    setValue(path, value, { shouldDirty: true, shouldTouch: true, shouldValidate: true });

  return (
    <div className="space-y-6">
      <FieldGrid>
        <NumberField
          path="procurement.total"
          label={FIELD_LABELS["procurement.total"]}
          after={
            <SumLine
              check={figures.total}
              onUseSum={(sum) => set("procurement.total", sum)}
              testId="sum-procurement"
              disabled={readOnly}
            />
          }
        />
      </FieldGrid>
      <ListEditor<EditableProcurementItem>
        path="procurement.items"
        title={m.procurementItems}
        itemLabel={m.procurementItem}
        makeItem={emptyItem}
        renderItem={(path, i) => {
          const line = figures.lines[i];
          const at = (field: string) => `${path}.${field}`;
          const name = (field: string) => `${L(field)}（${i + 1}）`;
          return (
            <div className="space-y-3">
              <FieldGrid columns={4}>
                <TextField path={at("project")} label={name("project")} className="lg:col-span-2" />
                <NumberField path={at("projectBudget")} label={name("projectBudget")} />
                <TextField path={at("item")} label={name("item")} />
                <TextField path={at("catalogCode")} label={name("catalogCode")} />
                <TextField path={at("unit")} label={name("unit")} />
                <NumberField path={at("quantity")} kind="count" label={name("quantity")} />
                <NumberField path={at("unitPrice")} label={name("unitPrice")} />
                <NumberField
                  path={at("amount")}
                  label={name("amount")}
                  className="lg:col-span-2"
                  after={
                    line?.product ? (
                      <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-600">
                        <span className="tabular-nums">{c.lineProduct(formatAmount(line.product))}</span>
                        {!readOnly && procurement.items[i]?.amount !== line.product ? (
                          <button
                            type="button"
                            className="text-brand-700 underline underline-offset-2"
                            onClick={() => set(`procurement.items.${i}.amount`, line.product!)}
                          >
                            {c.useProduct}
                          </button>
                        ) : null}
                      </p>
                    ) : null
                  }
                />
              </FieldGrid>
              <fieldset>
                <legend className="mb-1 text-xs font-medium text-slate-600">{m.funding}</legend>
                <FieldGrid columns={4}>
                  <NumberField path={at("funding.generalPublicBudget")} label={name("funding.generalPublicBudget")} />
                  <NumberField path={at("funding.governmentFund")} label={name("funding.governmentFund")} />
                  <NumberField path={at("funding.fiscalSpecialAccount")} label={name("funding.fiscalSpecialAccount")} />
                  <NumberField path={at("funding.other")} label={name("funding.other")} />
                  <NumberField path={at("otherChannels")} label={name("otherChannels")} />
                </FieldGrid>
                {line ? <SumLine check={line.funding} label={c.sumOfParts} testId={`sum-funding-${i}`} /> : null}
              </fieldset>
            </div>
          );
        }}
      />
      <NarrativePreview sentences={[procurementSentence(content)]} testId="preview-procurement" />
    </div>
  );
}
