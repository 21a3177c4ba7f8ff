import JSZip from "jszip";

/**
 * Reads a Word file into the plain-text form of the 2020 三河 fixture, so the text importer reads
 * Word files too: each paragraph a line; a table as a blank line, then each row's cells one per
 * line indented by a tab, each row followed by a blank line; a cell continued from the row above
 * (Word's vMerge) as a bare tab, as the fixture shows merged 一级指标 cells. Horizontally merged
 * cells (gridSpan) are one cell, as in the fixture.
 */

type CellText = { paragraphs: string[]; continued: boolean };

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * A reference to a character that cannot exist (beyond U+10FFFF) stays as written. One that
 * exists but no text may hold (`&#0;`, `&#xD800;`) is decoded like any other, so the importer
 * refuses it at the preview with its section (lib/import/text/text-faults.ts).
 */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name.startsWith("#x") ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<[?!][^>]*>|([^<]+)/g;

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[2] ?? m[3] ?? null) : null;
}

/** The body of word/document.xml as the fixture's text lines. */
export function documentXmlToLines(xml: string): string[] {
  const lines: string[] = [];
  let tableDepth = 0;
  let rows: CellText[][] = [];
  let row: CellText[] | null = null;
  let cell: CellText | null = null;
  let paragraphDepth = 0;
  let paragraph: string[] = [];
  let inText = false;
  // <w:tab/> in a run is a tab character; inside <w:tabs> it defines a tab stop.
  let inTabStops = false;
  // mc:Fallback repeats what mc:Choice already says (text boxes, shapes): read one of the two.
  let skipDepth = 0;

  const endParagraph = () => {
    const text = paragraph.join("");
    paragraph = [];
    if (tableDepth > 0 && cell) cell.paragraphs.push(text);
    else if (tableDepth === 0) lines.push(text);
  };

  const endTable = () => {
    lines.push("");
    for (const r of rows) {
      for (const c of r) {
        // Empty paragraphs around a cell's text are spacing, not content; inside it they would
        // read as the end of the row.
        const text = c.continued ? "" : c.paragraphs.filter((p) => p.trim() !== "").join("\n");
        lines.push(`\t${text}`);
      }
      lines.push("");
    }
    lines.push("");
    rows = [];
  };

  for (const m of xml.matchAll(TOKEN)) {
    const [, closing, name, attrs, selfClosing, chars] = m;
    if (chars !== undefined) {
      if (inText && skipDepth === 0 && paragraphDepth > 0) paragraph.push(decodeEntities(chars));
      continue;
    }
    if (name === undefined) continue;
    if (name === "mc:Fallback") {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth > 0) continue;
    const open = !closing;
    switch (name) {
      case "w:p":
        if (open && selfClosing) {
          if (paragraphDepth === 0) endParagraph();
        } else if (open) {
          paragraphDepth += 1;
        } else {
          paragraphDepth -= 1;
          if (paragraphDepth === 0) endParagraph();
        }
        break;
      case "w:t":
        inText = open && !selfClosing;
        break;
      case "w:tabs":
        inTabStops = open && !selfClosing;
        break;
      case "w:tab":
        if (open && paragraphDepth > 0 && !inTabStops) paragraph.push("\t");
        break;
      case "w:br":
      case "w:cr":
        if (open && paragraphDepth > 0) paragraph.push("\n");
        break;
      case "w:noBreakHyphen":
        if (open && paragraphDepth > 0) paragraph.push("-");
        break;
      case "w:tbl":
        if (open && !selfClosing) tableDepth += 1;
        else if (closing) {
          tableDepth -= 1;
          if (tableDepth === 0) endTable();
        }
        break;
      case "w:tr":
        if (tableDepth !== 1) break;
        if (open && !selfClosing) row = [];
        else if (closing && row) {
          rows.push(row);
          row = null;
        }
        break;
      case "w:tc":
        if (tableDepth !== 1) break;
        if (open && !selfClosing) {
          cell = { paragraphs: [], continued: false };
        } else if (closing && cell) {
          row?.push(cell);
          cell = null;
        }
        break;
      case "w:vMerge":
        // A vMerge without a value, or with "continue", continues the cell above; "restart" opens one.
        if (tableDepth === 1 && cell && open && (attribute(attrs, "w:val") ?? "continue") === "continue")
          cell.continued = true;
        break;
      default:
        break;
    }
  }
  return lines;
}

/** The path of the main document part, from the package relationships (not always word/document.xml). */
async function mainDocumentPath(zip: JSZip): Promise<string> {
  const rels = await zip.file("_rels/.rels")?.async("string");
  const target = rels && /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels)?.[0];
  const path = target ? attribute(target, "Target") : null;
  return path ? path.replace(/^\//, "") : "word/document.xml";
}

export async function docxToDisclosureText(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const path = await mainDocumentPath(zip);
  const xml = await zip.file(path)?.async("string");
  if (xml === undefined) throw new Error(`不是有效的 Word 文件：缺少 ${path}`);
  return `${documentXmlToLines(xml).join("\n")}\n`;
}
