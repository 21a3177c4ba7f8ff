"use client";

import { useFormContext, useWatch } from "react-hook-form";
import type { Disclosure, GlossaryEntry } from "@/lib/domain/model";
import { FIELD_LABELS } from "@/lib/domain/field-labels";
import { zhCN } from "@/lib/i18n/zh-CN";
import { operatingExpensesSentence } from "@/lib/render/narrative";
import { Button } from "@/components/ui/button";
import { NumberField, TextField } from "../inputs";
import { FieldGrid } from "../layout";
import { ListEditor } from "../list-editor";
import { NarrativePreview } from "../narrative-preview";
import { useEditor } from "../editor-context";

const m = zhCN.editor.sections;

/** 三、机关运行经费安排情况 */
export function OperatingExpensesSection({ content }: { content: Disclosure }) {
  return (
    <div className="space-y-6">
      <FieldGrid>
        <NumberField path="operatingExpenses.amount" label={FIELD_LABELS["operatingExpenses.amount"]} />
      </FieldGrid>
      <TextField
        path="operatingExpenses.purposes"
        label={FIELD_LABELS["operatingExpenses.purposes"]}
        multiline
        rows={3}
      />
      <NarrativePreview sentences={[operatingExpensesSentence(content)]} testId="preview-operating" />
    </div>
  );
}

/** 八、名词解释: a standard text each department may edit. */
export function GlossarySection() {
  return (
    <ListEditor<GlossaryEntry>
      path="glossary"
      title={m.glossary}
      itemLabel={m.glossaryEntry}
      makeItem={() => ({ term: "", definition: "" })}
      renderItem={(path, i) => (
        <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2.5fr)]">
          <TextField path={`${path}.term`} label={`${FIELD_LABELS["glossary[].term"]}（${i + 1}）`} />
          <TextField
            path={`${path}.definition`}
            label={`${FIELD_LABELS["glossary[].definition"]}（${i + 1}）`}
            multiline
            rows={2}
          />
        </div>
      )}
    />
  );
}

/** 九、其他需要说明的事项: free text, with the usual sentence one click away. */
export function OtherMattersSection() {
  const { readOnly } = useEditor();
  const { control, setValue } = useFormContext();
  const text = useWatch({ control, name: "otherMatters" }) as string;
  return (
    <div className="space-y-3">
      <TextField path="otherMatters" label={m.otherMatters} multiline rows={4} />
      {!readOnly && text.trim() === "" ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => setValue("otherMatters", m.otherMattersDefault, { shouldDirty: true, shouldTouch: true })}
        >
          {m.useDefault}：{m.otherMattersDefault}
        </Button>
      ) : null}
    </div>
  );
}
