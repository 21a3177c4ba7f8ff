#!/usr/bin/env python3
"""
The print fonts of the PDF export: the Simplified Chinese faces of the system's Noto CJK fonts
(Debian's fonts-noto-cjk), with their CFF outlines turned into TrueType outlines.

Why: Chromium's PDF writer (Skia) can subset and embed only TrueType outlines. Noto CJK is CFF, so
every glyph it prints is written as a Type 3 drawing instead: twice the print time of a subset
font and a PDF half again as large. The same design with TrueType outlines (cubic curves turned
into quadratic ones within 1/1000 em, invisible at any size) is embedded as a real font subset:
CID TrueType, Identity-H, with a Unicode map, so the text stays selectable and searchable.

Writes DIR (default .data/print-fonts, or PRINT_FONTS_DIR) with the converted faces and a
fonts.conf that the PdfPrinter hands Chromium (FONTCONFIG_FILE): the system's configuration, this
folder, and the CFF Noto CJK files left out, so the page's font names ("Noto Serif CJK SC",
"Noto Sans CJK SC") find these faces. Without the folder the printer uses the system fonts as they
are. Needs fontTools (Debian: python3-fonttools). A minute or so of CPU per face; run once per machine:

    python3 lib/tools/tasks/print-fonts.py [DIR]
"""

import os
import subprocess
import sys
import time

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import newTable
from fontTools.ttLib.ttCollection import TTCollection

NOTO = "/usr/share/fonts/opentype/noto"
# The faces the document's stylesheet (lib/render/document-css.ts) and the footer use.
FACES = [
    ("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "NotoSerifCJKsc-Regular.ttf"),
    ("NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC", "NotoSerifCJKsc-Bold.ttf"),
    ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", "NotoSansCJKsc-Regular.ttf"),
    ("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", "NotoSansCJKsc-Bold.ttf"),
]


def to_truetype(source, family, target):
    collection = TTCollection(source, lazy=True)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == family)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]  # vertical origins belong to CFF fonts
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0  # no glyph names: 65,535 of them would only add size
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    partial = target + ".part"
    font.save(partial)
    os.replace(partial, target)


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("PRINT_FONTS_DIR", ".data/print-fonts"))
    os.makedirs(out, exist_ok=True)
    for source, family, name in FACES:
        target = os.path.join(out, name)
        if os.path.exists(target):
            print(f"已有 {target}")
            continue
        start = time.time()
        to_truetype(os.path.join(NOTO, source), family, target)
        print(f"已生成 {target}（{time.time() - start:.0f} 秒）")
    rejected = "".join(f"<glob>{NOTO}/{source}</glob>" for source in sorted({s for s, _, _ in FACES}))
    conf = os.path.join(out, "fonts.conf")
    with open(conf + ".part", "w", encoding="utf-8") as f:
        f.write(
            '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
            '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
            f"  <dir>{out}</dir>\n  <cachedir>{out}/cache</cachedir>\n"
            f"  <selectfont><rejectfont>{rejected}</rejectfont></selectfont>\n</fontconfig>\n"
        )
    os.replace(conf + ".part", conf)
    subprocess.run(["fc-cache", out], env={**os.environ, "FONTCONFIG_FILE": conf}, check=False)
    print(f"已写 {conf}：PDF 导出将使用这些字体")


if __name__ == "__main__":
    main()
