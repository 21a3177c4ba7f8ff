"use client";

import { FIELD_LABELS } from "@/lib/domain/field-labels";
import { fundingForms, orgUnitNatures, type OrgUnit } from "@/lib/domain/model";
import { zhCN } from "@/lib/i18n/zh-CN";
import { ChoiceField, TextField } from "../inputs";
import { Group, groupRule } from "../layout";
import { ListEditor } from "../list-editor";

const m = zhCN.editor.sections;
const unitColumns = "grid grid-cols-1 gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.2fr)]";
const levels = ["正处级", "副处级", "正科级", "副科级", "股级"] as const;

/** 一、部门职责及机构设置情况, with the document's title and preamble that head it. */
export function OrganisationSection() {
  return (
    <div className="space-y-6">
      <Group title={m.header}>
        <div className="space-y-4">
          <TextField path="title" label={m.title} />
          <TextField path="preamble" label={m.preamble} multiline rows={3} />
        </div>
      </Group>

      <ListEditor<string>
        path="responsibilities"
        title={m.responsibilities}
        className={groupRule}
        itemLabel={m.responsibility}
        makeItem={() => ""}
        renderItem={(path, i) => <TextField path={path} label={m.responsibility(i + 1)} hideLabel multiline rows={2} />}
      />

      <ListEditor<OrgUnit>
        path="orgUnits"
        title={m.orgUnits}
        className={groupRule}
        variant="rows"
        itemLabel={zhCN.editor.list.rowN}
        makeItem={() => ({ name: "", nature: "", level: "", fundingForm: "" })}
        header={
          <div
            className={`${unitColumns} mb-1 hidden pl-9 pr-28 text-xs font-medium text-slate-600 sm:grid`}
            aria-hidden
          >
            <span>{FIELD_LABELS["orgUnits[].name"]}</span>
            <span>{FIELD_LABELS["orgUnits[].nature"]}</span>
            <span>{FIELD_LABELS["orgUnits[].level"]}</span>
            <span>{FIELD_LABELS["orgUnits[].fundingForm"]}</span>
          </div>
        }
        renderItem={(path, i) => (
          <div className={unitColumns}>
            <TextField path={`${path}.name`} label={`${FIELD_LABELS["orgUnits[].name"]}（${i + 1}）`} hideLabel />
            <ChoiceField
              path={`${path}.nature`}
              label={`${FIELD_LABELS["orgUnits[].nature"]}（${i + 1}）`}
              hideLabel
              options={orgUnitNatures}
            />
            <ChoiceField
              path={`${path}.level`}
              label={`${FIELD_LABELS["orgUnits[].level"]}（${i + 1}）`}
              hideLabel
              options={levels}
            />
            <ChoiceField
              path={`${path}.fundingForm`}
              label={`${FIELD_LABELS["orgUnits[].fundingForm"]}（${i + 1}）`}
              hideLabel
              options={fundingForms}
            />
          </div>
        )}
      />
    </div>
  );
}
