"use client";

import { useFormContext, useWatch } from "react-hook-form";
import type { Disclosure, ThreePublic } from "@/lib/domain/model";
import { FIELD_LABELS } from "@/lib/domain/field-labels";
import { changeOf, threePublicYearCheck, vehiclesOf } from "@/lib/editor/live-figures";
import { zhCN } from "@/lib/i18n/zh-CN";
import { threePublicSentence } from "@/lib/render/narrative";
import { ChangeLine, ChangeText, SumLine } from "../figures";
import { NumberField, TextField } from "../inputs";
import { Group } from "../layout";
import { NarrativePreview } from "../narrative-preview";
import { useEditor } from "../editor-context";

const m = zhCN.editor.sections;
const items = ["total", "outbound", "vehiclePurchase", "vehicleOperation", "reception"] as const;
const itemLabel = (item: (typeof items)[number]) => FIELD_LABELS[`threePublic.current.${item}`];

/**
 * 四、“三公”经费: this year and last year side by side as the disclosure's table has them, the
 * change of each item as typed, and a reason field beside each change the sentence must explain.
 */
export function ThreePublicSection({ content }: { content: Disclosure }) {
  const { readOnly } = useEditor();
  const { control, setValue } = useFormContext();
  const tp = useWatch({ control, name: "threePublic" }) as ThreePublic;
  const fill = (path: string) => (sum: string) =>
    setValue(path, sum, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
  const checks = { current: threePublicYearCheck(tp.current), priorYear: threePublicYearCheck(tp.priorYear) };

  return (
    <div className="space-y-6">
      <Group title={m.threePublicTable}>
        <div role="table" aria-label={m.threePublicTable} className="rounded-md border border-slate-200">
          <div
            role="row"
            className="grid grid-cols-[minmax(9rem,1.1fr)_minmax(9rem,1fr)_minmax(9rem,1fr)_8.5rem] gap-x-4 border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-medium text-slate-600"
          >
            <span role="columnheader">{m.item}</span>
            <span role="columnheader" className="text-right">
              {m.current}
            </span>
            <span role="columnheader" className="text-right">
              {m.prior}
            </span>
            <span role="columnheader" className="text-right">
              {m.change}
            </span>
          </div>
          {items.map((item) => (
            <div
              key={item}
              role="row"
              className={`grid grid-cols-[minmax(9rem,1.1fr)_minmax(9rem,1fr)_minmax(9rem,1fr)_8.5rem] items-start gap-x-4 px-3 py-2 ${item === "total" ? "border-b border-slate-200 bg-slate-50/50" : ""}`}
            >
              <span
                role="rowheader"
                className={`pt-2 text-sm ${item === "total" ? "font-semibold" : "pl-3"} text-slate-800`}
              >
                {item === "total" ? m.total : itemLabel(item)}
              </span>
              <div role="cell">
                <NumberField
                  path={`threePublic.current.${item}`}
                  label={`${m.current} ${itemLabel(item)}`}
                  hideLabel
                  after={
                    item === "total" ? (
                      <SumLine
                        check={checks.current}
                        onUseSum={fill("threePublic.current.total")}
                        testId="sum-three-public-current"
                        disabled={readOnly}
                      />
                    ) : null
                  }
                />
              </div>
              <div role="cell">
                <NumberField
                  path={`threePublic.priorYear.${item}`}
                  label={`${m.prior} ${itemLabel(item)}`}
                  hideLabel
                  after={
                    item === "total" ? (
                      <SumLine
                        check={checks.priorYear}
                        onUseSum={fill("threePublic.priorYear.total")}
                        testId="sum-three-public-prior"
                        disabled={readOnly}
                      />
                    ) : null
                  }
                />
              </div>
              <div role="cell" className="pt-2 text-right text-sm">
                <ChangeText
                  change={changeOf(tp.current[item], tp.priorYear[item])}
                  testId={`change-three-public-${item}`}
                />
              </div>
            </div>
          ))}
        </div>
      </Group>

      <Group title={m.changeReasons}>
        <div className="space-y-4">
          <TextField
            path="threePublic.changeReasons.outbound"
            label={FIELD_LABELS["threePublic.changeReasons.outbound"]}
            multiline
            rows={2}
            after={<ChangeLine change={changeOf(tp.current.outbound, tp.priorYear.outbound)} />}
          />
          <TextField
            path="threePublic.changeReasons.vehicles"
            label={FIELD_LABELS["threePublic.changeReasons.vehicles"]}
            multiline
            rows={3}
            after={
              <ChangeLine
                change={changeOf(vehiclesOf(tp.current), vehiclesOf(tp.priorYear))}
                testId="change-three-public-vehicles"
              />
            }
          />
          <TextField
            path="threePublic.changeReasons.reception"
            label={FIELD_LABELS["threePublic.changeReasons.reception"]}
            multiline
            rows={2}
            after={<ChangeLine change={changeOf(tp.current.reception, tp.priorYear.reception)} />}
          />
        </div>
      </Group>

      <NarrativePreview sentences={[threePublicSentence(content)]} testId="preview-three-public" />
    </div>
  );
}
