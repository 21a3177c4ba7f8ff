import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { frameworkFingerprint, frameworkUsage } from "@/db/queries/frameworks";
import { listFiscalYears, listFrameworks, ruleSeverities } from "@/db/queries/settings";
import { printLevels } from "@/lib/admin/framework-levels";
import { sections } from "@/lib/domain/model";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import { catalogueInfo } from "@/lib/rules/catalogue";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { FrameworkEditPanel, type UsageText } from "@/components/admin/framework-editor";
import { FrameworkForm, RuleSeverityForm } from "@/components/admin/framework-forms";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.frameworks.title };

const f = adminMessages.frameworks;
const sectionTitle = new Map<string, string>(sections.map((s) => [s.id, `${s.number}、${s.title}`]));

/** 指标体系与规则: each year's level-1/level-2 framework, a new one, and every rule's severity. */
export default async function FrameworksPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string | string[] }>;
}) {
  const actor = await requireActor("/admin/frameworks");
  authorize(canAdminister(actor));
  const db = getDb();
  const [frameworks, years, overrides] = await Promise.all([
    listFrameworks(db),
    listFiscalYears(db),
    ruleSeverities(db),
  ]);
  // 以此为底新增: the new framework's form starts from an existing one's levels.
  const { from } = await searchParams;
  const template = frameworks.find((x) => x.id === from);
  // Who uses each level of the admin's own frameworks, in words, for the editor's 使用中 marks.
  const usageOf = new Map<string, UsageText>();
  for (const fw of frameworks.filter((x) => !x.builtIn)) {
    const usage = await frameworkUsage(db, fw.id);
    const words = (map: Map<string, Parameters<typeof f.edit.usage>[0]>) =>
      Object.fromEntries([...map].map(([key, u]) => [key, f.edit.usage(u)]));
    usageOf.set(fw.id, { level1: words(usage.level1), pairs: words(usage.pairs) });
  }
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/frameworks" />
      <PageHeader title={f.title} description={f.intro} />
      <div className="space-y-6">
        {frameworks.map((fw) => {
          const usedBy = years.filter((y) => y.frameworkId === fw.id).map((y) => zhCN.common.yearSuffix(y.year));
          return (
            <Card key={fw.id} aria-labelledby={`fw-${fw.id}`}>
              <CardHeader
                id={`fw-${fw.id}`}
                title={
                  <span className="flex items-center gap-2">
                    {fw.name}
                    <Badge tone={fw.builtIn ? "neutral" : "info"}>{fw.builtIn ? f.builtIn : f.custom}</Badge>
                  </span>
                }
                description={`${f.id} ${fw.id}${fw.source ? ` · ${fw.source}` : ""} · ${f.usedBy}：${usedBy.join("、") || zhCN.common.none}`}
              />
              <Table caption={fw.name}>
                <THead>
                  <tr>
                    <Th className="w-48">{f.level1}</Th>
                    <Th>{f.level2}</Th>
                  </tr>
                </THead>
                <TBody>
                  {fw.levels.map((l) => (
                    <Tr key={l.level1}>
                      <Td className="font-medium">{l.level1}</Td>
                      <Td>{l.level2.join("、")}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              {fw.builtIn ? (
                <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-5 py-3 text-sm text-slate-600">
                  <p>{f.edit.builtInReadOnly}</p>
                  <ButtonLink
                    href={`/admin/frameworks?from=${encodeURIComponent(fw.id)}#fw-new`}
                    size="sm"
                    aria-label={`${f.edit.copy}：${fw.name}`}
                  >
                    {f.edit.copy}
                  </ButtonLink>
                </div>
              ) : (
                <FrameworkEditPanel
                  framework={{ id: fw.id, name: fw.name, source: fw.source, levels: fw.levels }}
                  expected={frameworkFingerprint(fw)}
                  usage={usageOf.get(fw.id)!}
                  deletable={usedBy.length === 0}
                />
              )}
            </Card>
          );
        })}
        <Card aria-labelledby="fw-new">
          <CardHeader id="fw-new" title={f.create} />
          <CardBody>
            {template ? <p className="mb-4 text-sm text-slate-600">{f.edit.copyOf(template.name)}</p> : null}
            <FrameworkForm
              key={template?.id ?? ""}
              levels={template ? printLevels(template.levels) : undefined}
              source={template?.source}
            />
          </CardBody>
        </Card>
        <Card aria-labelledby="rules">
          <CardHeader id="rules" title={f.rules} description={f.rulesIntro} />
          <Table caption={f.rules}>
            <THead>
              <tr>
                <Th>{f.ruleTitle}</Th>
                <Th className="w-56">{f.ruleSection}</Th>
                <Th className="w-20">{f.defaultSeverity}</Th>
                <Th className="w-64">{f.severity}</Th>
              </tr>
            </THead>
            <TBody>
              {catalogueInfo().map((rule) => (
                <Tr key={rule.id}>
                  <Td>
                    <div>{rule.title}</div>
                    <div className="font-mono text-xs text-slate-500">
                      {rule.id}
                      {rule.importOnly ? ` · ${f.importOnly}` : ""}
                    </div>
                  </Td>
                  <Td className="text-slate-700">{rule.section ? sectionTitle.get(rule.section) : f.allSections}</Td>
                  <Td>{f.severities[rule.severity]}</Td>
                  <Td>
                    <RuleSeverityForm ruleId={rule.id} current={overrides[rule.id] ?? "default"} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      </div>
    </AppShell>
  );
}
