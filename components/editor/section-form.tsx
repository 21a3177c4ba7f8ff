"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, type ReactNode } from "react";
import { FormProvider, useForm } from "react-hook-form";
import type { EditableDisclosure } from "@/lib/domain/editable";
import type { SectionId } from "@/lib/domain/model";
import { keepValid } from "@/lib/editor/keep-valid";
import {
  sectionSchemas,
  sectionValues,
  withSection,
  type SectionInput,
  type SectionOutput,
} from "@/lib/editor/section-forms";

export type SectionChange = {
  section: SectionId;
  content: EditableDisclosure;
  /** Text typed in this section that could not be read, by canonical path. */
  invalid: Record<string, string>;
};

type SectionFormProps = {
  section: SectionId;
  content: EditableDisclosure;
  invalidTexts: Readonly<Record<string, string>>;
  /** Grows when the content was replaced from outside (others' edits merged in, a restored copy). */
  revision: number;
  onChange: (change: SectionChange) => void;
  children: ReactNode;
};

/**
 * One section as a react-hook-form form, validated by the section's zod schema (zodResolver).
 * Every change is handed up at once: what the schema accepts goes into the draft that autosave
 * saves; what it does not stays in the form, shown at its field, and is reported as text to keep.
 */
export function SectionForm({ section, content, invalidTexts, revision, onChange, children }: SectionFormProps) {
  const schema = sectionSchemas[section];
  const form = useForm<SectionInput, unknown, SectionOutput>({
    resolver: zodResolver(schema),
    defaultValues: sectionValues(section, content, invalidTexts),
    mode: "onTouched",
  });
  const latest = useRef({ content, onChange });
  latest.current = { content, onChange };

  useEffect(() => {
    const subscription = form.watch((values) => {
      const { content: current, onChange: emit } = latest.current;
      const previous = sectionValues(section, current);
      const kept = keepValid(schema, values, previous);
      const invalid = Object.fromEntries(
        Object.entries(kept.invalid).map(([path, text]) => [path, String(text ?? "")]),
      );
      emit({ section, content: withSection(current, kept.value), invalid });
    });
    return () => subscription.unsubscribe();
  }, [form, schema, section]);

  // Text restored from the browser that could not be read: show its message at once.
  useEffect(() => {
    if (Object.keys(invalidTexts).length > 0) void form.trigger();
    // Only when the section opens or its content is replaced.
  }, [revision]);

  const seen = useRef(revision);
  useEffect(() => {
    if (seen.current === revision) return;
    seen.current = revision;
    form.reset(sectionValues(section, latest.current.content, invalidTexts), { keepTouched: true, keepErrors: false });
    // The replaced content is in latest.current; invalidTexts belong to the same replacement.
  }, [revision, form, section]);

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby={`section-title-${section}`}>
        {children}
      </form>
    </FormProvider>
  );
}
