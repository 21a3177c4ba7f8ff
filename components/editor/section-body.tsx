"use client";

import type { ReactNode } from "react";
import type { EditableDisclosure } from "@/lib/domain/editable";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import type { SectionId } from "@/lib/domain/model";
import { AssetsSection } from "./sections/assets-section";
import { BudgetSection } from "./sections/budget-section";
import { OrganisationSection } from "./sections/organisation-section";
import { PerformanceSection } from "./sections/performance-section";
import { ProcurementSection } from "./sections/procurement-section";
import { GlossarySection, OperatingExpensesSection, OtherMattersSection } from "./sections/simple-sections";
import { ThreePublicSection } from "./sections/three-public-section";

/** The fields of one section; the form around them is SectionForm's. */
export function SectionBody({
  section,
  content,
  framework,
  projects,
  tables,
}: {
  section: SectionId;
  content: EditableDisclosure;
  framework: IndicatorFramework | undefined;
  projects: ReactNode;
  /** 附's budget tables: their own grid, as 五's project tables are the indicator grid's. */
  tables: ReactNode;
}) {
  switch (section) {
    case "organisation":
      return <OrganisationSection />;
    case "budget":
      return <BudgetSection content={content} />;
    case "operatingExpenses":
      return <OperatingExpensesSection content={content} />;
    case "threePublic":
      return <ThreePublicSection content={content} />;
    case "performance":
      return <PerformanceSection framework={framework} projects={projects} />;
    case "procurement":
      return <ProcurementSection content={content} />;
    case "assets":
      return <AssetsSection content={content} />;
    case "glossary":
      return <GlossarySection />;
    case "otherMatters":
      return <OtherMattersSection />;
    case "tables":
      return <>{tables}</>;
  }
}
