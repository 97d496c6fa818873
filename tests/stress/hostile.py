"""Hostile and heavy inputs made on the fly (nothing large is committed): a PDF whose content
stream inflates to hundreds of MiB, PDFs of many empty pages, a spreadsheet of a million
cells, a form of tens of thousands of indicators."""
import copy
import io
import json
import zipfile
import zlib
from pathlib import Path


def pdf(objects):
    """A well-formed PDF of `objects` (bytes each, numbered from 1; 1 is the catalog)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" %
              (len(objects) + 1, xref))
    return out.getvalue()


def empty_pages_pdf(pages):
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages
    return pdf(objects)


def flate_bomb_pdf(mib=400):
    z = zlib.compressobj(9)
    block = b"0 0 m\n" * (1 << 17)  # ~768 KiB of a trivial operator
    parts = []
    size = 0
    while size < (mib << 20):
        parts.append(z.compress(block))
        size += len(block)
    parts.append(z.flush())
    stream = b"".join(parts)
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream +
                b"\nendstream"])


def million_cell_xlsx(rows=10_000, cols=100):
    def col(i):
        name = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            name = chr(65 + r) + name
        return name
    names = [col(c) for c in range(cols)]
    sheet = io.StringIO()
    sheet.write('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for r in range(1, rows + 1):
        sheet.write(f'<row r="{r}">')
        for c in range(cols):
            sheet.write(f'<c r="{names[c]}{r}"><v>{r * c % 997}</v></c>')
        sheet.write("</row>")
    sheet.write("</sheetData></worksheet>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet.getvalue())
    return buf.getvalue()


def big_form(root, indicators):
    """The Tianjin department form with its first goal's leaves repeated to `indicators`."""
    form = json.loads((Path(root) / "examples" / "tianjin-2022-dept.json").read_text("utf-8"))
    goal = form["goals"][0]
    leaves = goal["indicators"]
    out = []
    for i in range(indicators):
        leaf = copy.deepcopy(leaves[i % len(leaves)])
        leaf["name"] = f"{leaf.get('name') or '指标'}{i}"
        out.append(leaf)
    goal["indicators"] = out
    form["goals"] = [goal]
    return form
