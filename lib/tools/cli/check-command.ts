import { severityWords } from "../../i18n/zh-CN/severity";
import { checkDisclosure, summariseFindings, withOtherFindings } from "../../rules/engine";
import { EXIT_FINDINGS, EXIT_OK, type CliCommand } from "./command";
import { parseOptions, singleFile } from "./options";
import { readDisclosureFile } from "./read-disclosure";
import { withTablesOption } from "./read-tables";
import { shippedCatalogue } from "../../../db/seed/classification";

export const checkCommand: CliCommand = {
  name: "check",
  usage: "check FILE [--tables TABLES.xlsx] [--json]",
  summary: "按财政局的审核规则检查；有“错误”级问题时退出码为 1",
  async run(args, io) {
    const { values, positionals } = parseOptions("check", args, {
      json: { type: "boolean" },
      tables: { type: "string" },
    });
    const file = singleFile("check", positionals);
    // The importer's own findings (a sentence's figure against its table) join the rule engine's.
    const read = await readDisclosureFile(file, io);
    const disclosure = await withTablesOption(read.disclosure, values.tables as string | undefined, io);
    // Codes are looked up in the shipped catalogue of the year (or the nearest earlier one): the CLI has no database.
    const classification = shippedCatalogue(disclosure.fiscalYear);
    const findings = withOtherFindings(checkDisclosure(disclosure, { classification }), read.findings);
    if (values.json) {
      io.out(
        JSON.stringify(
          findings.map(({ rule, severity, path, message }) => ({ rule, severity, path, message })),
          null,
          2,
        ),
      );
    } else {
      for (const f of findings) io.out(`${severityWords[f.severity]} ${f.rule} ${f.path} ${f.message}`);
      const { error, warning, info } = summariseFindings(findings);
      io.err(
        `检查完成：${severityWords.error} ${error} 项，${severityWords.warning} ${warning} 项，${severityWords.info} ${info} 项`,
      );
    }
    return findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
  },
};
