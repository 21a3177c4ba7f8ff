import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Disclosure } from "../../domain/model";
import { renderDocx } from "../../export/docx";
import { checkDisclosure } from "../../rules/engine";
import { sanhe2020GoldenJson, sanhe2020Text, SANHE_2020_TEXT_PATH } from "../../domain/__fixtures__/sanhe-2020";

const root = path.resolve(import.meta.dirname, "../../..");
const fixturePath = SANHE_2020_TEXT_PATH;
const fixture = sanhe2020Text();
// The file as written, key order and all: the CLI prints it byte for byte.
const golden = JSON.parse(sanhe2020GoldenJson()) as Disclosure;
const tsx = path.join(root, "node_modules/.bin/tsx");

type Run = { code: number; stdout: string; stderr: string };

/** The CLI as a child process, the way scripts and the finance bureau's batch jobs run it. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["lib/tools/cli/main.ts", ...args],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CLI_DEBUG: "" } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let dir: string;
const file = (name: string, content: string | Uint8Array) => {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
};

/** One line on stderr naming the file, and nothing that looks like a stack trace. */
function expectOneClearLine(run: Run, ...words: string[]) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  for (const word of words) expect(lines[0]).toContain(word);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "budget-cli-"));
});

describe.concurrent("cli import", () => {
  it("prints the canonical JSON of the fixture", async () => {
    const run = await cli("import", fixturePath, "--json");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toEqual(golden);
    expect(run.stdout).toBe(`${JSON.stringify(golden, null, 2)}\n`);
  });

  it("prints a short zh-CN summary without --json", async () => {
    const run = await cli("import", fixturePath);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("部门：434 三河市人民政府办公室");
    expect(run.stdout).toContain("项目 13 个，绩效指标 107 条");
    expect(run.stdout).toContain("导入完成，没有问题。");
  });

  it("reads canonical JSON, a GBK file and a Word file to the same JSON", async () => {
    const json = file("sanhe.json", JSON.stringify(golden));
    const gbk = file("sanhe-gbk.txt", iconv.encode(fixture, "gbk"));
    const docx = file("sanhe.docx", await renderDocx(golden));
    for (const run of await Promise.all([json, gbk, docx].map((input) => cli("import", input, "--json")))) {
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(golden);
    }
    // Three command-line processes: generous when the suite's database tests hold both cores.
  }, 120_000);

  it("reports import problems on stderr as 第N行：…", async () => {
    const lines = fixture.split("\n");
    lines.splice(165, 1); // the 指标值 cell "<0.10%" of line 166
    const run = await cli("import", file("missing-cell.txt", lines.join("\n")), "--json");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "第162行：这一行只有 5 个单元格，少于表头的 6 列，缺少的单元格按空白读取（performance.projects[0].indicators[1]）\n",
    );
    expect(JSON.parse(run.stdout).performance.projects[0].indicators).toHaveLength(8);
  });
});

describe.concurrent("cli check", () => {
  const expected = checkDisclosure(golden).map(({ rule, severity, path, message }) => ({
    rule,
    severity,
    path,
    message,
  }));

  it("prints the rule engine's findings as JSON and exits 1 on an error finding", async () => {
    expect(expected.some((f) => f.severity === "error")).toBe(true);
    const run = await cli("check", fixturePath, "--json");
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual(expected);
    expect(JSON.parse(run.stdout)).toContainEqual(
      expect.objectContaining({
        rule: "indicator.target-readable",
        severity: "error",
        path: "performance.projects[2].indicators[8].target",
      }),
    );
  });

  it("prints one line per finding in text form", async () => {
    const run = await cli("check", fixturePath);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(expected.length);
    const word = { error: "错误", warning: "提示", info: "参考" } as const;
    lines.forEach((line, i) =>
      expect(line).toBe(`${word[expected[i].severity]} ${expected[i].rule} ${expected[i].path} ${expected[i].message}`),
    );
    expect(run.stderr).toMatch(/^检查完成：错误 \d+ 项，提示 \d+ 项，参考 \d+ 项\n$/);
  });

  it("adds the importer's finding when a sentence's figure contradicts the table beside it", async () => {
    const altered = fixture.replace("公务用车购置及运维费83.94万元", "公务用车购置及运维费83.95万元");
    expect(altered).not.toBe(fixture);
    const run = await cli("check", file("altered.txt", altered), "--json");
    const found = (JSON.parse(run.stdout) as Array<{ rule: string; path: string; message: string }>).filter(
      (f) => f.rule === "plausibility.narrative-figure",
    );
    expect(found).toEqual([
      expect.objectContaining({ path: "threePublic.current", message: expect.stringContaining("83.95") }),
    ]);
    expect(found[0].message).toContain("83.94");
  });

  it("exits 0 when no finding is an error", async () => {
    const clean = structuredClone(golden);
    for (const f of checkDisclosure(golden).filter((x) => x.severity === "error")) {
      const [, p, i] = /^performance\.projects\[(\d+)\]\.indicators\[(\d+)\]/.exec(f.path) ?? [];
      clean.performance.projects[Number(p)].indicators[Number(i)].target = {
        raw: ">=90%",
        kind: "quantitative",
        operator: ">=",
        value: "90",
        unit: "%",
      };
    }
    expect(checkDisclosure(clean).filter((x) => x.severity === "error")).toEqual([]);
    const run = await cli("check", file("clean.json", JSON.stringify(clean)), "--json");
    expect(run.code).toBe(0);
  });
});

describe.concurrent("cli on unreadable input: exit 2 and one clear line", () => {
  it("a missing file", async () =>
    expectOneClearLine(await cli("import", path.join(dir, "nope.txt")), "nope.txt", "文件不存在"));
  it("a binary file", async () =>
    expectOneClearLine(
      await cli("check", file("x.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))),
      "x.png",
      "不是文本",
    ));
  it("a directory", async () => expectOneClearLine(await cli("check", dir), "目录"));
  it("an empty file", async () =>
    expectOneClearLine(await cli("import", file("empty.txt", "")), "empty.txt", "文件是空的"));
  it("text that is not a disclosure", async () =>
    expectOneClearLine(
      await cli("check", file("notes.txt", "会议纪要\n今天开会。\n")),
      "notes.txt",
      "不是部门预算信息公开文本",
    ));
  it("broken JSON", async () =>
    expectOneClearLine(
      await cli("import", file("broken.json", '{\n  "schemaVersion": 1,\n  "department": }\n')),
      "broken.json",
      "第3行",
      "JSON 格式错误",
    ));
  it("JSON that is not a disclosure", async () =>
    expectOneClearLine(
      await cli("check", file("other.json", '{"name": "x"}')),
      "other.json",
      "不是部门预算信息公开的规范 JSON",
    ));
  it("a zip that is not a Word file", async () =>
    expectOneClearLine(
      await cli("import", file("fake.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))),
      "fake.docx",
      "Word",
    ));
  it("an unknown command or option, or no file", async () => {
    expectOneClearLine(await cli("frobnicate"), "未知命令");
    expectOneClearLine(await cli("import", "--xml", fixturePath), "未知选项 --xml");
    expectOneClearLine(await cli("check"), "缺少文件名");
  });
});

describe.concurrent("cli help", () => {
  it("lists the commands and the exit codes", async () => {
    const run = await cli("--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("import FILE [--tables TABLES.xlsx] [--json]");
    expect(run.stdout).toContain("check FILE [--tables TABLES.xlsx] [--json]");
    expect(run.stdout).toContain("退出码");
  });
});
