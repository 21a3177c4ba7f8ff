"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useDeferredValue, useMemo, useRef, useState, type ReactNode } from "react";
import type { EditableDisclosure, EditableProjectFund } from "@/lib/domain/editable";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import { type BudgetTables, emptyTables } from "@/lib/domain/budget-tables";
import { type ClassificationEntry, classificationCatalogue } from "@/lib/domain/classification";
import { withFix } from "@/lib/editor/apply-fix";
import { followTables } from "@/lib/domain/text-from-tables";
import { sections, type SectionId } from "@/lib/domain/model";
import { sectionOfPath, sectionStatuses } from "@/lib/editor/section-state";
import {
  explanationIndex,
  explanationKey,
  explanationOf,
  submitBlockers,
  type WarningExplanation,
} from "@/lib/rules/submit-gate";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { checkDisclosure, type CheckOptions } from "@/lib/rules/engine";
import type { SpreadLine } from "@/lib/rules/target-spread";
import { explainWarningAction, submitAction } from "@/app/disclosures/[id]/edit/actions";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { ButtonLink } from "@/components/ui/button";
import { ProjectFundsEditor } from "@/components/indicator-grid/project-funds-editor";
import { TargetSpreadContext } from "@/components/indicator-grid/target-spread-context";
import { TablesSection } from "@/components/budget-tables/tables-section";
import { ConflictDialog } from "./conflict-dialog";
import { EditorContext, type EditorContextValue } from "./editor-context";
import { DraftFiles } from "./draft-files";
import { FindingsDock } from "./findings-dock";
import { FindingsPanel } from "./findings-panel";
import { SaveStatus } from "./save-status";
import { SectionBody } from "./section-body";
import { SectionForm, type SectionChange } from "./section-form";
import { SectionNav } from "./section-nav";
import { ReviewSummary, useGridComments, useThreadsFollowRows } from "./review-threads";
import { ProjectsReadOnly } from "./sections/projects-read-only";
import { SubmitPanel } from "./submit-panel";
import { useAutosave } from "./use-autosave";
import { useUnreadableInputs } from "./use-unreadable-inputs";
import { useJump } from "./use-jump";

const m = zhCN.editor;

export type DisclosureEditorProps = {
  disclosureId: string;
  departmentId: string;
  version: number;
  content: EditableDisclosure;
  /** Why the content cannot be changed now (not a draft), or null. */
  readOnlyReason: string | null;
  canSubmit: boolean;
  /** Not yet published: the stamped PDF and the Excel of the draft can be downloaded. */
  draftFiles?: boolean;
  checkOptions: CheckOptions;
  framework: IndicatorFramework | undefined;
  explanations: WarningExplanation[];
  initialSection: SectionId;
  /** What the bureau last said (a return's reason, an approval's opinion) and what the clerk may do about it, above the form. */
  banner?: ReactNode;
  /** The fiscal year's classification catalogue (codes and names), loaded by the page; null when there is none. */
  classification: { entries: ClassificationEntry[]; sourceYear: number } | null;
  /** How the other departments set the common indicators this year, by spreadKey: beside a focused 指标值. */
  targetSpread?: Readonly<Record<string, SpreadLine>>;
};

const isSection = (value: string | null): value is SectionId => sections.some((s) => s.id === value);

