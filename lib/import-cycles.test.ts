import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No module of ours imports itself round a loop (issue 14: the zip writer and the package pinner
 * did). A cycle makes the order modules load in decide whether a constant is defined yet, and it
 * says two files are really one. Type-only imports are left out: they vanish when compiled.
 */

const root = path.resolve(import.meta.dirname, "..");
const folders = ["lib", "db", "app", "components"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name.startsWith(".") || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const files = folders.flatMap((folder) => sourceFiles(path.join(root, folder)));
const known = new Set(files);

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  return (
    [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), base].find((candidate) => known.has(candidate)) ?? null
  );
}

/** Static value imports and re-exports (`import type` and `export type … from` left out). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?\bfrom\s+["']([^"']+)["']/gms)) {
    if (match[1]) continue;
    const target = resolve(file, match[2]);
    if (target) found.push(target);
  }
  return found;
}

/** The strongly connected groups of more than one file (Tarjan), each a cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) groups.push(group);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups;
}

describe("module imports", () => {
  it("reads the source it is meant to check", () => {
    expect(files.map((f) => path.relative(root, f))).toContain(path.join("lib", "export", "zip-writer.ts"));
    expect(importsOf(path.join(root, "lib", "export", "deterministic-zip.ts"))).toContain(
      path.join(root, "lib", "export", "zip-writer.ts"),
    );
  });

  it("finds a cycle when there is one", () => {
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
          ["d", ["a"]],
        ]),
      ),
    ).toEqual([["c", "b", "a"]]);
  });

  it("form no cycle", () => {
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    expect(cycles(graph).map((group) => group.map((f) => path.relative(root, f)).sort())).toEqual([]);
  });
});
