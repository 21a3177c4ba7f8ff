"use client";

import { useFormContext, useWatch } from "react-hook-form";
import type { Assets, Disclosure } from "@/lib/domain/model";
import { FIELD_LABELS } from "@/lib/domain/field-labels";
import { assetsTotalCheck } from "@/lib/editor/live-figures";
import { zhCN } from "@/lib/i18n/zh-CN";
import { assetsSentence } from "@/lib/render/narrative";
import { SumLine } from "../figures";
import { NumberField, TextField } from "../inputs";
import { FieldGrid, Group } from "../layout";
import { NarrativePreview } from "../narrative-preview";
import { useEditor } from "../editor-context";

const m = zhCN.editor.sections;
const L = (path: string) => FIELD_LABELS[path] ?? path;

/** The asset table's rows: what each measures besides its value. */
const rows = [
  { key: "buildings", measure: "area" },
  { key: "officeBuildings", measure: "area" },
  { key: "vehicles", measure: "count" },
  { key: "equipmentOver200k", measure: "count" },
  { key: "other", measure: null },
] as const;

const columns = "grid grid-cols-[minmax(10rem,1.3fr)_minmax(9rem,1fr)_minmax(9rem,1fr)] items-start gap-x-4";

/** 七、国有资产信息: the year-end fixed assets, their table, and what is to be bought this year. */
export function AssetsSection({ content }: { content: Disclosure }) {
  const { readOnly } = useEditor();
  const { control, setValue } = useFormContext();
  const assets = useWatch({ control, name: "assets" }) as Assets;
  return (
    <div className="space-y-6">
      <FieldGrid>
        <NumberField path="assets.asOf" kind="date" label={m.asOf} />
        <NumberField
          path="assets.fixedAssetsTotal"
          label={L("assets.fixedAssetsTotal")}
          after={
            <SumLine
              check={assetsTotalCheck(assets)}
              onUseSum={(sum) =>
                setValue("assets.fixedAssetsTotal", sum, { shouldDirty: true, shouldTouch: true, shouldValidate: true })
              }
              testId="sum-assets"
              disabled={readOnly}
            />
          }
        />
        <NumberField path="assets.plannedPurchase" label={L("assets.plannedPurchase")} />
        <TextField path="assets.plannedPurchaseNote" label={L("assets.plannedPurchaseNote")} multiline rows={2} />
      </FieldGrid>

      <Group title={m.assetsTable}>
        <div role="table" aria-label={m.assetsTable} className="rounded-md border border-slate-200">
          <div
            role="row"
            className={`${columns} border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-medium text-slate-600`}
          >
            <span role="columnheader">{m.item}</span>
            <span role="columnheader" className="text-right">
              面积 / 数量
            </span>
            <span role="columnheader" className="text-right">
              价值
            </span>
          </div>
          {rows.map(({ key, measure }) => (
            <div key={key} role="row" className={`${columns} px-3 py-2`}>
              <span
                role="rowheader"
                className={`pt-2 text-sm text-slate-800 ${key === "officeBuildings" ? "pl-3" : ""}`}
              >
                {L(`assets.${key}`)}
              </span>
              <div role="cell">
                {measure === "area" ? (
                  <NumberField path={`assets.${key}.area`} kind="decimal" label={L(`assets.${key}.area`)} hideLabel />
                ) : null}
                {measure === "count" ? (
                  <NumberField path={`assets.${key}.count`} kind="count" label={L(`assets.${key}.count`)} hideLabel />
                ) : null}
              </div>
              <div role="cell">
                <NumberField path={`assets.${key}.value`} label={L(`assets.${key}.value`)} hideLabel />
              </div>
            </div>
          ))}
        </div>
      </Group>

      <NarrativePreview sentences={[assetsSentence(content)]} testId="preview-assets" />
    </div>
  );
}