/** The clerk's guided form: nine sections and the budget tables, live checks, autosave, conflicts settled field by field. */
export function DisclosureEditor(props: DisclosureEditorProps) {
  const { disclosureId, readOnlyReason, classification } = props;
  const readOnly = readOnlyReason !== null;
  const router = useRouter();
  const params = useSearchParams();
  const requested = params.get("section");
  const section: SectionId = isSection(requested) ? requested : props.initialSection;
  const autosave = useAutosave({ disclosureId, version: props.version, initial: props.content, readOnly });
  const { content, update } = autosave;
  const fiscalYear = content.fiscalYear;
  const catalogue = useMemo(
    () =>
      classification ? classificationCatalogue(fiscalYear, classification.entries, classification.sourceYear) : null,
    [classification, fiscalYear],
  );
  // The table rules look codes up in the year's catalogue, here as on the server.
  const checkOptions = useMemo(
    () => ({ ...props.checkOptions, classification: catalogue }),
    [props.checkOptions, catalogue],
  );
  const [explanations, setExplanations] = useState(props.explanations);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  // Checks run on what is typed, a beat behind the keyboard so typing never waits for them.
  const checked = useDeferredValue(content);
  const findings = useMemo(() => checkDisclosure(checked, checkOptions), [checked, checkOptions]);
  const explained = useMemo(() => explanationIndex(explanations), [explanations]);
  useThreadsFollowRows(content);
  const gridComments = useGridComments();
  const unreadable = useUnreadableInputs(autosave.invalidTexts);
  const invalidPaths = unreadable.paths;

  const statuses = useMemo(
    () =>
      sectionStatuses(checked, findings, {
        invalidPaths,
        isExplained: (f) => explanationOf(explained, f) !== undefined,
      }),
    [checked, findings, invalidPaths, explained],
  );
  const blockers = useMemo(() => submitBlockers(findings, explanations), [findings, explanations]);

  const selectSection = useCallback((id: SectionId) => {
    // The History API keeps ?section= in the URL without a server round trip (Next syncs useSearchParams).
    window.history.pushState(null, "", `?section=${id}`);
    window.scrollTo({ top: 0 });
  }, []);
  const jump = useJump(section);
  const jumpTo = useCallback(
    (path: string) => {
      const target = sectionOfPath(path);
      if (target !== section) window.history.pushState(null, "", `?section=${target}`);
      jump(path);
    },
    [jump, section],
  );

  const explain = useCallback<EditorContextValue["explain"]>(
    async (rule, paths, text) => {
      const outcome = await explainWarningAction({ id: disclosureId, ruleId: rule, paths, explanation: text });
      if (!outcome.ok) return outcome.formError ?? zhCN.errors.generic;
      const keys = new Set(paths.map((path) => explanationKey(rule, path)));
      const kept = outcome.data.explanation;
      setExplanations((list) => [
        ...list.filter((e) => !keys.has(explanationKey(e.ruleId, e.path))),
        ...(kept ? paths.map((path) => ({ ruleId: rule, path, explanation: kept })) : []),
      ]);
      return null;
    },
    [disclosureId],
  );

  const submit = async () => {
    if (!window.confirm(m.submit.confirm)) return;
    setSubmitting(true);
    setSubmitError(null);
    const version = await autosave.flush();
    const outcome = version === null ? null : await submitAction({ id: disclosureId, expectedVersion: version });
    setSubmitting(false);
    if (!outcome) return setSubmitError(m.submit.unsaved);
    if (!outcome.ok) return setSubmitError(outcome.formError);
    router.push(`/disclosures/${disclosureId}`);
    router.refresh();
  };

  const onSectionChange = useCallback(
    (change: SectionChange) => update(change.content, { section: change.section, texts: change.invalid }),
    [update],
  );
  // The project tables are the indicator grid's; it hands back the whole list on every change.
  const latestContent = useRef(content);
  latestContent.current = content;
  const onProjectsChange = useCallback(
    (projects: EditableProjectFund[]) => {
      const current = latestContent.current;
      update({ ...current, performance: { ...current.performance, projects } });
    },
    [update],
  );
  // The budget tables are their grid's; the text's figures that agreed with a table follow its edit.
  const onTablesChange = useCallback(
    (tables: BudgetTables) => {
      const current = latestContent.current;
      update(followTables(current, { ...current, tables }));
    },
    [update],
  );
  const onTablesStart = useCallback(() => {
    const current = latestContent.current;
    if (!current.tables) update({ ...current, tables: emptyTables() });
  }, [update]);
  const applyFix = useCallback(
    (path: string, value: string | null) => {
      const current = latestContent.current;
      const next = withFix(current, path, value);
      update(path.startsWith("tables.") ? followTables(current, next) : next);
    },
    [update],
  );
  const context: EditorContextValue = useMemo(
    () => ({ readOnly, fiscalYear: content.fiscalYear, findings, explanations: explained, explain, jumpTo, applyFix }),
    [readOnly, content.fiscalYear, findings, explained, explain, jumpTo, applyFix],
  );
  const index = sections.findIndex((s) => s.id === section);
  const current = sections[index];
  const status = autosave.status;
  const wide = section === "performance" || section === "tables";

  return (
    <EditorContext.Provider value={context}>
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-xl font-semibold text-slate-900">
          {m.heading(content.department.name, content.fiscalYear)}
        </h1>
        <div className="ml-auto flex items-center gap-4">
          {!readOnly ? <SaveStatus status={status} invalid={invalidPaths.length} /> : null}
          {props.draftFiles ? (
            <DraftFiles disclosureId={disclosureId} flush={readOnly ? undefined : autosave.flush} />
          ) : null}
        </div>
      </div>
      {readOnlyReason ? (
        <Alert tone="warning" title={m.readOnly.title} className="mb-4">
          {readOnlyReason}
        </Alert>
      ) : null}
      {props.banner}
      <ReviewSummary />
      {autosave.restoredAt ? <Alert className="mb-4">{m.restored(formatDateTime(autosave.restoredAt))}</Alert> : null}
      {autosave.storageFailed ? (
        <Alert tone="error" className="mb-4">
          {m.save.storageFull}
        </Alert>
      ) : null}
      {status.kind === "offline" ? (
        <Alert tone="warning" className="mb-4">
          {m.save.offlineHint}
        </Alert>
      ) : null}
      {status.kind === "refused" && status.signedOut ? (
        <Alert tone="error" title={m.save.signedOutTitle} className="mb-4">
          {autosave.storageFailed ? m.save.signedOutNoCopy : m.save.signedOut}{" "}
          {/* A full page load: the proxy and the sign-in page come back here, where the copy is restored. */}
          <a
            href={`/signin?callbackUrl=${encodeURIComponent(`/disclosures/${disclosureId}/edit?section=${section}`)}`}
            className="font-medium underline underline-offset-2"
            target={autosave.storageFailed ? "_blank" : undefined}
          >
            {m.save.signInAgain}
          </a>
        </Alert>
      ) : status.kind === "refused" ? (
        <Alert tone="error" title={m.save.refused} className="mb-4">
          {status.message}
        </Alert>
      ) : null}

      {/* The project tables need the width: in 五 and 附 the findings are docked at the screen's foot instead of beside the form. */}
      <div
        className={cn(
          "grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]",
          !wide && "xl:grid-cols-[15rem_minmax(0,1fr)_19rem]",
        )}
      >
        <aside className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <SectionNav current={section} statuses={statuses} onSelect={selectSection} />
          {!readOnly ? (
            <SubmitPanel
              readiness={{
                ...blockers,
                unsaved: status.kind !== "saved",
                invalidInputs: invalidPaths.length,
                conflict: status.kind === "conflict",
              }}
              canSubmit={props.canSubmit}
              busy={submitting}
              error={submitError}
              onSubmit={submit}
            />
          ) : null}
        </aside>

        <div className="min-w-0 rounded-lg border border-slate-200 bg-white px-6 py-5 shadow-sm">
          <h2 id={`section-title-${section}`} className="mb-5 text-lg font-semibold text-slate-900">
            {m.sectionN(current.number, current.title)}
          </h2>
          <SectionForm
            key={section}
            section={section}
            content={content}
            invalidTexts={autosave.invalidTexts}
            revision={autosave.revision}
            onChange={onSectionChange}
          >
            <fieldset disabled={readOnly} className="min-w-0">
              <SectionBody
                section={section}
                content={content}
                framework={props.framework}
                tables={
                  <TablesSection
                    tables={content.tables}
                    onChange={onTablesChange}
                    onStart={onTablesStart}
                    catalogue={catalogue}
                  />
                }
                projects={
                  props.framework ? (
                    <TargetSpreadContext value={props.targetSpread ?? null}>
                      <ProjectFundsEditor
                        projects={content.performance.projects}
                        onChange={onProjectsChange}
                        framework={props.framework}
                        findings={findings}
                        comments={gridComments}
                        basePath="performance.projects"
                        readOnly={readOnly}
                        departmentId={props.departmentId}
                        fiscalYear={content.fiscalYear}
                        onInvalidText={unreadable.onGridText}
                      />
                    </TargetSpreadContext>
                  ) : (
                    <ProjectsReadOnly
                      projects={content.performance.projects}
                      note={m.sections.frameworkMissing(content.performance.framework)}
                    />
                  )
                }
              />
            </fieldset>
          </SectionForm>
          <nav
            aria-label={m.sectionsLabel}
            className="mt-8 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4"
          >
            {index > 0 ? (
              <ButtonLink
                href={`?section=${sections[index - 1].id}`}
                onClick={(e) => (e.preventDefault(), selectSection(sections[index - 1].id))}
              >
                ← {m.previous}：{m.sectionN(sections[index - 1].number, sections[index - 1].title)}
              </ButtonLink>
            ) : (
              <span />
            )}
            {index < sections.length - 1 ? (
              <ButtonLink
                href={`?section=${sections[index + 1].id}`}
                variant="primary"
                className="ml-auto"
                onClick={(e) => (e.preventDefault(), selectSection(sections[index + 1].id))}
              >
                {m.next}：{m.sectionN(sections[index + 1].number, sections[index + 1].title)} →
              </ButtonLink>
            ) : null}
          </nav>
          {wide ? <FindingsDock document={content} /> : null}
        </div>

        {wide ? null : (
          <aside className="lg:col-span-2 xl:sticky xl:top-4 xl:col-span-1 xl:h-[calc(100vh-2rem)] xl:self-start">
            <FindingsPanel document={content} />
          </aside>
        )}
      </div>
      {status.kind === "conflict" ? <ConflictDialog conflicts={status.conflicts} onResolve={autosave.resolve} /> : null}
    </EditorContext.Provider>
  );
}
